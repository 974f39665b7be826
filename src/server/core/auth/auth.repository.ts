import type { Insertable, Updateable } from 'kysely';
import type { DataScopeKind } from '../../../shared/permissions';
import type { RoleGrant } from '../access/context';
import type { Executor } from '../db/database';
import type { LoginLogTable, SessionTable, UserTable } from '../db/schema';
import { bumpAccessVersion, bumpIfSignedInChanges } from './access-cache';

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
    await bumpIfSignedInChanges(db, values);
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
    await bumpAccessVersion(db);
  },
  async deleteUserSessions(db: Executor, userId: number, exceptId?: string) {
    let q = db.deleteFrom('sessions').where('userId', '=', userId);
    if (exceptId) q = q.where('id', '!=', exceptId);
    await q.execute();
    await bumpAccessVersion(db);
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
  async setSessionMfa(db: Executor, id: string, mfaPending: 'verify' | 'enrol' | null) {
    await db.updateTable('sessions').set({ mfaPending }).where('id', '=', id).execute();
    await bumpAccessVersion(db);
  },
  mfaOf(db: Executor, userId: number) {
    return db.selectFrom('userMfa').selectAll().where('userId', '=', userId).executeTakeFirst();
  },
  async savePendingSecret(db: Executor, userId: number, pendingSecret: string) {
    await db
      .insertInto('userMfa')
      .values({ userId, pendingSecret, secret: null, enabledAt: null, lastStep: null })
      .onConflict((oc) => oc.column('userId').doUpdateSet({ pendingSecret }))
      .execute();
  },
  async enableMfa(db: Executor, userId: number, secret: string, lastStep: number | null, at: string) {
    await db.updateTable('userMfa').set({ secret, pendingSecret: null, enabledAt: at, lastStep }).where('userId', '=', userId).execute();
  },
  /** Records a code's time step as used; false when it is not after the last one used (a replay or a race). */
  async spendStep(db: Executor, userId: number, step: number): Promise<boolean> {
    const result = await db
      .updateTable('userMfa')
      .set({ lastStep: step })
      .where('userId', '=', userId)
      .where((eb) => eb.or([eb('lastStep', 'is', null), eb('lastStep', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
  /** Spends an unused recovery code by its hash; false when there is none. */
  async spendRecoveryCode(db: Executor, userId: number, codeHash: string, at: string): Promise<boolean> {
    const result = await db
      .updateTable('userRecoveryCodes')
      .set({ usedAt: at })
      .where('userId', '=', userId)
      .where('codeHash', '=', codeHash)
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
  async unusedRecoveryCodes(db: Executor, userId: number): Promise<number> {
    const row = await db
      .selectFrom('userRecoveryCodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('userId', '=', userId)
      .where('usedAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  async replaceRecoveryCodes(db: Executor, userId: number, codeHashes: string[]) {
    await db.deleteFrom('userRecoveryCodes').where('userId', '=', userId).execute();
    await db
      .insertInto('userRecoveryCodes')
      .values(codeHashes.map((codeHash) => ({ userId, codeHash, usedAt: null })))
      .execute();
  },
  /** Forgets the user's second factor and recovery codes. */
  async removeMfa(db: Executor, userId: number) {
    await db.deleteFrom('userRecoveryCodes').where('userId', '=', userId).execute();
    await db.deleteFrom('userMfa').where('userId', '=', userId).execute();
  },
};
