import type { Insertable, Selectable, Updateable } from 'kysely';
import type { USER_SORTS } from '../../../shared/modules/admin.schemas';
import { type Scope, applyScope } from '../access/access';
import type { Executor } from '../db/database';
import { type PageRequest, allRows, paginate } from '../db/paging';
import type { UserTable } from '../db/schema';
import { bumpAccessVersion, bumpIfSignedInChanges } from '../auth/access-cache';

export type UserRow = Selectable<UserTable>;

export interface UserFilter extends PageRequest<(typeof USER_SORTS)[number]> {
  q?: string;
  unitId?: number;
  roleCode?: string;
  active?: boolean;
}

const SORTS = { username: 'users.username', displayName: 'users.displayName', createdAt: 'users.id', lastLoginAt: 'users.lastLoginAt' } as const;

function filtered(db: Executor, f: Omit<UserFilter, 'page' | 'pageSize'>, scope: Scope) {
  let qb = db.selectFrom('users').selectAll('users');
  if (f.q) {
    const like = `%${f.q}%`;
    qb = qb.where((eb) => eb.or([eb('users.username', 'like', like), eb('users.displayName', 'like', like)]));
  }
  if (f.unitId) qb = qb.where('users.unitId', '=', f.unitId);
  if (f.active !== undefined) qb = qb.where('users.active', '=', f.active ? 1 : 0);
  if (f.roleCode) {
    const roleCode = f.roleCode;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('userRoles')
          .innerJoin('roles', 'roles.id', 'userRoles.roleId')
          .select('userRoles.userId')
          .whereRef('userRoles.userId', '=', 'users.id')
          .where('roles.code', '=', roleCode),
      ),
    );
  }
  return applyScope(qb, scope, { unit: 'users.unitId', owner: 'users.id' });
}

/** SQL for user accounts. */
export const usersRepository = {
  /** Whether any account exists (the first administrator is made from the environment only when none does). */
  async any(db: Executor): Promise<boolean> {
    return !!(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
  },
  /** The units of some accounts, whole rows. */
  unitsByIds(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('orgUnits').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  /** Id and display name of the given users (for labels); none asked, none read. */
  namesOf(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  /** Users who hold a role (e.g. the county leaders a project or a chain may be given to), by id. */
  withRole(db: Executor, roleCode: string) {
    return db
      .selectFrom('users')
      .innerJoin('userRoles', 'userRoles.userId', 'users.id')
      .innerJoin('roles', 'roles.id', 'userRoles.roleId')
      .select(['users.id', 'users.displayName'])
      .where('roles.code', '=', roleCode)
      .distinct()
      .orderBy('users.id')
      .execute();
  },
  list(db: Executor, f: UserFilter, scope: Scope) {
    return paginate(filtered(db, f, scope), f, SORTS, 'createdAt', 'users.id');
  },
  all(db: Executor, f: Omit<UserFilter, 'page' | 'pageSize'>, scope: Scope) {
    return allRows(filtered(db, f, scope), f, SORTS, 'createdAt', 'users.id');
  },
  findById(db: Executor, id: number, scope: Scope = { all: true }) {
    return applyScope(db.selectFrom('users').selectAll('users').where('users.id', '=', id), scope, {
      unit: 'users.unitId',
      owner: 'users.id',
    }).executeTakeFirst();
  },
  findByUsername(db: Executor, username: string) {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  },
  async insert(db: Executor, values: Insertable<UserTable>): Promise<number> {
    const { id } = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<UserTable>) {
    await db.updateTable('users').set(values).where('id', '=', id).execute();
    await bumpIfSignedInChanges(db, values);
  },
  rolesOf(db: Executor, userIds: number[]) {
    return userIds.length
      ? db
          .selectFrom('userRoles')
          .innerJoin('roles', 'roles.id', 'userRoles.roleId')
          .select(['userRoles.userId', 'roles.id', 'roles.code', 'roles.nameZh', 'roles.nameEn'])
          .where('userRoles.userId', 'in', userIds)
          .orderBy('roles.id')
          .execute()
      : Promise.resolve([]);
  },
  async setRoles(db: Executor, userId: number, roleIds: number[]) {
    await db.deleteFrom('userRoles').where('userId', '=', userId).execute();
    if (roleIds.length)
      await db
        .insertInto('userRoles')
        .values(roleIds.map((roleId) => ({ userId, roleId })))
        .execute();
    await bumpAccessVersion(db);
  },
};
