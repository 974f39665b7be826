import type { z } from 'zod';
import { sumOfReported } from '../../../shared/rules/ledger-checks';
import type { ProgressCell, Trend, Warnings, trendQuery, warningsQuery } from '../../../shared/modules/indicators.schemas';
import {
  type ProgressAggregates,
  aggregateMonths,
  indicatorProgress,
  isPersistentRed,
  progressOf,
  rankUnits,
  timeProgress,
  ytdValue,
} from '../../../shared/rules/indicator-progress';
import { type Scope, requirePermission, scopeFor, scopeIncludes } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import type { RequestContext } from '../../core/access/context';
import type { Deps } from '../../core/deps';
import { notFound } from '../../core/http/errors';
import type { ExportColumn } from '../../core/excel/export';
import { unitsRepository } from '../../core/org/units.repository';
import { describeIndicators } from './indicators.service';
import { indicatorsRepository, plansRepository } from './indicators.repository';
import { ledgerRepository } from './ledger.repository';
import { type BoardTargetRow, type MonthTotalRow, warningsRepository } from './warnings.repository';

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
  const scope = await scopeFor(deps.db, ctx.user, 'indicator:read');
  // The office sees the level below the county (or province) and drills down: a province's units at once would be
  // tens of megabytes. A unit filter asks for that unit wherever it is.
  const parentId = query.parentId ?? (scope.all && !query.unitId ? await unitsRepository.countyId(deps.db) : undefined);
  return boardOf(deps.db, scope, { ...query, parentId });
}

type Cell = Omit<ProgressCell, 'rank'> & { rank: number | null };
type Described = Awaited<ReturnType<typeof describeIndicators>>[number];
type UnitRow = Awaited<ReturnType<typeof warningsRepository.units>>[number];

/**
 * The board for a scope, read through any executor (the month lock computes it inside its own transaction). The
 * database reduces each unit's months to the few aggregates the levels need (warnings.repository); the levels come
 * from the same pure rules as everywhere else. Units rank among the units under the same parent, so a scoped viewer's
 * board reads only its units and their peers, never the whole province.
 */
export async function boardOf(db: Executor, scope: Scope, query: z.infer<typeof warningsQuery>): Promise<Warnings> {
  const year = Number(query.month.slice(0, 4));
  const month = Number(query.month.slice(5));
  const [countyId, plan, lock] = await Promise.all([
    unitsRepository.countyId(db),
    plansRepository.findByYear(db, year),
    ledgerRepository.findLock(db, query.month),
  ]);
  const result = { month: query.month, locked: !!lock };
  if (!plan) return { ...result, indicators: [] };
  const window = { planId: plan.id, year, month, unitIds: await unitsRead(db, scope, countyId, query.parentId) };
  const targets = await warningsRepository.targetsWithAggregates(db, window);
  const indicatorIds = [...new Set(targets.map((t) => t.indicatorId))];
  const indicatorRows = (await indicatorsRepository.findByIds(db, indicatorIds)).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const summedIds = indicatorRows.filter((i) => i.countyValue === 'sum').map((i) => i.id);
  const [units, described, totals, unitCounts] = await Promise.all([
    warningsRepository.units(db, [...new Set([...targets.map((t) => t.unitId), ...indicatorRows.flatMap((i) => (i.sourceUnitId ? [i.sourceUnitId] : []))])]),
    describeIndicators(db, indicatorRows),
    warningsRepository.unitMonthTotals(db, window, summedIds),
    warningsRepository.unitTargetCounts(db, plan.id, summedIds),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const targetsOf = groupBy(targets, (t) => t.indicatorId);
  const visible = (unitId: number) => unitId === countyId || scopeIncludes(scope, unitId);
  const curves = new Map<string, number[]>();
  const curveOf = (text: string | null) => {
    if (text === null) return undefined;
    const known = curves.get(text);
    if (known) return known;
    const curve = JSON.parse(text) as number[];
    curves.set(text, curve);
    return curve;
  };

  const items = indicatorRows.map((indicator, i) => {
    const own = targetsOf.get(indicator.id) ?? [];
    const countyTarget = own.find((t) => t.unitId === countyId);
    // A county figure summed from the units: month by month, once every unit with a target is in. The count and the
    // totals are the plan's, not the viewer's: the database adds them up per month, whatever the scope.
    const summed = indicator.countyValue === 'sum' && countyTarget ? summedAggregates(totals, indicator, year, month, unitCounts.get(indicator.id) ?? 0) : null;
    const cellOf = (t: BoardTargetRow, unit: UnitRow, answersForCounty: boolean): Cell => {
      const params = {
        kind: indicator.kind,
        direction: indicator.direction,
        target: t.target,
        startOfYear: t.startOfYear ?? undefined,
        planCurve: curveOf(t.planCurve),
        yellowBandPp: indicator.yellowBandPp ?? undefined,
      };
      const aggregates = t.unitId === countyId && summed ? summed : aggregatesOf(t);
      const now = progressOf({ ...params, month }, aggregates.now);
      const before = month > 1 ? progressOf({ ...params, month: month - 1 }, aggregates.before).level : 'missing';
      return {
        unit: { id: unit.id, nameZh: unit.nameZh, nameEn: unit.nameEn, kind: unit.kind },
        target: t.target,
        ...now,
        persistentRed: isPersistentRed([before, now.level], 2),
        rank: null,
        answersForCounty,
      };
    };
    const unitTargets = own.filter((t) => t.unitId !== countyId);
    const county = countyTarget ? cellOf(countyTarget, unitById.get(countyId) as UnitRow, false) : null;
    const ranked = rankAmongPeers(
      unitTargets.map((t) => ({ cell: cellOf(t, unitById.get(t.unitId) as UnitRow, false), parentId: unitById.get(t.unitId)?.parentId ?? null })),
    );
    // An indicator not decomposed to units is held by its responsible department (its data source): the department
    // answers for the county figure, so a red county figure reaches it as a red unit reaches a township.
    const responsible =
      unitTargets.length === 0 && countyTarget && indicator.sourceUnitId && indicator.sourceUnitId !== countyId && unitById.has(indicator.sourceUnitId)
        ? [cellOf(countyTarget, unitById.get(indicator.sourceUnitId) as UnitRow, true)]
        : [];
    const underParent = (c: Cell) => query.parentId === undefined || unitById.get(c.unit.id)?.parentId === query.parentId;
    const unitCells = [...ranked, ...responsible]
      .filter((c) => visible(c.unit.id) && underParent(c))
      .filter((c) => (query.level ? c.level === query.level : true) && (query.unitId ? c.unit.id === query.unitId : true));
    return { indicator: described[i] as Described, county, units: paged(unitCells, query), unitsTotal: unitCells.length };
  });
  const [parent, groups] = await drillDown(db, scope, plan.id, query.parentId);
  return {
    ...result,
    ...(parent ? { parent } : {}),
    ...(groups ? { groups } : {}),
    indicators: items.filter((row) => (query.indicatorId ? row.indicator.id === query.indicatorId : true)),
  };
}

/**
 * The units whose targets and values a board reads: the units under the parent asked for, and for a scoped viewer
 * only its own and its peers (they rank together); the county always. Undefined: every unit (the office, no parent).
 */
async function unitsRead(db: Executor, scope: Scope, countyId: number, parentId: number | undefined): Promise<number[] | undefined> {
  const peers = scope.all ? null : await warningsRepository.peersOf(db, scope.unitIds);
  if (parentId === undefined) return peers ? [countyId, ...peers] : undefined;
  const children = await warningsRepository.childrenOf(db, parentId);
  const allowed = peers ? new Set(peers) : null;
  return [countyId, ...children.filter((id) => !allowed || allowed.has(id))];
}

/** One page of rows when the query asks for paging. */
function paged<T>(rows: T[], query: { page?: number; pageSize?: number }): T[] {
  if (!query.pageSize) return rows;
  const start = ((query.page ?? 1) - 1) * query.pageSize;
  return rows.slice(start, start + query.pageSize);
}

/** The shown level (the parent unit) and, for the office, the units below it to drill down to. */
async function drillDown(db: Executor, scope: Scope, planId: number, parentId: number | undefined) {
  if (parentId === undefined) return [null, null] as const;
  if (!scopeIncludes(scope, parentId)) return [null, null] as const;
  const [parent] = await warningsRepository.units(db, [parentId]);
  return [parent ?? null, scope.all ? await warningsRepository.groupsUnder(db, planId, parentId) : null] as const;
}

/**
 * Ranks each unit among the units under the same parent (a county's townships and departments), and lists all of
 * them best first, units without data last; under one parent this is rankUnits itself.
 */
function rankAmongPeers(rows: readonly { cell: Cell; parentId: number | null }[]): Cell[] {
  const rankOf = new Map<number, number | null>();
  for (const peers of groupBy(rows, (r) => r.parentId).values()) {
    for (const r of rankUnits(peers.map((p) => ({ unitId: p.cell.unit.id, gapPp: p.cell.gapPp, ytd: p.cell.ytd })))) rankOf.set(r.unitId, r.rank);
  }
  const ordered = rankUnits(rows.map((r) => ({ unitId: r.cell.unit.id, gapPp: r.cell.gapPp, ytd: r.cell.ytd, cell: r.cell })));
  return ordered.map((r) => ({ ...r.cell, rank: rankOf.get(r.unitId) ?? null }));
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

/** The aggregates of a target row for the month and the month before (the level of the month before needs no baseline). */
function aggregatesOf(t: BoardTargetRow): { now: ProgressAggregates; before: ProgressAggregates } {
  return {
    now: {
      thisYear: { current: t.current, sum: t.sumToMonth ?? 0 },
      lastYear: { current: t.lastYearCurrent, sum: t.lastYearSum ?? 0 },
    },
    before: { thisYear: { current: t.previous, sum: t.sumToPrevious ?? 0 }, lastYear: null },
  };
}

/**
 * Aggregates of a county figure summed from its units, from the database's per-month totals: a month counts once all
 * `units` units with a target reported it (sumOfUnits' rule), rounded to the indicator's decimals.
 */
function summedAggregates(
  totals: readonly MonthTotalRow[],
  indicator: { id: number; decimals: number },
  year: number,
  month: number,
  units: number,
): { now: ProgressAggregates; before: ProgressAggregates } {
  const byMonth = new Map(totals.filter((t) => t.indicatorId === indicator.id).map((t) => [t.month, t]));
  const series = (y: number) =>
    Array.from({ length: month }, (_, i) => {
      const row = byMonth.get(`${y}-${String(i + 1).padStart(2, '0')}`);
      return row ? sumOfReported(row.total, row.reported, units, indicator.decimals) : null;
    });
  const values = series(year);
  return {
    now: { thisYear: aggregateMonths(values, month), lastYear: aggregateMonths(series(year - 1), month) },
    before: { thisYear: aggregateMonths(values, Math.max(1, month - 1)), lastYear: null },
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
  if (!plan || !indicator || (asked !== countyId && !scopeIncludes(scope, asked))) throw notFound();
  const targetOf = (unitId: number) => warningsRepository.target(deps.db, plan.id, indicator.id, unitId);
  let unitId = asked;
  let target = await targetOf(unitId);
  // The responsible department of an indicator not decomposed to units answers for the county figure: its trend is the county's.
  if (!target && asked === indicator.sourceUnitId) {
    unitId = countyId;
    target = await targetOf(countyId);
  }
  if (!target) throw notFound();
  const own = await warningsRepository.submittedValues(deps.db, indicator.id, unitId, `${query.year - 1}-01`, `${query.year}-12`);
  const unit = await warningsRepository.trendUnit(deps.db, unitId);
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
