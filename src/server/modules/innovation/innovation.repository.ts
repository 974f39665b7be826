import type { Insertable, Updateable } from 'kysely';
import type { ENTRY_SORTS, EntryListQuery } from '../../../shared/modules/innovation.schemas';
import { addYears } from '../../../shared/rules/innovation-pipelines';
import { type Scope, type ScopeColumns, applyScope } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import type { InnovationBreakthroughTable, InnovationEntryTable, InnovationStageChangeTable, InnovationTargetTable } from './innovation.tables';

export type EntryFilter = Omit<EntryListQuery, 'page' | 'pageSize'>;

/**
 * Who reads an entry: the department responsible for it (科技局, 工信局), the township of its firm (or of the
 * standalone incubator), the firm itself; office and leaders everything.
 */
export const READ_SCOPE: ScopeColumns = {
  unit: ['innovationEntries.responsibleUnitId', 'innovationEntries.townshipUnitId'],
  enterprise: 'innovationEntries.enterpriseId',
};
/** Who changes an entry: the department responsible for it; the office everything. */
export const MANAGE_SCOPE: ScopeColumns = { unit: 'innovationEntries.responsibleUnitId' };

const SORT_COLUMNS: Record<(typeof ENTRY_SORTS)[number], string> = {
  id: 'innovationEntries.id',
  name: 'innovationEntries.name',
  stage: 'innovationEntries.stage',
  stageDate: 'innovationEntries.stageDate',
  validTo: 'innovationEntries.validTo',
};

function entries(db: Executor, f: EntryFilter, scope: Scope, columns: ScopeColumns, today: string) {
  let qb = db
    .selectFrom('innovationEntries')
    .leftJoin('enterprises', 'enterprises.id', 'innovationEntries.enterpriseId')
    .selectAll('innovationEntries')
    .select(['enterprises.name as enterpriseName']);
  if (f.pipeline) qb = qb.where('innovationEntries.pipeline', '=', f.pipeline);
  if (f.stage) qb = qb.where('innovationEntries.stage', '=', f.stage);
  if (f.townshipUnitId) qb = qb.where('innovationEntries.townshipUnitId', '=', f.townshipUnitId);
  if (f.enterpriseId) qb = qb.where('innovationEntries.enterpriseId', '=', f.enterpriseId);
  if (f.year) qb = qb.where('innovationEntries.stageDate', '>=', `${f.year}-01-01`).where('innovationEntries.stageDate', '<=', `${f.year}-12-31`);
  if (f.q)
    qb = qb.where((eb) =>
      eb.or([eb('innovationEntries.name', 'like', `%${f.q}%`), eb('enterprises.name', 'like', `%${f.q}%`), eb('innovationEntries.certNo', 'like', `%${f.q}%`)]),
    );
  if (f.certStatus) {
    // The same reading as `certStatus` of the rules: expired after the last valid day, 复审 due in the last year.
    qb = qb.where('innovationEntries.pipeline', '=', 'high_tech').where('innovationEntries.stage', 'in', ['certified', 'renewed']);
    const renewalEdge = addYears(today, 1);
    if (f.certStatus === 'expired') qb = qb.where('innovationEntries.validTo', '<', today);
    else if (f.certStatus === 'renewal_due') qb = qb.where('innovationEntries.validTo', '>=', today).where('innovationEntries.validTo', '<', renewalEdge);
    else qb = qb.where('innovationEntries.validTo', '>=', renewalEdge);
  }
  return applyScope(qb, scope, columns);
}
export type EntryRow = Awaited<ReturnType<ReturnType<typeof entries>['execute']>>[number];

export const innovationRepository = {
  list(db: Executor, f: EntryListQuery, scope: Scope, today: string) {
    return paginate(entries(db, f, scope, READ_SCOPE, today), f, SORT_COLUMNS, 'id', 'innovationEntries.id');
  },
  all(db: Executor, f: EntryFilter, scope: Scope, today: string) {
    return allRows(entries(db, f, scope, READ_SCOPE, today), f, SORT_COLUMNS, 'id', 'innovationEntries.id');
  },
  /** One entry within a scope (read or manage columns); outside it, undefined as if missing. */
  find(db: Executor, id: number, scope: Scope, columns: ScopeColumns = READ_SCOPE) {
    return entries(db, { order: 'asc' }, scope, columns, '').where('innovationEntries.id', '=', id).executeTakeFirst();
  },
  /** The entries of a firm in a pipeline (a firm is in 高新 and 专精特新 once). */
  ofFirm(db: Executor, enterpriseId: number, pipeline: string) {
    return db.selectFrom('innovationEntries').selectAll().where('enterpriseId', '=', enterpriseId).where('pipeline', '=', pipeline).execute();
  },
  async insert(db: Executor, values: Insertable<InnovationEntryTable>) {
    return (await db.insertInto('innovationEntries').values(values).returning('id').executeTakeFirstOrThrow()).id;
  },
  /** Moves an entry on from the stage it was read at; false when another change came first. */
  async moveFrom(db: Executor, id: number, from: { stage: string; stageDate: string }, values: Updateable<InnovationEntryTable>) {
    const r = await db
      .updateTable('innovationEntries')
      .set(values)
      .where('id', '=', id)
      .where('stage', '=', from.stage)
      .where('stageDate', '=', from.stageDate)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  insertChange(db: Executor, values: Insertable<InnovationStageChangeTable>) {
    return db.insertInto('innovationStageChanges').values(values).execute();
  },
  history(db: Executor, entryId: number) {
    return db
      .selectFrom('innovationStageChanges')
      .leftJoin('users', 'users.id', 'innovationStageChanges.userId')
      .selectAll('innovationStageChanges')
      .select('users.displayName')
      .where('entryId', '=', entryId)
      .orderBy('changedOn', 'desc')
      .orderBy('innovationStageChanges.id', 'desc')
      .execute();
  },
  /** Every stage change dated on or after a day, with its pipeline, for the targets. */
  movesSince(db: Executor, from: string) {
    return db
      .selectFrom('innovationStageChanges')
      .innerJoin('innovationEntries', 'innovationEntries.id', 'innovationStageChanges.entryId')
      .select([
        'innovationStageChanges.entryId',
        'innovationEntries.pipeline',
        'innovationStageChanges.fromStage',
        'innovationStageChanges.toStage',
        'innovationStageChanges.changedOn',
      ])
      .where('innovationStageChanges.changedOn', '>=', from)
      .execute();
  },
  unitsByIds(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind', 'active']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  unitByKind(db: Executor, kind: string) {
    return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn']).where('kind', '=', kind).where('active', '=', 1).orderBy('id').executeTakeFirst();
  },
  firm(db: Executor, id: number) {
    return db
      .selectFrom('enterprises')
      .select(['id', 'name', 'townshipUnitId', 'highTech', 'highTechCertNo', 'highTechValidTo', 'smeTier', 'rdInstitutions'])
      .where('id', '=', id)
      .executeTakeFirst();
  },
  firms(db: Executor, q: string | undefined) {
    let qb = db
      .selectFrom('enterprises')
      .innerJoin('orgUnits', 'orgUnits.id', 'enterprises.townshipUnitId')
      .select(['enterprises.id', 'enterprises.name', 'orgUnits.id as townshipId', 'orgUnits.nameZh', 'orgUnits.nameEn']);
    if (q) qb = qb.where((eb) => eb.or([eb('enterprises.name', 'like', `%${q}%`), eb('enterprises.uscc', 'like', `%${q}%`)]));
    return qb.orderBy('enterprises.name').limit(50).execute();
  },
  targets(db: Executor, year: number) {
    return db.selectFrom('innovationTargets').selectAll().where('year', '=', year).execute();
  },
  async replaceTargets(db: Executor, year: number, items: Omit<Insertable<InnovationTargetTable>, 'year' | 'id'>[]) {
    await db.deleteFrom('innovationTargets').where('year', '=', year).execute();
    if (items.length)
      await db
        .insertInto('innovationTargets')
        .values(items.map((t) => ({ year, ...t })))
        .execute();
  },
  breakthroughs(db: Executor) {
    return db.selectFrom('innovationBreakthroughs').selectAll().orderBy('id').execute();
  },
  async replaceBreakthroughs(db: Executor, items: Insertable<InnovationBreakthroughTable>[]) {
    await db.deleteFrom('innovationBreakthroughs').execute();
    if (items.length) await db.insertInto('innovationBreakthroughs').values(items).execute();
  },
  /** Records that a certificate's state was told, once per certificate, end date and state: false if it already was. */
  async markCertNotice(db: Executor, entryId: number, validTo: string, kind: string, sentAt: string): Promise<boolean> {
    const done = await db
      .selectFrom('innovationCertNotices')
      .select('kind')
      .where('entryId', '=', entryId)
      .where('validTo', '=', validTo)
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (done) return false;
    await db.insertInto('innovationCertNotices').values({ entryId, validTo, kind, sentAt }).execute();
    return true;
  },
  /** 高新 entries holding a certificate whose last valid day is before a day (复审 window or expiry). */
  certsEndingBefore(db: Executor, day: string) {
    return db
      .selectFrom('innovationEntries')
      .leftJoin('enterprises', 'enterprises.id', 'innovationEntries.enterpriseId')
      .selectAll('innovationEntries')
      .select(['enterprises.name as enterpriseName'])
      .where('innovationEntries.pipeline', '=', 'high_tech')
      .where('innovationEntries.stage', 'in', ['certified', 'renewed'])
      .where('innovationEntries.validTo', 'is not', null)
      .where('innovationEntries.validTo', '<', day)
      .orderBy('innovationEntries.id')
      .execute();
  },
};
