import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../core/db/database';
import type { IndicatorValueHistoryTable, IndicatorValueTable } from './indicators.tables';

/** SQL for the monthly ledger: values, their history and month locks. */
export const ledgerRepository = {
  /** The unit a sheet belongs to, as the sheet shows it. */
  sheetUnit(db: Executor, id: number) {
    return db.selectFrom('orgUnits').select(['id', 'code', 'nameZh', 'nameEn', 'kind']).where('id', '=', id).executeTakeFirst();
  },
  /** Units whose sheets may be opened, in the tree's order. */
  sheetUnits(db: Executor, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind']).where('id', 'in', ids).orderBy('sortOrder').orderBy('id').execute();
  },
  /** Values of some units between two months (inclusive), for the given indicators or all. */
  values(db: Executor, unitIds: number[], fromMonth: string, toMonth: string) {
    if (unitIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('indicatorValues').selectAll().where('unitId', 'in', unitIds).where('month', '>=', fromMonth).where('month', '<=', toMonth).execute();
  },
  find(db: Executor, indicatorId: number, unitId: number, month: string) {
    return db
      .selectFrom('indicatorValues')
      .selectAll()
      .where('indicatorId', '=', indicatorId)
      .where('unitId', '=', unitId)
      .where('month', '=', month)
      .executeTakeFirst();
  },
  async insert(db: Executor, values: Insertable<IndicatorValueTable>): Promise<number> {
    const { id } = await db.insertInto('indicatorValues').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<IndicatorValueTable>) {
    await db.updateTable('indicatorValues').set(values).where('id', '=', id).execute();
  },
  drafts(db: Executor, unitId: number, month: string) {
    return db.selectFrom('indicatorValues').selectAll().where('unitId', '=', unitId).where('month', '=', month).where('status', '=', 'draft').execute();
  },
  async addHistory(db: Executor, rows: Insertable<IndicatorValueHistoryTable>[]) {
    if (rows.length) await db.insertInto('indicatorValueHistory').values(rows).execute();
  },
  history(db: Executor, valueId: number) {
    return db
      .selectFrom('indicatorValueHistory')
      .leftJoin('users', 'users.id', 'indicatorValueHistory.changedBy')
      .select([
        'indicatorValueHistory.action',
        'indicatorValueHistory.beforeValue',
        'indicatorValueHistory.afterValue',
        'indicatorValueHistory.reason',
        'indicatorValueHistory.changedAt',
        'users.displayName as changedBy',
      ])
      .where('indicatorValueHistory.valueId', '=', valueId)
      .orderBy('indicatorValueHistory.id', 'desc')
      .execute();
  },
  async lockedMonths(db: Executor, fromMonth: string, toMonth: string): Promise<Set<string>> {
    const rows = await db.selectFrom('indicatorMonthLocks').select('month').where('month', '>=', fromMonth).where('month', '<=', toMonth).execute();
    return new Set(rows.map((r) => r.month));
  },
  findLock(db: Executor, month: string) {
    return db.selectFrom('indicatorMonthLocks').selectAll().where('month', '=', month).executeTakeFirst();
  },
  async insertLock(db: Executor, month: string, lockedBy: number | null, lockedAt: string) {
    await db.insertInto('indicatorMonthLocks').values({ month, lockedBy, lockedAt }).execute();
  },
};
