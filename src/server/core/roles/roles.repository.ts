import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { RoleTable } from '../db/schema';
import { bumpAccessVersion } from '../auth/access-cache';

export type RoleRow = Selectable<RoleTable>;

/** SQL for roles, their permissions and their custom units. */
export const rolesRepository = {
  /** Which of some unit ids exist (a custom data scope may name only existing units). */
  existingUnits(db: Executor, ids: number[]) {
    return db.selectFrom('orgUnits').select('id').where('id', 'in', ids).execute();
  },
  list(db: Executor) {
    return db.selectFrom('roles').selectAll().orderBy('builtin', 'desc').orderBy('id').execute();
  },
  findById(db: Executor, id: number) {
    return db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByIds(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('roles').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  findByCode(db: Executor, code: string) {
    return db.selectFrom('roles').selectAll().where('code', '=', code).executeTakeFirst();
  },
  permissionsOf(db: Executor, roleIds: number[]) {
    return roleIds.length ? db.selectFrom('rolePermissions').select(['roleId', 'permission']).where('roleId', 'in', roleIds).execute() : Promise.resolve([]);
  },
  unitsOf(db: Executor, roleIds: number[]) {
    return roleIds.length ? db.selectFrom('roleUnits').select(['roleId', 'unitId']).where('roleId', 'in', roleIds).execute() : Promise.resolve([]);
  },
  async userCounts(db: Executor) {
    const rows = await db
      .selectFrom('userRoles')
      .select(['roleId', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('roleId')
      .execute();
    return new Map(rows.map((r) => [r.roleId, Number(r.n)]));
  },
  holders(db: Executor, roleId: number) {
    return db.selectFrom('userRoles').select('userId').where('roleId', '=', roleId).execute();
  },
  roleIdsOfUsers(db: Executor, userIds: number[]) {
    return userIds.length ? db.selectFrom('userRoles').select(['userId', 'roleId']).where('userId', 'in', userIds).execute() : Promise.resolve([]);
  },
  async insert(db: Executor, values: Insertable<RoleTable>): Promise<number> {
    const { id } = await db.insertInto('roles').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<RoleTable>) {
    await db.updateTable('roles').set(values).where('id', '=', id).execute();
    await bumpAccessVersion(db);
  },
  async setPermissions(db: Executor, roleId: number, permissions: string[]) {
    await db.deleteFrom('rolePermissions').where('roleId', '=', roleId).execute();
    if (permissions.length)
      await db
        .insertInto('rolePermissions')
        .values(permissions.map((permission) => ({ roleId, permission })))
        .execute();
    await bumpAccessVersion(db);
  },
  async setUnits(db: Executor, roleId: number, unitIds: number[]) {
    await db.deleteFrom('roleUnits').where('roleId', '=', roleId).execute();
    if (unitIds.length)
      await db
        .insertInto('roleUnits')
        .values(unitIds.map((unitId) => ({ roleId, unitId })))
        .execute();
    await bumpAccessVersion(db);
  },
  async delete(db: Executor, id: number) {
    await db.deleteFrom('roles').where('id', '=', id).execute();
    await bumpAccessVersion(db);
  },
};
