import type { z } from 'zod';
import type { ProgressCell, Trend, Warnings, trendQuery, warningsQuery } from '../../../shared/modules/indicators.schemas';
import { type WarningLevel, indicatorProgress, isPersistentRed, rankUnits, timeProgress, ytdValue } from '../../../shared/rules/indicator-progress';
import { sumOfUnits } from '../../../shared/rules/ledger-checks';
import { type Scope, requirePermission, scopeFor } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import type { RequestContext } from '../../core/access/context';
import type { Deps } from '../../core/deps';
import { notFound } from '../../core/http/errors';
import type { ExportColumn } from '../../core/excel/export';
import { unitsRepository } from '../../core/org/units.repository';
import { describeIndicators } from './indicators.service';
import { type TargetRow, indicatorsRepository, plansRepository } from './indicators.repository';

type ValueRow = { indicatorId: number; unitId: number; month: string; value: number };

/** Twelve monthly values of one unit and indicator in one year, from the submitted ledger rows. */
function monthly(rows: ValueRow[], year: number): (number | null)[] {
  const out: (number | null)[] = Array(12).fill(null);
  for (const r of rows) if (r.month.startsWith(`${year}-`)) out[Number(r.month.slice(5)) - 1] = r.value;
  return out;
}

/**
 * Progress of every unit and indicator for a month, computed from the submitted ledger as it stands with the same
 * pure rules the web uses; nothing is stored, so a corrected value shows at once.
 */
export async function monthWarnings(deps: Deps, ctx: RequestContext, query: z.infer<typeof warningsQuery>): Promise<Warnings> {
  requirePermission(ctx, 'indicator:read');
  return boardOf(deps.db, await scopeFor(deps.db, ctx.user, 'indicator:read'), query);
}

/** The board for a scope, read through any executor (the month lock computes it inside its own transaction). */
export async function boardOf(db: Executor, scope: Scope, query: z.infer<typeof warningsQuery>): Promise<Warnings> {
  const year = Number(query.month.slice(0, 4));
  const month = Number(query.month.slice(5));
  const [countyId, plan, lock] = await Promise.all([
    unitsRepository.countyId(db),
    plansRepository.findByYear(db, year),
    db.selectFrom('indicatorMonthLocks').select('month').where('month', '=', query.month).executeTakeFirst(),
  ]);
  const targets: TargetRow[] = plan ? await plansRepository.allTargets(db, plan.id) : [];
  const indicatorRows = (await indicatorsRepository.findByIds(db, [...new Set(targets.map((t) => t.indicatorId))])).sort(
    (a, b) => a.sortOrder - b.sortOrder || a.id - b.id,
  );
  const values = await db
    .selectFrom('indicatorValues')
    .select(['indicatorId', 'unitId', 'month', 'value'])
    .where('status', '=', 'submitted')
    // This year to the month, and last year's same months (year-on-year compares year-to-date with them).
    .where((eb) =>
      eb.or([
        eb.and([eb('month', '>=', `${year}-01`), eb('month', '<=', query.month)]),
        eb.and([eb('month', '>=', `${year - 1}-01`), eb('month', '<=', `${year - 1}-${query.month.slice(5)}`)]),
      ]),
    )
    .execute();
  const units = await db
    .selectFrom('orgUnits')
    .select(['id', 'nameZh', 'nameEn', 'kind'])
    .where('id', 'in', [...new Set(targets.map((t) => t.unitId)), ...indicatorRows.flatMap((i) => (i.sourceUnitId ? [i.sourceUnitId] : [])), countyId])
    .execute();
  const unitById = new Map(units.map((u) => [u.id, u]));
  const described = await describeIndicators(db, indicatorRows);

  // Values and targets grouped once: scanning all of them per cell is quadratic at province scale.
  // Each unit and indicator gets its twelve months of this year and of last year.
  const valuesOf = new Map<string, { values: (number | null)[]; lastYear: (number | null)[] }>();
  const none = { values: Array(12).fill(null), lastYear: Array(12).fill(null) };
  for (const v of values) {
    const key = `${v.indicatorId}/${v.unitId}`;
    let own = valuesOf.get(key);
    if (!own) {
      own = { values: Array(12).fill(null), lastYear: Array(12).fill(null) };
      valuesOf.set(key, own);
    }
    (Number(v.month.slice(0, 4)) === year ? own.values : own.lastYear)[Number(v.month.slice(5)) - 1] = v.value;
  }
  /** The units' values added up month by month (this year and last), a month counting once every unit is in. */
  const summed = (indicatorId: number, unitIds: number[], decimals: number) => {
    const add = (pick: 'values' | 'lastYear') =>
      Array.from({ length: 12 }, (_, m) =>
        sumOfUnits(
          unitIds.flatMap((unitId) => {
            const v = valuesOf.get(`${indicatorId}/${unitId}`)?.[pick][m];
            return v === null || v === undefined ? [] : [{ unitId, value: v }];
          }),
          unitIds,
          decimals,
        ),
      );
    return { values: add('values'), lastYear: add('lastYear') };
  };
  const targetsOf = new Map<number, TargetRow[]>();
  for (const t of targets) {
    const list = targetsOf.get(t.indicatorId);
    if (list) list.push(t);
    else targetsOf.set(t.indicatorId, [t]);
  }
  const inScope = new Set(scope.all ? [] : scope.unitIds);
  const visible = (unitId: number) => unitId === countyId || scope.all || inScope.has(unitId);
  const items = indicatorRows.map((indicator, i) => {
    const own = targetsOf.get(indicator.id) ?? [];
    const unitIds = own.filter((t) => t.unitId !== countyId).map((t) => t.unitId);
    const countyTarget = own.find((t) => t.unitId === countyId);
    // A county figure summed from the units: month by month, once every unit is in.
    if (indicator.countyValue === 'sum' && countyTarget) valuesOf.set(`${indicator.id}/${countyId}`, summed(indicator.id, unitIds, indicator.decimals));
    const cellOf = (t: TargetRow, unitId: number, answersForCounty: boolean): ProgressCell => {
      const own = valuesOf.get(`${indicator.id}/${t.unitId}`) ?? none;
      const input = {
        kind: indicator.kind,
        direction: indicator.direction,
        target: t.target,
        values: own.values,
        lastYear: own.lastYear,
        startOfYear: t.startOfYear ?? undefined,
        planCurve: t.planCurve ? (JSON.parse(t.planCurve) as number[]) : undefined,
        yellowBandPp: indicator.yellowBandPp ?? undefined,
      };
      const now = indicatorProgress({ ...input, month });
      const levels: WarningLevel[] = [month > 1 ? indicatorProgress({ ...input, month: month - 1 }).level : 'missing', now.level];
      return {
        unit: unitById.get(unitId) as ProgressCell['unit'],
        target: t.target,
        ...now,
        persistentRed: isPersistentRed(levels, 2),
        rank: null,
        answersForCounty,
      };
    };
    const cells = own.map((t) => cellOf(t, t.unitId, false));
    const county = cells.find((c) => c.unit.id === countyId) ?? null;
    const ranked = rankUnits(cells.filter((c) => c.unit.id !== countyId).map((c) => ({ ...c, unitId: c.unit.id })));
    // An indicator not decomposed to units is held by its responsible department (its data source): the department
    // answers for the county figure, so a red county figure reaches it as a red unit reaches a township.
    const responsible =
      unitIds.length === 0 && countyTarget && indicator.sourceUnitId && indicator.sourceUnitId !== countyId && unitById.has(indicator.sourceUnitId)
        ? [cellOf(countyTarget, indicator.sourceUnitId, true)]
        : [];
    const unitCells = [...ranked.map(({ unitId: _, ...c }) => c), ...responsible]
      .filter((c) => visible(c.unit.id))
      .filter((c) => (query.level ? c.level === query.level : true) && (query.unitId ? c.unit.id === query.unitId : true));
    return { indicator: described[i], county, units: unitCells };
  });
  return {
    month: query.month,
    locked: !!lock,
    indicators: items.filter((row) => (query.indicatorId ? row.indicator.id === query.indicatorId : true)),
  };
}

type ExportRow = ProgressCell & { indicator: Warnings['indicators'][number]['indicator'] };

const LEVEL_NAMES = { green: ['绿灯', 'Green'], yellow: ['黄灯', 'Yellow'], red: ['红灯', 'Red'], missing: ['未报', 'Missing'] } as const;
const pct = (v: number | null) => (v === null ? '' : Math.round(v * 10) / 10);

export const WARNING_EXPORT_COLUMNS: ExportColumn<ExportRow>[] = [
  { zh: '指标', en: 'Indicator', width: 24, value: (r) => r.indicator.nameZh },
  { zh: '计量单位', en: 'Unit of measure', value: (r) => r.indicator.unitZh },
  { zh: '单位', en: 'Unit', width: 18, value: (r) => r.unit.nameZh },
  { zh: '目标', en: 'Target', value: (r) => r.target },
  { zh: '累计/当前值', en: 'YTD / current', value: (r) => r.ytd ?? '' },
  { zh: '完成率(%)', en: 'Completion (%)', value: (r) => pct(r.completion) },
  { zh: '序时进度(%)', en: 'Time progress (%)', value: (r) => pct(r.timeProgress) },
  { zh: '差距(百分点)', en: 'Gap (pp)', value: (r) => pct(r.gapPp) },
  { zh: '同比(%)', en: 'YoY (%)', value: (r) => pct(r.yoyGrowth) },
  { zh: '预警等级', en: 'Level', value: (r) => LEVEL_NAMES[r.level][0] },
  { zh: '连续红灯', en: 'Red two months', value: (r) => (r.persistentRed ? '是' : '') },
  { zh: '排名', en: 'Rank', value: (r) => r.rank ?? '' },
];

/** The board as rows for export: the county line of each indicator, then its units in rank order. */
export function warningRows(board: Warnings): ExportRow[] {
  return board.indicators.flatMap((row) => [...(row.county ? [row.county] : []), ...row.units].map((cell) => ({ ...cell, indicator: row.indicator })));
}

/** One indicator's year for the county or a unit, month by month: what the plan expects against what was reported. */
export async function indicatorTrend(deps: Deps, ctx: RequestContext, query: z.infer<typeof trendQuery>): Promise<Trend> {
  requirePermission(ctx, 'indicator:read');
  const [scope, countyId, plan, indicator] = await Promise.all([
    scopeFor(deps.db, ctx.user, 'indicator:read'),
    unitsRepository.countyId(deps.db),
    plansRepository.findByYear(deps.db, query.year),
    indicatorsRepository.findById(deps.db, query.indicatorId),
  ]);
  const asked = query.unitId ?? countyId;
  if (!plan || !indicator || (asked !== countyId && !scope.all && !scope.unitIds.includes(asked))) throw notFound();
  const targetOf = (unitId: number) =>
    deps.db
      .selectFrom('indicatorTargets')
      .selectAll()
      .where('planId', '=', plan.id)
      .where('indicatorId', '=', indicator.id)
      .where('unitId', '=', unitId)
      .executeTakeFirst();
  let unitId = asked;
  let target = await targetOf(unitId);
  // The responsible department of an indicator not decomposed to units answers for the county figure: its trend is the county's.
  if (!target && asked === indicator.sourceUnitId) {
    unitId = countyId;
    target = await targetOf(countyId);
  }
  if (!target) throw notFound();
  const own = await deps.db
    .selectFrom('indicatorValues')
    .select(['indicatorId', 'unitId', 'month', 'value'])
    .where('indicatorId', '=', indicator.id)
    .where('unitId', '=', unitId)
    .where('status', '=', 'submitted')
    .where('month', '>=', `${query.year - 1}-01`)
    .where('month', '<=', `${query.year}-12`)
    .execute();
  const unit = await deps.db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind']).where('id', '=', unitId).executeTakeFirstOrThrow();
  const planCurve = target.planCurve ? (JSON.parse(target.planCurve) as number[]) : undefined;
  const values = monthly(own, query.year);
  const lastYear = monthly(own, query.year - 1);
  const start = target.startOfYear ?? 0;
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const progress = indicatorProgress({
      kind: indicator.kind,
      direction: indicator.direction,
      target: target.target,
      month,
      values,
      lastYear,
      startOfYear: target.startOfYear ?? undefined,
      planCurve,
      yellowBandPp: indicator.yellowBandPp ?? undefined,
    });
    const share = timeProgress(month, planCurve) / 100;
    const planned =
      indicator.kind === 'cumulative' ? target.target * share : indicator.kind === 'stock' ? start + (target.target - start) * share : target.target;
    return {
      month: `${query.year}-${String(month).padStart(2, '0')}`,
      planned: Math.round(planned * 10 ** indicator.decimals) / 10 ** indicator.decimals,
      actual: progress.ytd,
      lastYear: indicator.kind === 'cumulative' ? ytdValue('cumulative', lastYear, month) : lastYear[i],
      gapPp: progress.gapPp,
      level: progress.level,
    };
  });
  return { indicator: (await describeIndicators(deps.db, [indicator]))[0], unit, target: target.target, months };
}
