import type { Insertable, Updateable } from 'kysely';
import type { DataScopeKind } from '../../../shared/permissions';
import type { RoleGrant } from '../access/context';
import type { Executor } from '../db/database';
import type { LoginLogTable, SessionTable, UserTable } from '../db/schema';

/** SQL for sign-in: users by name, their role grants, sessions and the login log. */
export const authRepository = {
  findUserByUsername(db: Executor, username: string) {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  },
  /** The firm an enterprise account speaks for. */
  firmOf(db: Executor, enterpriseId: number) {
    return db.selectFrom('enterprises').select(['id', 'name']).where('id', '=', enterpriseId).executeTakeFirst();
  },
  findUserById(db: Executor, id: number) {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async updateUser(db: Executor, id: number, values: Updateable<UserTable>) {
    await db.updateTable('users').set(values).where('id', '=', id).execute();
  },
  /** The user's roles with their permissions and custom units, in three queries whatever the number of roles. */
  async grantsOf(db: Executor, userId: number): Promise<RoleGrant[]> {
    const roles = await db
      .selectFrom('userRoles')
      .innerJoin('roles', 'roles.id', 'userRoles.roleId')
      .select(['roles.id', 'roles.code', 'roles.nameZh', 'roles.nameEn', 'roles.dataScope'])
      .where('userRoles.userId', '=', userId)
      .orderBy('roles.id')
      .execute();
    if (roles.length === 0) return [];
    const roleIds = roles.map((r) => r.id);
    const [perms, units] = await Promise.all([
      db.selectFrom('rolePermissions').select(['roleId', 'permission']).where('roleId', 'in', roleIds).execute(),
      db.selectFrom('roleUnits').select(['roleId', 'unitId']).where('roleId', 'in', roleIds).execute(),
    ]);
    return roles.map((r) => ({
      ...r,
      dataScope: r.dataScope as DataScopeKind,
      permissions: perms.filter((p) => p.roleId === r.id).map((p) => p.permission),
      customUnitIds: units.filter((u) => u.roleId === r.id).map((u) => u.unitId),
    }));
  },
  async insertSession(db: Executor, session: Insertable<SessionTable>) {
    await db.insertInto('sessions').values(session).execute();
  },
  findSession(db: Executor, id: string) {
    return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async touchSession(db: Executor, id: string, lastSeenAt: string) {
    await db.updateTable('sessions').set({ lastSeenAt }).where('id', '=', id).execute();
  },
  async deleteSession(db: Executor, id: string) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },
  async deleteUserSessions(db: Executor, userId: number, exceptId?: string) {
    let q = db.deleteFrom('sessions').where('userId', '=', userId);
    if (exceptId) q = q.where('id', '!=', exceptId);
    await q.execute();
  },
  /** The hashes of the user's newest `n` passwords. */
  async recentPasswords(db: Executor, userId: number, n: number): Promise<string[]> {
    const rows = await db.selectFrom('passwordHistory').select('passwordHash').where('userId', '=', userId).orderBy('id', 'desc').limit(n).execute();
    return rows.map((r) => r.passwordHash);
  },
  /** Adds a password to the user's history and forgets all but the newest `keep`. */
  async rememberPassword(db: Executor, userId: number, passwordHash: string, at: string, keep: number) {
    await db.insertInto('passwordHistory').values({ userId, passwordHash, createdAt: at }).execute();
    const old = await db.selectFrom('passwordHistory').select('id').where('userId', '=', userId).orderBy('id', 'desc').offset(keep).limit(1000).execute();
    if (old.length)
      await db
        .deleteFrom('passwordHistory')
        .where(
          'id',
          'in',
          old.map((r) => r.id),
        )
        .execute();
  },
  async logLogin(db: Executor, row: Insertable<LoginLogTable>) {
    await db.insertInto('loginLog').values(row).execute();
  },
};
