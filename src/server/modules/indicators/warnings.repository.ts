import { sql } from 'kysely';
import type { Executor } from '../../core/db/database';

/** One target of the plan with the aggregates of its unit's submitted values that the board's levels need. */
export interface BoardTargetRow {
  indicatorId: number;
  unitId: number;
  isCounty: number;
  target: number;
  startOfYear: number | null;
  planCurve: string | null;
  /** The month's value, the month before's, and last year's same month; null when not reported. */
  current: number | null;
  previous: number | null;
  lastYearCurrent: number | null;
  /** Sums of the reported values from January to the month, to the month before, and last year to the month. */
  sumToMonth: number | null;
  sumToPrevious: number | null;
  lastYearSum: number | null;
}

/** The units' submitted values of one indicator added up per month, with how many of the indicator's units reported. */
export interface MonthTotalRow {
  indicatorId: number;
  month: string;
  reported: number;
  total: number;
  /** The latest of the summed values' times. */
  updatedAt: string;
}

export interface BoardWindow {
  planId: number;
  year: number;
  /** 1..12 */
  month: number;
  /** Only these units' targets and values (the viewer's and their peers', and the county); all when absent. */
  unitIds?: number[];
}

const monthOf = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** SQL of the warnings board: one month's aggregates per unit and indicator, computed by the database. */
export const warningsRepository = {
  /** One unit's target of an indicator in a plan. */
  target(db: Executor, planId: number, indicatorId: number, unitId: number) {
    return db
      .selectFrom('indicatorTargets')
      .selectAll()
      .where('planId', '=', planId)
      .where('indicatorId', '=', indicatorId)
      .where('unitId', '=', unitId)
      .executeTakeFirst();
  },
  /** One unit's submitted values of an indicator between two months (inclusive): a trend's points. */
  submittedValues(db: Executor, indicatorId: number, unitId: number, fromMonth: string, toMonth: string) {
    return db
      .selectFrom('indicatorValues')
      .select(['indicatorId', 'unitId', 'month', 'value'])
      .where('indicatorId', '=', indicatorId)
      .where('unitId', '=', unitId)
      .where('status', '=', 'submitted')
      .where('month', '>=', fromMonth)
      .where('month', '<=', toMonth)
      .execute();
  },
  /** The unit a trend is of, as the trend shows it. */
  trendUnit(db: Executor, id: number) {
    return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind']).where('id', '=', id).executeTakeFirstOrThrow();
  },
  /**
   * Every target of the plan (or of some units) with its unit's aggregates for the month, the month before and last
   * year's same period, in one grouped query: the board never loads the monthly values themselves.
   */
  async targetsWithAggregates(db: Executor, w: BoardWindow): Promise<BoardTargetRow[]> {
    const first = monthOf(w.year, 1);
    const now = monthOf(w.year, w.month);
    const before = monthOf(w.year, w.month - 1); // 'YYYY-00' when the month is January: no month falls at or before it
    const lastFirst = monthOf(w.year - 1, 1);
    const lastNow = monthOf(w.year - 1, w.month);
    const month = sql.ref('v.month');
    const value = sql.ref('v.value');
    // Driven by the targets: each one seeks its unit's months in the (indicator, unit, month) index, which holds the
    // status and the value too, so neither the whole month range of every unit nor a sort of it is read.
    let qb = db
      .selectFrom('indicatorTargets as t')
      .leftJoin('indicatorValues as v', (join) =>
        join
          .onRef('v.indicatorId', '=', 't.indicatorId')
          .onRef('v.unitId', '=', 't.unitId')
          .on('v.status', '=', 'submitted')
          .on('v.month', '>=', lastFirst)
          .on('v.month', '<=', now)
          .on((eb) => eb.or([eb('v.month', '>=', first), eb('v.month', '<=', lastNow)])),
      )
      .select([
        't.indicatorId',
        't.unitId',
        't.isCounty',
        't.target',
        't.startOfYear',
        't.planCurve',
        sql<number | null>`max(case when ${month} = ${now} then ${value} end)`.as('current'),
        sql<number | null>`max(case when ${month} = ${before} then ${value} end)`.as('previous'),
        sql<number | null>`max(case when ${month} = ${lastNow} then ${value} end)`.as('lastYearCurrent'),
        sql<number | null>`sum(case when ${month} >= ${first} then ${value} end)`.as('sumToMonth'),
        sql<number | null>`sum(case when ${month} >= ${first} and ${month} <= ${before} then ${value} end)`.as('sumToPrevious'),
        sql<number | null>`sum(case when ${month} <= ${lastNow} then ${value} end)`.as('lastYearSum'),
      ])
      .where('t.planId', '=', w.planId)
      .groupBy('t.id');
    if (w.unitIds) qb = qb.where('t.unitId', 'in', w.unitIds.length ? w.unitIds : [0]);
    const rows = await qb.orderBy('t.indicatorId').orderBy('t.unitId').execute();
    // PostgreSQL returns sums of double precision as numbers, but be explicit for drivers that return strings.
    return rows.map((r) => ({
      ...r,
      target: Number(r.target),
      startOfYear: num(r.startOfYear),
      current: num(r.current),
      previous: num(r.previous),
      lastYearCurrent: num(r.lastYearCurrent),
      sumToMonth: num(r.sumToMonth),
      sumToPrevious: num(r.sumToPrevious),
      lastYearSum: num(r.lastYearSum),
    }));
  },

  /**
   * For county figures summed from the units: per indicator and month (this year and last, to the month), the sum of
   * the values of the units with a target in the plan and how many of them reported.
   */
  async unitMonthTotals(db: Executor, w: BoardWindow, indicatorIds: number[]): Promise<MonthTotalRow[]> {
    if (indicatorIds.length === 0) return [];
    const rows = await db
      .selectFrom('indicatorValues as v')
      .innerJoin('indicatorTargets as t', (join) =>
        join.onRef('t.indicatorId', '=', 'v.indicatorId').onRef('t.unitId', '=', 'v.unitId').on('t.planId', '=', w.planId).on('t.isCounty', '=', 0),
      )
      .select([
        'v.indicatorId',
        'v.month',
        (eb) => eb.fn.countAll().as('reported'),
        (eb) => eb.fn.sum<number>('v.value').as('total'),
        (eb) => eb.fn.max('v.updatedAt').as('updatedAt'),
      ])
      .where('v.status', '=', 'submitted')
      .where('v.indicatorId', 'in', indicatorIds)
      .where((eb) =>
        eb.or([
          eb.and([eb('v.month', '>=', monthOf(w.year, 1)), eb('v.month', '<=', monthOf(w.year, w.month))]),
          eb.and([eb('v.month', '>=', monthOf(w.year - 1, 1)), eb('v.month', '<=', monthOf(w.year - 1, w.month))]),
        ]),
      )
      .groupBy(['v.indicatorId', 'v.month'])
      .execute();
    return rows.map((r) => ({ indicatorId: r.indicatorId, month: r.month, reported: Number(r.reported), total: Number(r.total), updatedAt: r.updatedAt }));
  },

  /** How many units (the county aside) have a target of each indicator in the plan. */
  async unitTargetCounts(db: Executor, planId: number, indicatorIds: number[]): Promise<Map<number, number>> {
    if (indicatorIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('indicatorTargets')
      .select(['indicatorId', (eb) => eb.fn.countAll().as('units')])
      .where('planId', '=', planId)
      .where('isCounty', '=', 0)
      .where('indicatorId', 'in', indicatorIds)
      .groupBy('indicatorId')
      .execute();
    return new Map(rows.map((r) => [r.indicatorId, Number(r.units)]));
  },

  /** The units that rank beside the given ones: every unit under the same parent (the given ones included). */
  async peersOf(db: Executor, unitIds: number[]): Promise<number[]> {
    if (unitIds.length === 0) return [];
    const rows = await db
      .selectFrom('orgUnits')
      .select('id')
      .where((eb) =>
        eb.or([eb('id', 'in', unitIds), eb('parentId', 'in', eb.selectFrom('orgUnits as own').select('own.parentId').where('own.id', 'in', unitIds))]),
      )
      .execute();
    return rows.map((r) => r.id);
  },

  /** The units directly under one (any kind: the board keeps those with targets). */
  async childrenOf(db: Executor, parentId: number): Promise<number[]> {
    return (await db.selectFrom('orgUnits').select('id').where('parentId', '=', parentId).execute()).map((r) => r.id);
  },

  /** The units under `parentId` that hold units with targets of the plan somewhere below them: the board's drill-downs. */
  async groupsUnder(db: Executor, planId: number, parentId: number) {
    // The parents of units with targets. Asked unit by unit (a seek in the covering (unit, plan) index each), not by
    // reading every target of the plan: at province scale 2,600 seeks against 125,000 target rows (SQLite 50–150 ms →
    // 7 ms). The county row (is_county) is the root's, which has no parent, so the seek need not read it.
    const holders = await db
      .selectFrom('orgUnits')
      .select('path')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('orgUnits as u')
          .select('u.parentId')
          .distinct()
          .where('u.parentId', 'is not', null)
          .where(({ exists, selectFrom }) =>
            exists(selectFrom('indicatorTargets as t').select('t.id').whereRef('t.unitId', '=', 'u.id').where('t.planId', '=', planId)),
          )
          .$narrowType<{ parentId: number }>(),
      )
      .execute();
    const children = await db
      .selectFrom('orgUnits')
      .select(['id', 'nameZh', 'nameEn', 'kind', 'path'])
      .where('parentId', '=', parentId)
      .where('active', '=', 1)
      .orderBy('sortOrder')
      .orderBy('id')
      .execute();
    // A child holds units with targets when it is, or is above, the parent of one: its path starts theirs.
    return children.filter((c) => holders.some((h) => h.path.startsWith(c.path))).map(({ path: _, ...unit }) => unit);
  },

  /** Names, kinds and parents of some units. */
  units(db: Executor, unitIds: number[]) {
    if (unitIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind', 'parentId']).where('id', 'in', unitIds).execute();
  },
};
