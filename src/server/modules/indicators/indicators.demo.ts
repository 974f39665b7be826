import { z } from 'zod';
import { indicatorDirection, indicatorKind } from '../../../shared/modules/indicators.schemas';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Deps } from '../../core/deps';
import { indicatorsRepository, plansRepository } from './indicators.repository';

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
 * Loads the demo catalogue and publishes the year's plan, once: nothing happens if the catalogue has any indicator.
 * With `withLedger`, the year is also filled with reported values up to October (tests of the ledger start empty).
 */
export async function ensureDemoIndicators(deps: Deps, data: z.infer<typeof indicatorsFile>, { withLedger = true } = {}): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if ((await indicatorsRepository.list(trx, { page: 1, pageSize: 1, order: 'asc' })).total > 0) return false;
    const units = new Map((await trx.selectFrom('orgUnits').select(['id', 'code', 'kind']).execute()).map((u) => [u.code, u]));
    const unitId = (code: string) => {
      const unit = units.get(code);
      if (!unit) throw new Error(`Demo indicators: unknown unit ${code}`);
      return unit.id;
    };
    const county = [...units.values()].find((u) => u.kind === 'county');
    if (!county) throw new Error('Demo indicators: load the county first');
    const now = deps.clock.now().toISOString();
    const ids = new Map<string, number>();
    for (const { sourceUnit, ...indicator } of data.indicators) {
      const id = await indicatorsRepository.insert(trx, {
        ...indicator,
        sourceUnitId: unitId(sourceUnit),
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
    const planId = await plansRepository.insert(trx, {
      year: data.year,
      status: 'published',
      version: 1,
      coverageReason: null,
      publishedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    for (const [code, id] of ids) {
      const rows = data.targets
        .filter((t) => t.indicator === code)
        .map(({ indicator: _, unit, planCurve, ...t }) => ({
          ...t,
          unitId: unit ? unitId(unit) : county.id,
          isCounty: unit ? 0 : 1,
          planCurve: planCurve ? JSON.stringify(planCurve) : null,
        }));
      await plansRepository.replaceTargets(trx, planId, id, rows);
    }
    const snapshot = JSON.stringify(await plansRepository.allTargets(trx, planId));
    await plansRepository.insertVersion(trx, { planId, version: 1, reason: '', snapshot, createdBy: null, createdAt: now });
    const values = withLedger ? demoLedger(data, ids, unitId, county.id, now) : [];
    for (let i = 0; i < values.length; i += 500)
      await trx
        .insertInto('indicatorValues')
        .values(values.slice(i, i + 500))
        .execute();
    for (let m = 1; withLedger && m <= DEMO_LOCKED_MONTHS; m++)
      await trx
        .insertInto('indicatorMonthLocks')
        .values({ month: monthOf(data.year, m), lockedBy: null, lockedAt: now })
        .execute();
    await recordAudit(trx, deps, systemContext(), {
      action: 'setup.load_indicators',
      entityType: 'indicator_plan',
      entityId: data.year,
      after: { indicators: data.indicators.length, targets: data.targets.length, values: values.length },
    });
    return true;
  });
}

/** The demo year runs to October: January–September locked, October submitted, and all of last year as baseline. */
const DEMO_REPORTED_MONTHS = 10;
const DEMO_LOCKED_MONTHS = 9;
const monthOf = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

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
 * board has red lights), county totals of decomposed indicators are the sum of their townships.
 */
function demoLedger(data: z.infer<typeof indicatorsFile>, ids: Map<string, number>, unitId: (code: string) => number, countyId: number, now: string) {
  const rows: {
    indicatorId: number;
    unitId: number;
    month: string;
    value: number;
    explanation: string;
    status: 'submitted';
    updatedBy: null;
    updatedAt: string;
    submittedAt: string;
  }[] = [];
  const add = (indicatorId: number, unit: number, month: string, value: number) =>
    rows.push({ indicatorId, unitId: unit, month, value, explanation: '', status: 'submitted', updatedBy: null, updatedAt: now, submittedAt: now });
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
      const unit = t.unit ? unitId(t.unit) : countyId;
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
          add(id, unit, monthOf(data.year - 1, m), baseline);
          countyBaseline[m - 1] += baseline;
          if (m <= DEMO_REPORTED_MONTHS) {
            const total = round(planned * pace * (0.96 + random() * 0.08), indicator.decimals);
            const value = Math.max(0, round(total - reported, indicator.decimals));
            reported = round(reported + value, indicator.decimals);
            add(id, unit, monthOf(data.year, m), value);
            countyTotals[m - 1] += value;
          }
        } else if (m <= DEMO_REPORTED_MONTHS) {
          const value =
            indicator.kind === 'stock'
              ? Math.round((t.startOfYear ?? 0) + (t.target - (t.startOfYear ?? 0)) * (m / 12) * pace)
              : round(t.target + (pace - 1) * 12 + (random() - 0.5), indicator.decimals);
          add(id, unit, monthOf(data.year, m), value);
          countyTotals[m - 1] += value;
        }
      }
    }
    // The data-source department reports the county total of a decomposed indicator as its townships' sum.
    if (unitTargets.length) {
      for (let m = 1; m <= 12; m++) {
        if (indicator.kind === 'cumulative') add(id, countyId, monthOf(data.year - 1, m), round(countyBaseline[m - 1], indicator.decimals));
        if (m <= DEMO_REPORTED_MONTHS) add(id, countyId, monthOf(data.year, m), round(countyTotals[m - 1], indicator.decimals));
      }
    }
  }
  return rows;
}
