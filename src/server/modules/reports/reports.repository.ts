import type { Insertable, Selectable, Updateable } from 'kysely';
import { type Scope, applyScope } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import type { ReportEventTable, ReportFormTable, ReportFormVersionTable, ReportTable } from './reports.tables';

export type ReportFormRow = Selectable<ReportFormTable>;
export type ReportFormVersionRow = Selectable<ReportFormVersionTable>;
export type ReportRow = Selectable<ReportTable>;

/** SQL for report forms and their versions. */
export const formsRepository = {
  all(db: Executor, { activeOnly = false } = {}) {
    let qb = db.selectFrom('reportForms').selectAll().orderBy('sortOrder').orderBy('id');
    if (activeOnly) qb = qb.where('active', '=', 1);
    return qb.execute();
  },
  findById(db: Executor, id: number) {
    return db.selectFrom('reportForms').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByCode(db: Executor, code: string) {
    return db.selectFrom('reportForms').selectAll().where('code', '=', code).executeTakeFirst();
  },
  async insert(db: Executor, values: Insertable<ReportFormTable>): Promise<number> {
    const { id } = await db.insertInto('reportForms').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<ReportFormTable>) {
    await db.updateTable('reportForms').set(values).where('id', '=', id).execute();
  },
  async insertVersion(db: Executor, values: Insertable<ReportFormVersionTable>): Promise<number> {
    const { id } = await db.insertInto('reportFormVersions').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  version(db: Executor, formId: number, version: number) {
    return db.selectFrom('reportFormVersions').selectAll().where('formId', '=', formId).where('version', '=', version).executeTakeFirst();
  },
  versionById(db: Executor, id: number) {
    return db.selectFrom('reportFormVersions').selectAll().where('id', '=', id).executeTakeFirst();
  },
  versions(db: Executor, formId: number) {
    return db.selectFrom('reportFormVersions').select(['version', 'note', 'createdAt']).where('formId', '=', formId).orderBy('version', 'desc').execute();
  },
  /** Units listed for forms that do not go to every township. */
  listedUnits(db: Executor) {
    return db.selectFrom('reportFormUnits').selectAll().execute();
  },
  async setUnits(db: Executor, formId: number, unitIds: number[]) {
    await db.deleteFrom('reportFormUnits').where('formId', '=', formId).execute();
    if (unitIds.length)
      await db
        .insertInto('reportFormUnits')
        .values(unitIds.map((unitId) => ({ formId, unitId })))
        .execute();
  },
  /** Active townships, in the county's order. */
  townships(db: Executor) {
    return db
      .selectFrom('orgUnits')
      .select(['id', 'nameZh', 'nameEn'])
      .where('kind', '=', 'township')
      .where('active', '=', 1)
      .orderBy('sortOrder')
      .orderBy('id')
      .execute();
  },
  unit(db: Executor, id: number) {
    return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind', 'active']).where('id', '=', id).executeTakeFirst();
  },
  unitsByIds(db: Executor, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn']).where('id', 'in', ids).orderBy('sortOrder').orderBy('id').execute();
  },
};

/** SQL for reports and their state history; reads take the caller's data scope on the report's unit. */
export const reportsRepository = {
  find(db: Executor, formId: number, unitId: number, month: string) {
    return db.selectFrom('reports').selectAll().where('formId', '=', formId).where('unitId', '=', unitId).where('month', '=', month).executeTakeFirst();
  },
  findById(db: Executor, id: number, scope: Scope) {
    return applyScope(db.selectFrom('reports').selectAll().where('id', '=', id), scope, { unit: 'unitId' }).executeTakeFirst();
  },
  /** Reports of some months (inclusive), in scope. */
  between(db: Executor, fromMonth: string, toMonth: string, scope: Scope, formId?: number) {
    let qb = db.selectFrom('reports').selectAll().where('month', '>=', fromMonth).where('month', '<=', toMonth);
    if (formId) qb = qb.where('formId', '=', formId);
    return applyScope(qb, scope, { unit: 'unitId' }).execute();
  },
  async insert(db: Executor, values: Insertable<ReportTable>): Promise<number> {
    const { id } = await db.insertInto('reports').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<ReportTable>) {
    await db.updateTable('reports').set(values).where('id', '=', id).execute();
  },
  /**
   * Moves a report from one status to another only if it is still in the first: the loser of two racing reviewers
   * changes nothing and gets false.
   */
  async transition(db: Executor, id: number, from: ReportRow['status'], values: Updateable<ReportTable>): Promise<boolean> {
    const result = await db.updateTable('reports').set(values).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  async addEvent(db: Executor, values: Insertable<ReportEventTable>) {
    await db.insertInto('reportEvents').values(values).execute();
  },
  events(db: Executor, reportId: number) {
    return db
      .selectFrom('reportEvents')
      .leftJoin('users', 'users.id', 'reportEvents.byUserId')
      .select([
        'reportEvents.action',
        'reportEvents.fromStatus',
        'reportEvents.toStatus',
        'reportEvents.reason',
        'reportEvents.fieldKey',
        'reportEvents.at',
        'users.displayName as by',
      ])
      .where('reportEvents.reportId', '=', reportId)
      .orderBy('reportEvents.id', 'desc')
      .execute();
  },
  /** Firms registered in a township: what an enterprise field of its report may name. */
  enterprisesOf(db: Executor, unitId: number) {
    return db.selectFrom('enterprises').select(['id', 'name']).where('townshipUnitId', '=', unitId).orderBy('name').execute();
  },
};
