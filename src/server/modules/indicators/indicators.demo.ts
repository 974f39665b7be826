import type { Insertable } from 'kysely';
import { z } from 'zod';
import { previousMonth } from '../../../shared/rules/monthly-cycle';
import { indicatorDirection, indicatorKind } from '../../../shared/modules/indicators.schemas';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { countyDay } from '../../core/scheduler/scheduler';
import { indicatorsRepository, plansRepository } from './indicators.repository';
import type { IndicatorValueTable } from './indicators.tables';

const target = z.strictObject({
  indicator: z.string(),
  /** Unit code, or null for the county's own target. */
  unit: z.string().nullable(),
  target: z.number(),
  startOfYear: z.number().nullable(),
  planCurve: z.array(z.number()).length(12).nullable(),
  responsiblePerson: z.string(),
  leadLeader: z.string(),
  measures: z.string(),
});

/** A county's indicator catalogue and one year's published plan, as shipped in `scripts/demo/`. */
export const indicatorsFile = z.strictObject({
  year: z.number().int(),
  indicators: z.array(
    z.strictObject({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      unitZh: z.string(),
      unitEn: z.string(),
      kind: indicatorKind,
      direction: indicatorDirection.default('higher'),
      sourceUnit: z.string(),
      definitionZh: z.string(),
      decimals: z.number().int(),
      sortOrder: z.number().int(),
    }),
  ),
  targets: z.array(target),
});

/**
 * Loads the demo catalogue and publishes the file's year's plan (the source document's 2021, kept as a history year),
 * once: nothing happens if the catalogue has any indicator. With `withLedger`, that year is also filled with reported
 * values up to October, September locked (tests of the ledger start empty).
 */
export async function ensureDemoIndicators(deps: Deps, data: DemoFile, { withLedger = true } = {}): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if ((await indicatorsRepository.list(trx, { page: 1, pageSize: 1, order: 'asc' })).total > 0) return false;
    const units = await unitLookup(trx);
    const now = deps.clock.now().toISOString();
    const ids = new Map<string, number>();
    for (const { sourceUnit, ...indicator } of data.indicators) {
      const id = await indicatorsRepository.insert(trx, {
        ...indicator,
        sourceUnitId: units.id(sourceUnit),
        definitionEn: '',
        yellowBandPp: null,
        minValue: indicator.kind === 'growth' ? null : 0,
        maxValue: indicator.kind === 'ratio' ? 100 : null,
        maxJumpPct: indicator.kind === 'cumulative' ? 50 : null,
        active: 1,
        createdAt: now,
        updatedAt: now,
      });
      ids.set(indicator.code, id);
    }
    await publishPlan(trx, data.year, data.targets, ids, units, now);
    const year: LedgerYear = { year: data.year, reportedMonths: 10, lockedMonths: 9, lateUnitsInLastMonth: false };
    const values = withLedger ? demoLedger(data, year, ids, units, deps.clock.now()) : [];
    await insertValues(trx, values);
    if (withLedger) await lockMonths(trx, year, deps.clock.now());
    await recordAudit(trx, deps, systemContext(), {
      action: 'setup.load_indicators',
      entityType: 'indicator_plan',
      entityId: data.year,
      after: { indicators: data.indicators.length, targets: data.targets.length, values: values.length },
    });
    return true;
  });
}

/**
 * The demo county's present: this year's plan (the year of last month, so January still shows the year just ended)
 * with the file's targets grown 8 % a year, the ledger reported up to last month and locked up to the month before
 * (some units still have last month as a draft or not at all), and last year complete as the baseline. Nothing when
 * the file's own year is that year (tests on a clock in the history year), or when the year has a plan.
 */
export async function ensureDemoCurrentYear(deps: Deps, data: DemoFile): Promise<boolean> {
  const lastMonth = previousMonth(countyDay(deps.clock.now()));
  const year = Number(lastMonth.slice(0, 4));
  if (year <= data.year) return false;
  return deps.db.transaction().execute(async (trx) => {
    if (await plansRepository.findByYear(trx, year)) return false;
    const units = await unitLookup(trx);
    const ids = new Map((await trx.selectFrom('indicators').select(['id', 'code']).execute()).map((i) => [i.code, i.id]));
    const now = deps.clock.now();
    const grown = grownTargets(data, year);
    await publishPlan(trx, year, grown.targets, ids, units, now.toISOString());
    const ledgerYear: LedgerYear = {
      year,
      reportedMonths: Number(lastMonth.slice(5)),
      lockedMonths: Number(lastMonth.slice(5)) - 1,
      lateUnitsInLastMonth: true,
    };
    const existing = new Set(
      (
        await trx
          .selectFrom('indicatorValues')
          .select(['indicatorId', 'unitId', 'month'])
          .where('month', '>=', `${year - 1}-01`)
          .execute()
      ).map((v) => `${v.indicatorId}/${v.unitId}/${v.month}`),
    );
    const values = demoLedger(grown, ledgerYear, ids, units, now).filter((v) => !existing.has(`${v.indicatorId}/${v.unitId}/${v.month}`));
    await insertValues(trx, values);
    await lockMonths(trx, ledgerYear, now);
    await recordAudit(trx, deps, systemContext(), {
      action: 'setup.load_indicators',
      entityType: 'indicator_plan',
      entityId: year,
      after: { targets: grown.targets.length, values: values.length },
    });
    return true;
  });
}

type DemoFile = z.infer<typeof indicatorsFile>;
interface Units {
  id(code: string): number;
  countyId: number;
}
/** A ledger year of the demo: months 1…reportedMonths reported, 1…lockedMonths locked. */
interface LedgerYear {
  year: number;
  reportedMonths: number;
  lockedMonths: number;
  /** Whether some units have not yet submitted the last reported month (a draft, or nothing at all). */
  lateUnitsInLastMonth: boolean;
}

async function unitLookup(trx: Trx): Promise<Units> {
  const units = new Map((await trx.selectFrom('orgUnits').select(['id', 'code', 'kind']).execute()).map((u) => [u.code, u]));
  const county = [...units.values()].find((u) => u.kind === 'county');
  if (!county) throw new Error('Demo indicators: load the county first');
  return {
    countyId: county.id,
    id(code) {
      const unit = units.get(code);
      if (!unit) throw new Error(`Demo indicators: unknown unit ${code}`);
      return unit.id;
    },
  };
}

async function publishPlan(trx: Trx, year: number, targets: DemoFile['targets'], ids: Map<string, number>, units: Units, now: string) {
  const planId = await plansRepository.insert(trx, {
    year,
    status: 'published',
    version: 1,
    coverageReason: null,
    publishedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  for (const [code, id] of ids) {
    const rows = targets
      .filter((t) => t.indicator === code)
      .map(({ indicator: _, unit, planCurve, ...t }) => ({
        ...t,
        unitId: unit ? units.id(unit) : units.countyId,
        isCounty: unit ? 0 : 1,
        planCurve: planCurve ? JSON.stringify(planCurve) : null,
      }));
    await plansRepository.replaceTargets(trx, planId, id, rows);
  }
  const snapshot = JSON.stringify(await plansRepository.allTargets(trx, planId));
  await plansRepository.insertVersion(trx, { planId, version: 1, reason: '', snapshot, createdBy: null, createdAt: now });
}

/** The history year's targets grown 8 % a year for amounts and counts; growth rates and shares stay as they were. */
function grownTargets(data: DemoFile, year: number): DemoFile {
  const factor = 1.08 ** (year - data.year);
  const kinds = new Map(data.indicators.map((i) => [i.code, i]));
  const grow = (code: string, x: number | null) => {
    const indicator = kinds.get(code);
    if (x === null || !indicator || indicator.kind === 'growth' || indicator.kind === 'ratio') return x;
    return round(x * factor, indicator.decimals);
  };
  return {
    ...data,
    year,
    targets: data.targets.map((t) => ({ ...t, target: grow(t.indicator, t.target) ?? t.target, startOfYear: grow(t.indicator, t.startOfYear) })),
  };
}

async function insertValues(trx: Trx, values: Insertable<IndicatorValueTable>[]) {
  for (let i = 0; i < values.length; i += 500)
    await trx
      .insertInto('indicatorValues')
      .values(values.slice(i, i + 500))
      .execute();
}

async function lockMonths(trx: Trx, ledger: LedgerYear, now: Date) {
  for (let m = 1; m <= ledger.lockedMonths; m++) {
    const month = monthOf(ledger.year, m);
    await trx
      .insertInto('indicatorMonthLocks')
      .values({ month, lockedBy: null, lockedAt: notAfter(workingDayAfter(month, 8, 9), now) })
      .execute();
  }
}

const monthOf = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

/**
 * The `n`th Monday-to-Friday of the month after `month`, at `hour` county time (UTC+8), as an instant: when the demo's
 * values of a month were sent (before the 5th working day's deadline) or the month was locked (the 8th).
 */
function workingDayAfter(month: string, n: number, hour: number): Date {
  const [y, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(y, m, 1, hour - 8));
  for (let count = 0; ; day.setUTCDate(day.getUTCDate() + 1)) {
    const weekday = new Date(day.getTime() + 8 * 3_600_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && ++count === n) return day;
  }
}

/** A moment no later than an hour before now: the demo never says something happened after the day it is loaded. */
const notAfter = (moment: Date, now: Date) => new Date(Math.min(moment.getTime(), now.getTime() - 3_600_000)).toISOString();

/** A small deterministic generator, so every demo start shows the same county. */
function seeded(text: string) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h >>> 0) % 10000) / 10000;
  };
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/**
 * Plausible monthly values for the demo: each unit runs at its own pace against the plan (some lag behind, so the
 * board has red lights), county totals of decomposed indicators are the sum of their townships. Each month is sent
 * on one of the first working days of the next; last year is all there as the baseline of cumulative indicators.
 */
function demoLedger(data: DemoFile, ledger: LedgerYear, ids: Map<string, number>, units: Units, now: Date): Insertable<IndicatorValueTable>[] {
  const rows: Insertable<IndicatorValueTable>[] = [];
  const add = (indicatorId: number, unit: number, month: string, value: number, status: 'submitted' | 'draft' = 'submitted') => {
    const sent = notAfter(workingDayAfter(month, 1 + (unit % 4), 9 + (unit % 7)), now);
    rows.push({
      indicatorId,
      unitId: unit,
      month,
      value,
      explanation: '',
      status,
      updatedBy: null,
      updatedAt: sent,
      submittedAt: status === 'submitted' ? sent : null,
    });
  };
  const last = ledger.reportedMonths;
  for (const indicator of data.indicators) {
    const id = ids.get(indicator.code) as number;
    const targets = data.targets.filter((t) => t.indicator === indicator.code);
    const unitTargets = targets.filter((t) => t.unit !== null);
    const countyTotals = Array(12).fill(0) as number[];
    const countyBaseline = Array(12).fill(0) as number[];
    const series = unitTargets.length ? unitTargets : targets;
    for (const t of series) {
      const random = seeded(`${indicator.code}/${t.unit ?? 'county'}`);
      // Most units run between 85 % and 112 % of plan; about one in five lags at 60–75 %.
      const pace = random() < 0.2 ? 0.6 + random() * 0.15 : 0.85 + random() * 0.27;
      const unit = t.unit ? units.id(t.unit) : units.countyId;
      // Last month, about one unit in eight has only a draft and one in twelve has sent nothing yet.
      const lateness = ledger.lateUnitsInLastMonth && t.unit ? seeded(`late/${t.unit}`)() : 1;
      const lastMonthState = lateness < 1 / 12 ? 'missing' : lateness < 1 / 12 + 1 / 8 ? 'draft' : 'submitted';
      const report = (m: number, value: number) => {
        if (m === last && lastMonthState === 'missing') return false;
        add(id, unit, monthOf(ledger.year, m), value, m === last && lastMonthState === 'draft' ? 'draft' : 'submitted');
        return lastMonthState === 'submitted' || m < last;
      };
      const curve = t.planCurve ?? Array.from({ length: 12 }, (_, i) => ((i + 1) / 12) * 100);
      // Cumulative amounts are drawn as a running total and differenced, so small integer targets (new firms) add up.
      let reported = 0;
      let baselineSoFar = 0;
      for (let m = 1; m <= 12; m++) {
        const planned = (t.target * curve[m - 1]) / 100;
        if (indicator.kind === 'cumulative') {
          const lastYearTotal = round((planned * (0.95 + random() * 0.08)) / 1.08, indicator.decimals);
          const baseline = Math.max(0, round(lastYearTotal - baselineSoFar, indicator.decimals));
          baselineSoFar = round(baselineSoFar + baseline, indicator.decimals);
          add(id, unit, monthOf(ledger.year - 1, m), baseline);
          countyBaseline[m - 1] += baseline;
          if (m <= last) {
            const total = round(planned * pace * (0.96 + random() * 0.08), indicator.decimals);
            const value = Math.max(0, round(total - reported, indicator.decimals));
            reported = round(reported + value, indicator.decimals);
            if (report(m, value)) countyTotals[m - 1] += value;
          }
        } else if (m <= last) {
          const value =
            indicator.kind === 'stock'
              ? Math.round((t.startOfYear ?? 0) + (t.target - (t.startOfYear ?? 0)) * (m / 12) * pace)
              : round(t.target + (pace - 1) * 12 + (random() - 0.5), indicator.decimals);
          if (report(m, value)) countyTotals[m - 1] += value;
        }
      }
    }
    // The data-source department reports the county total of a decomposed indicator as its townships' sum, once all
    // of them have sent the month.
    if (unitTargets.length) {
      const complete = (m: number) => m < last || !ledger.lateUnitsInLastMonth;
      for (let m = 1; m <= 12; m++) {
        if (indicator.kind === 'cumulative') add(id, units.countyId, monthOf(ledger.year - 1, m), round(countyBaseline[m - 1], indicator.decimals));
        if (m <= last && complete(m)) add(id, units.countyId, monthOf(ledger.year, m), round(countyTotals[m - 1], indicator.decimals));
      }
    }
  }
  return rows;
}
