import type { Insertable, Selectable, Updateable } from 'kysely';
import type { INDICATOR_SORTS, IndicatorKindValue } from '../../../shared/modules/indicators.schemas';
import { type Scope, applyScope, scopeCondition } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { type PageRequest, allRows, paginate } from '../../core/db/paging';
import type { IndicatorPlanTable, IndicatorTable, IndicatorTargetTable } from './indicators.tables';

export type IndicatorRow = Selectable<IndicatorTable>;
export type TargetRow = Selectable<IndicatorTargetTable>;

export interface IndicatorFilter extends PageRequest<(typeof INDICATOR_SORTS)[number]> {
  q?: string;
  kind?: IndicatorKindValue;
  active?: boolean;
}

const SORTS = {
  sortOrder: 'indicators.sortOrder',
  code: 'indicators.code',
  nameZh: 'indicators.nameZh',
  kind: 'indicators.kind',
  updatedAt: 'indicators.updatedAt',
} as const;

function filtered(db: Executor, f: Omit<IndicatorFilter, 'page' | 'pageSize'>) {
  let qb = db.selectFrom('indicators').selectAll('indicators');
  if (f.q) {
    const like = `%${f.q}%`;
    qb = qb.where((eb) => eb.or([eb('indicators.code', 'like', like), eb('indicators.nameZh', 'like', like), eb('indicators.nameEn', 'like', like)]));
  }
  if (f.kind) qb = qb.where('indicators.kind', '=', f.kind);
  if (f.active !== undefined) qb = qb.where('indicators.active', '=', f.active ? 1 : 0);
  return qb;
}

/** SQL for the indicator catalogue. */
export const indicatorsRepository = {
  /** Whether any plan has a target of the indicator (its kind is then fixed). */
  async hasTargets(db: Executor, id: number): Promise<boolean> {
    return !!(await db.selectFrom('indicatorTargets').select('id').where('indicatorId', '=', id).limit(1).executeTakeFirst());
  },
  list(db: Executor, f: IndicatorFilter) {
    return paginate(filtered(db, f), f, SORTS, 'sortOrder', 'indicators.id');
  },
  all(db: Executor, f: Omit<IndicatorFilter, 'page' | 'pageSize'>) {
    return allRows(filtered(db, f), f, SORTS, 'sortOrder', 'indicators.id');
  },
  findById(db: Executor, id: number) {
    return db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByCode(db: Executor, code: string) {
    return db.selectFrom('indicators').selectAll().where('code', '=', code).executeTakeFirst();
  },
  findByIds(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('indicators').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  active(db: Executor) {
    return db.selectFrom('indicators').selectAll().where('active', '=', 1).orderBy('sortOrder').orderBy('id').execute();
  },
  async insert(db: Executor, values: Insertable<IndicatorTable>): Promise<number> {
    const { id } = await db.insertInto('indicators').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<IndicatorTable>) {
    await db.updateTable('indicators').set(values).where('id', '=', id).execute();
  },
};

/** Targets are decomposed to townships and county departments, the units that report and answer for them. */
export const TARGET_UNIT_KINDS = ['township', 'department'];

/** SQL for annual plans, their targets and their published versions. */
export const plansRepository = {
  /** Kind and state of the units a decomposition names. */
  unitKinds(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('orgUnits').select(['id', 'kind', 'active']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  years(db: Executor) {
    return db.selectFrom('indicatorPlans').select(['year', 'status', 'version']).orderBy('year', 'desc').execute();
  },
  /** The last month of a year with any submitted ledger value: where the boards open by default. */
  async latestReportedMonth(db: Executor, year: number): Promise<string | null> {
    const row = await db
      .selectFrom('indicatorValues')
      .select((eb) => eb.fn.max('month').as('month'))
      .where('status', '=', 'submitted')
      .where('month', '>=', `${year}-01`)
      .where('month', '<=', `${year}-12`)
      .executeTakeFirst();
    return (row?.month as string | null | undefined) ?? null;
  },
  /** The last locked month of a year: complete data, where the boards open when there is one. */
  async latestLockedMonth(db: Executor, year: number): Promise<string | null> {
    return this.latestLockedMonthIn(db, `${year}-01`, `${year}-12`);
  },
  /** The last locked month from `from` to `to` ('YYYY-MM', both included), or null. */
  async latestLockedMonthIn(db: Executor, from: string, to: string): Promise<string | null> {
    const row = await db
      .selectFrom('indicatorMonthLocks')
      .select((eb) => eb.fn.max('month').as('month'))
      .where('month', '>=', from)
      .where('month', '<=', to)
      .executeTakeFirst();
    return (row?.month as string | null | undefined) ?? null;
  },
  findByYear(db: Executor, year: number) {
    return db.selectFrom('indicatorPlans').selectAll().where('year', '=', year).executeTakeFirst();
  },
  async insert(db: Executor, values: Insertable<IndicatorPlanTable>): Promise<number> {
    const { id } = await db.insertInto('indicatorPlans').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<IndicatorPlanTable>) {
    await db.updateTable('indicatorPlans').set(values).where('id', '=', id).execute();
  },
  /** The plan's targets: the county rows for everyone, unit rows within the caller's scope. */
  targets(db: Executor, planId: number, scope: Scope, indicatorId?: number) {
    let qb = db
      .selectFrom('indicatorTargets')
      .innerJoin('orgUnits', 'orgUnits.id', 'indicatorTargets.unitId')
      .selectAll('indicatorTargets')
      .select(['orgUnits.code as unitCode', 'orgUnits.nameZh as unitNameZh', 'orgUnits.nameEn as unitNameEn', 'orgUnits.kind as unitKind'])
      .where('indicatorTargets.planId', '=', planId);
    if (indicatorId) qb = qb.where('indicatorTargets.indicatorId', '=', indicatorId);
    qb = qb.where((eb) =>
      eb.or([
        eb('indicatorTargets.isCounty', '=', 1),
        eb('indicatorTargets.id', 'in', applyScope(eb.selectFrom('indicatorTargets as scoped').select('scoped.id'), scope, { unit: 'scoped.unitId' })),
      ]),
    );
    return qb.orderBy('orgUnits.sortOrder').orderBy('orgUnits.id').execute();
  },
  /** Every target of the plan, unscoped: for coverage checks and version snapshots. */
  /** The units targets are decomposed to: active townships and county departments. */
  targetUnits(db: Executor) {
    return db
      .selectFrom('orgUnits')
      .select(['id', 'code', 'nameZh', 'nameEn'])
      .where('active', '=', 1)
      .where('kind', 'in', TARGET_UNIT_KINDS)
      .orderBy('sortOrder')
      .orderBy('id')
      .execute();
  },
  /** One unit's targets in a plan. */
  unitTargets(db: Executor, planId: number, unitId: number) {
    return db.selectFrom('indicatorTargets').selectAll().where('planId', '=', planId).where('unitId', '=', unitId).orderBy('indicatorId').execute();
  },
  /**
   * The units with targets in a plan that a scope covers: its own units, and the county where the scope holds the
   * data-source unit of a county target.
   */
  async unitsWithTargets(db: Executor, planId: number, scope: Scope, countyId: number): Promise<number[]> {
    // Unit by unit, a seek in the (unit, plan) index each, rather than a distinct over every target of the plan: at
    // province scale 2,600 seeks against 125,000 target rows.
    const own = await db
      .selectFrom('orgUnits as u')
      .select('u.id')
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('indicatorTargets as t').select('t.id').whereRef('t.unitId', '=', 'u.id').where('t.planId', '=', planId)),
      )
      .where((eb) => scopeCondition(eb, scope, { unit: 'u.id' }))
      .execute();
    const ids = own.map((r) => r.id);
    if (scope.all || ids.includes(countyId)) return ids;
    // The SQL twin of the ledger's `covers`: the county row through the indicator's source unit.
    const county = await db
      .selectFrom('indicatorTargets')
      .innerJoin('indicators', 'indicators.id', 'indicatorTargets.indicatorId')
      .select('indicatorTargets.id')
      .where('indicatorTargets.planId', '=', planId)
      .where('indicatorTargets.unitId', '=', countyId)
      .where((eb) => scopeCondition(eb, scope, { unit: 'indicators.sourceUnitId' }))
      .limit(1)
      .executeTakeFirst();
    return county ? [...ids, countyId] : ids;
  },
  allTargets(db: Executor, planId: number) {
    return db.selectFrom('indicatorTargets').selectAll().where('planId', '=', planId).orderBy('indicatorId').orderBy('unitId').execute();
  },
  async replaceTargets(db: Executor, planId: number, indicatorId: number, rows: Omit<Insertable<IndicatorTargetTable>, 'planId' | 'indicatorId'>[]) {
    await db.deleteFrom('indicatorTargets').where('planId', '=', planId).where('indicatorId', '=', indicatorId).execute();
    if (rows.length)
      await db
        .insertInto('indicatorTargets')
        .values(rows.map((r) => ({ ...r, planId, indicatorId })))
        .execute();
  },
  async insertVersion(
    db: Executor,
    values: { planId: number; version: number; reason: string; snapshot: string; createdBy: number | null; createdAt: string },
  ) {
    await db.insertInto('indicatorPlanVersions').values(values).execute();
  },
  versions(db: Executor, planId: number) {
    return db
      .selectFrom('indicatorPlanVersions')
      .leftJoin('users', 'users.id', 'indicatorPlanVersions.createdBy')
      .select(['indicatorPlanVersions.version', 'indicatorPlanVersions.reason', 'indicatorPlanVersions.createdAt', 'users.id as userId', 'users.displayName'])
      .where('indicatorPlanVersions.planId', '=', planId)
      .orderBy('indicatorPlanVersions.version', 'desc')
      .execute();
  },
};
