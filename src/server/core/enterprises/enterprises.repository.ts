import type { Insertable, SelectQueryBuilder, Selectable, Updateable } from 'kysely';
import type { ENTERPRISE_SORTS, EnterpriseListQuery } from '../../../shared/modules/enterprises.schemas';
import { type Scope, applyScope } from '../access/access';
import type { Executor } from '../db/database';
import { allRows, paginate } from '../db/paging';
import type { Database, EnterpriseContactTable, EnterpriseTable } from '../db/schema';

/** A firm's row with the names the API shows beside its references (township, service team, chief officer). */
export type EnterpriseRow = Selectable<EnterpriseTable> & {
  townshipNameZh: string | null;
  townshipNameEn: string | null;
  teamNameZh: string | null;
  teamNameEn: string | null;
  officerName: string | null;
};
export type EnterpriseFilter = EnterpriseListQuery;

const SORTS: Record<(typeof ENTERPRISE_SORTS)[number], string> = {
  name: 'enterprises.name',
  uscc: 'enterprises.uscc',
  employees: 'enterprises.employees',
  updatedAt: 'enterprises.updatedAt',
};

// A township sees its firms, a service team the firms it serves: both columns count for the data scope; an
// enterprise account sees its own firm only.
const SCOPE_COLUMNS = { unit: ['enterprises.townshipUnitId', 'enterprises.serviceTeamUnitId'], enterprise: 'enterprises.id' };

// The names shaped beside a firm come in the firm's own query (one row each, by primary key), not in a lookup per list.
function named(db: Executor) {
  return db
    .selectFrom('enterprises')
    .leftJoin('orgUnits as township', 'township.id', 'enterprises.townshipUnitId')
    .leftJoin('orgUnits as team', 'team.id', 'enterprises.serviceTeamUnitId')
    .leftJoin('users as officer', 'officer.id', 'enterprises.chiefOfficerUserId')
    .selectAll('enterprises')
    .select([
      'township.nameZh as townshipNameZh',
      'township.nameEn as townshipNameEn',
      'team.nameZh as teamNameZh',
      'team.nameEn as teamNameEn',
      'officer.displayName as officerName',
    ]);
}

type Filter = Omit<EnterpriseFilter, 'page' | 'pageSize'>;

/** The firms of a filter and scope, with their names (page and export). */
function filtered(db: Executor, f: Filter, scope: Scope) {
  return withFilter(named(db), f, scope);
}

/** The same firms without the names' joins, for the count: SQLite does not drop an unused LEFT JOIN from a count. */
function counted(db: Executor, f: Filter, scope: Scope) {
  return withFilter(db.selectFrom('enterprises').select('enterprises.id'), f, scope);
}

function withFilter<QB extends SelectQueryBuilder<Database, 'enterprises', object>>(base: QB, f: Filter, scope: Scope): QB {
  // Every condition names `enterprises.*` columns only, so it fits the query with or without the names' joins.
  let qb = base as SelectQueryBuilder<Database, 'enterprises', object>;
  if (f.q) {
    const like = `%${f.q}%`;
    qb = qb.where((eb) => eb.or([eb('enterprises.name', 'like', like), eb('enterprises.uscc', 'like', like.toUpperCase())]));
  }
  if (f.townshipUnitId) qb = qb.where('enterprises.townshipUnitId', '=', f.townshipUnitId);
  // A section filter (`C`) matches its divisions (`C31`).
  if (f.industryCode) qb = qb.where('enterprises.industryCode', 'like', `${f.industryCode}%`);
  if (f.aboveScale !== undefined) qb = qb.where('enterprises.aboveScale', '=', f.aboveScale ? 1 : 0);
  if (f.highTech !== undefined) qb = qb.where('enterprises.highTech', '=', f.highTech ? 1 : 0);
  if (f.smeTier) qb = qb.where('enterprises.smeTier', '=', f.smeTier);
  if (f.chainUnitId) {
    const chain = f.chainUnitId;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('enterpriseChains')
          .select('enterpriseId')
          .whereRef('enterpriseChains.enterpriseId', '=', 'enterprises.id')
          .where('chainUnitId', '=', chain),
      ),
    );
  }
  return applyScope(qb, scope, SCOPE_COLUMNS) as unknown as QB;
}

/** SQL for enterprise profiles, their chains and contacts. */
export const enterprisesRepository = {
  list(db: Executor, f: EnterpriseFilter, scope: Scope) {
    return paginate(filtered(db, f, scope), f, SORTS, 'name', 'enterprises.id', counted(db, f, scope));
  },
  all(db: Executor, f: Filter, scope: Scope) {
    return allRows(filtered(db, f, scope), f, SORTS, 'name', 'enterprises.id');
  },
  findById(db: Executor, id: number, scope: Scope): Promise<EnterpriseRow | undefined> {
    return applyScope(named(db).where('enterprises.id', '=', id), scope, SCOPE_COLUMNS).executeTakeFirst();
  },
  findByUscc(db: Executor, uscc: string) {
    return db.selectFrom('enterprises').select(['id', 'uscc']).where('uscc', '=', uscc).executeTakeFirst();
  },
  existingUsccs(db: Executor, codes: string[]) {
    return codes.length ? db.selectFrom('enterprises').select('uscc').where('uscc', 'in', codes).execute() : Promise.resolve([]);
  },
  async insert(db: Executor, values: Insertable<EnterpriseTable>): Promise<number> {
    const { id } = await db.insertInto('enterprises').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  /** One multi-row insert (the caller keeps batches within the bind-parameter limits); ids come back by credit code. */
  insertMany(db: Executor, values: Insertable<EnterpriseTable>[]) {
    return values.length ? db.insertInto('enterprises').values(values).returning(['id', 'uscc']).execute() : Promise.resolve([]);
  },
  async insertChains(db: Executor, rows: { enterpriseId: number; chainUnitId: number }[]) {
    if (rows.length) await db.insertInto('enterpriseChains').values(rows).execute();
  },
  async insertContacts(db: Executor, rows: Insertable<EnterpriseContactTable>[]) {
    if (rows.length) await db.insertInto('enterpriseContacts').values(rows).execute();
  },
  /** Updates a firm and returns its row as stored (one statement: no read after the write). */
  update(db: Executor, id: number, values: Updateable<EnterpriseTable>) {
    return db.updateTable('enterprises').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  chainsOf(db: Executor, ids: number[]) {
    return ids.length
      ? db
          .selectFrom('enterpriseChains')
          .innerJoin('orgUnits', 'orgUnits.id', 'enterpriseChains.chainUnitId')
          .select(['enterpriseChains.enterpriseId', 'orgUnits.id', 'orgUnits.nameZh', 'orgUnits.nameEn'])
          .where('enterpriseChains.enterpriseId', 'in', ids)
          .execute()
      : Promise.resolve([]);
  },
  async setChains(db: Executor, id: number, chainUnitIds: number[], fresh = false) {
    // A firm just inserted has nothing to delete: the import saves round trips per firm.
    if (!fresh) await db.deleteFrom('enterpriseChains').where('enterpriseId', '=', id).execute();
    if (chainUnitIds.length)
      await db
        .insertInto('enterpriseChains')
        .values(chainUnitIds.map((chainUnitId) => ({ enterpriseId: id, chainUnitId })))
        .execute();
  },
  contactsOf(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('enterpriseContacts').selectAll().where('enterpriseId', 'in', ids).orderBy('sortOrder').execute() : Promise.resolve([]);
  },
  async setContacts(db: Executor, id: number, contacts: Omit<Insertable<EnterpriseContactTable>, 'enterpriseId' | 'sortOrder'>[], fresh = false) {
    if (!fresh) await db.deleteFrom('enterpriseContacts').where('enterpriseId', '=', id).execute();
    if (contacts.length)
      await db
        .insertInto('enterpriseContacts')
        .values(contacts.map((c, i) => ({ ...c, enterpriseId: id, sortOrder: i })))
        .execute();
  },
};
