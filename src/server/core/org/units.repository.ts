import { type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import { type Scope, applyScope } from '../access/access';
import { bumpIfUnitShownChanges } from '../auth/access-cache';
import type { Executor } from '../db/database';
import type { OrgUnitTable } from '../db/schema';

export type UnitRow = Selectable<OrgUnitTable>;

export interface UnitFilter {
  kind?: string;
  q?: string;
  includeInactive?: boolean;
}

/** SQL for the organisation tree. */
export const unitsRepository = {
  /** The first office unit, active or not: the unit the system's own tasks (auto-lock, overdue commitments) come from. */
  async firstOfficeId(db: Executor): Promise<number | undefined> {
    return (await db.selectFrom('orgUnits').select('id').where('kind', '=', 'office').orderBy('id').executeTakeFirst())?.id;
  },
  findById(db: Executor, id: number, scope: Scope = { all: true }) {
    return applyScope(db.selectFrom('orgUnits').selectAll().where('id', '=', id), scope, { unit: 'orgUnits.id' }).executeTakeFirst();
  },
  /** The county at the root of the tree. */
  async countyId(db: Executor): Promise<number> {
    const county = await db.selectFrom('orgUnits').select('id').where('kind', '=', 'county').orderBy('id').executeTakeFirst();
    if (!county) throw new Error('No county unit: load a county first');
    return county.id;
  },
  /** The active leading-group office unit(s): whose reviewers hear about submissions and who creates the county's tasks. */
  async activeOfficeIds(db: Executor): Promise<number[]> {
    return (await db.selectFrom('orgUnits').select('id').where('kind', '=', 'office').where('active', '=', 1).orderBy('id').execute()).map((u) => u.id);
  },
  /** Id and names of the given units (for labels); none asked, none read. */
  namesOf(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  /** Whether a unit exists, is active and is of a kind (a reference a form may name). */
  async isActiveOfKind(db: Executor, id: number, kind: string): Promise<boolean> {
    return !!(await db.selectFrom('orgUnits').select('id').where('id', '=', id).where('kind', '=', kind).where('active', '=', 1).executeTakeFirst());
  },
  /** The active units of some kinds, with their names and kind (an import resolves names against them). */
  activeOfKinds(db: Executor, kinds: string[]) {
    return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind']).where('active', '=', 1).where('kind', 'in', kinds).orderBy('id').execute();
  },
  findByCode(db: Executor, code: string) {
    return db.selectFrom('orgUnits').selectAll().where('code', '=', code).executeTakeFirst();
  },
  list(db: Executor, f: UnitFilter, scope: Scope) {
    let qb = db.selectFrom('orgUnits').selectAll();
    if (!f.includeInactive) qb = qb.where('active', '=', 1);
    if (f.kind) qb = qb.where('kind', '=', f.kind);
    if (f.q) {
      const like = `%${f.q}%`;
      qb = qb.where((eb) => eb.or([eb('nameZh', 'like', like), eb('nameEn', 'like', like), eb('code', 'like', like), eb('divisionCode', 'like', like)]));
    }
    return applyScope(qb, scope, { unit: 'orgUnits.id' }).orderBy('sortOrder').orderBy('id').execute();
  },
  /** Inserts a unit and sets its materialised path from its parent's. */
  async insert(db: Executor, values: Omit<Insertable<OrgUnitTable>, 'path'>, parentPath: string | null): Promise<number> {
    const { id } = await db
      .insertInto('orgUnits')
      .values({ ...values, path: '/' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('orgUnits')
      .set({ path: `${parentPath ?? '/'}${id}/` })
      .where('id', '=', id)
      .execute();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<OrgUnitTable>) {
    await db.updateTable('orgUnits').set(values).where('id', '=', id).execute();
    await bumpIfUnitShownChanges(db, values);
  },
  /** Moves a subtree: every path that starts with the old prefix gets the new one. */
  async repath(db: Executor, oldPrefix: string, newPrefix: string) {
    await db
      .updateTable('orgUnits')
      .set({ path: sql<string>`${newPrefix} || substr(path, ${oldPrefix.length + 1})` })
      .where('path', 'like', `${oldPrefix}%`)
      .execute();
  },
  async countActiveDependants(db: Executor, id: number) {
    const children = await db
      .selectFrom('orgUnits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parentId', '=', id)
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    const users = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unitId', '=', id)
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(children.n) + Number(users.n);
  },
};
