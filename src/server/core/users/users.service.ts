import type { z } from 'zod';
import { formatCountyTime } from '../../../shared/dates';
import type { User, createUserBody, updateUserBody } from '../../../shared/modules/admin.schemas';
import { adminFamiliesOf } from '../../../shared/permissions';
import type { UnitKind } from '../../../shared/permissions';
import { requirePermission, scopeFor } from '../access/access';
import type { RequestContext, UserContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import { authRepository } from '../auth/auth.repository';
import { hashPassword, temporaryPassword } from '../auth/password';
import { clearLoginThrottles } from '../auth/throttle';
import type { Executor } from '../db/database';
import type { Deps } from '../deps';
import type { ExportColumn } from '../excel/export';
import { AppError, fieldError, notFound } from '../http/errors';
import { notify } from '../notifications/notifications.service';
import { unitsRepository } from '../org/units.repository';
import { assertGrantable, assertSeparation } from '../roles/roles.service';
import { rolesRepository } from '../roles/roles.repository';
import { type UserFilter, type UserRow, usersRepository } from './users.repository';

async function describeUsers(db: Executor, rows: UserRow[], now: Date): Promise<User[]> {
  const ids = rows.map((r) => r.id);
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const [roles, units] = await Promise.all([usersRepository.rolesOf(db, ids), usersRepository.unitsByIds(db, unitIds)]);
  return rows.map((r) => {
    const unit = units.find((u) => u.id === r.unitId);
    return {
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      phone: r.phone,
      unit: { id: r.unitId, code: unit?.code ?? '', nameZh: unit?.nameZh ?? '', nameEn: unit?.nameEn ?? '', kind: (unit?.kind ?? 'office') as UnitKind },
      roles: roles.filter((x) => x.userId === r.id).map(({ userId: _, ...role }) => role),
      active: r.active === 1,
      locked: !!r.lockedUntil && Date.parse(r.lockedUntil) > now.getTime(),
      mustChangePassword: r.passwordChangeReason !== null,
      lastLoginAt: r.lastLoginAt,
      createdAt: r.createdAt,
    };
  });
}

/** One page of the users the caller may see. */
export async function listUsers(deps: Deps, ctx: RequestContext, filter: UserFilter) {
  requirePermission(ctx, 'user:read');
  const { rows, total } = await usersRepository.list(deps.db, filter, await scopeFor(deps.db, ctx.user, 'user:read'));
  return { items: await describeUsers(deps.db, rows, deps.clock.now()), total, page: filter.page, pageSize: filter.pageSize };
}

/** Every user matching the filters, for export. */
export async function allUsers(deps: Deps, ctx: RequestContext, filter: Omit<UserFilter, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'user:read');
  const rows = await usersRepository.all(deps.db, filter, await scopeFor(deps.db, ctx.user, 'user:read'));
  return describeUsers(deps.db, rows, deps.clock.now());
}

export const USER_EXPORT_COLUMNS: ExportColumn<User>[] = [
  { zh: '用户名', en: 'User name', value: (u) => u.username },
  { zh: '姓名', en: 'Name', value: (u) => u.displayName },
  { zh: '单位', en: 'Unit', width: 28, value: (u) => u.unit.nameZh },
  { zh: '角色', en: 'Roles', width: 28, value: (u) => u.roles.map((r) => r.nameZh).join('、') },
  { zh: '电话', en: 'Phone', value: (u) => u.phone },
  { zh: '状态', en: 'Status', value: (u) => (u.active ? '启用' : '停用') },
  { zh: '最近登录', en: 'Last sign-in', width: 22, value: (u) => (u.lastLoginAt ? formatCountyTime(u.lastLoginAt) : '') },
];

async function findUser(db: Executor, id: number, now: Date): Promise<User> {
  const row = await usersRepository.findById(db, id);
  if (!row) throw notFound();
  return (await describeUsers(db, [row], now))[0];
}

async function checkRoles(db: Executor, ctx: UserContext, roleIds: number[]) {
  const unique = [...new Set(roleIds)];
  if ((await rolesRepository.findByIds(db, unique)).length !== unique.length) throw fieldError({ roleIds: 'err.role_not_found' });
  await assertGrantable(db, ctx, unique);
  return unique;
}

/**
 * Refuses to touch an account that holds another administrator family than the actor's: otherwise the system
 * administrator could reset the security administrator's password and act as them, or disable the auditor.
 * Such accounts are looked after with the admin command on the server.
 */
async function assertManageable(db: Executor, ctx: UserContext, userId: number) {
  const roleIds = (await rolesRepository.roleIdsOfUsers(db, [userId])).map((r) => r.roleId);
  const held = (await rolesRepository.permissionsOf(db, roleIds)).map((p) => p.permission);
  const mine = adminFamiliesOf(ctx.user.permissions);
  if (adminFamiliesOf(held).some((f) => !mine.includes(f))) throw new AppError('FORBIDDEN', {}, { id: { key: 'err.admin_account_other_family' } });
}

/**
 * Creates an account without roles (sysadmin) and gives it a one-time password, returned once: the security
 * administrator grants the roles, and the user must change the password at first sign-in.
 */
export async function createUser(deps: Deps, ctx: UserContext, body: z.infer<typeof createUserBody>): Promise<User & { temporaryPassword: string }> {
  requirePermission(ctx, 'user:manage');
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const created = await deps.db.transaction().execute(async (trx) => {
    if (await usersRepository.findByUsername(trx, body.username)) throw fieldError({ username: 'err.username_taken' });
    if (!(await unitsRepository.findById(trx, body.unitId))) throw fieldError({ unitId: 'err.unit_not_found' });
    const now = deps.clock.now().toISOString();
    const id = await usersRepository.insert(trx, {
      username: body.username,
      displayName: body.displayName,
      phone: body.phone,
      unitId: body.unitId,
      passwordHash,
      passwordChangedAt: now,
      passwordChangeReason: 'first_login',
      active: 1,
      failedLogins: 0,
      locale: 'zh-CN',
      createdAt: now,
      updatedAt: now,
    });
    const user = await findUser(trx, id, deps.clock.now());
    await recordAudit(trx, deps, ctx, { action: 'user.create', entityType: 'user', entityId: id, after: user });
    return user;
  });
  return { ...created, temporaryPassword: password };
}

/** Edits an account: name, phone, unit, enabled (sysadmin). Nobody disables themselves; roles are not set here. */
export async function updateUser(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateUserBody>): Promise<User> {
  requirePermission(ctx, 'user:manage');
  if (id === ctx.user.id && body.active === false) throw fieldError({ active: 'err.self_disable' });
  return deps.db.transaction().execute(async (trx) => {
    const before = await findUser(trx, id, deps.clock.now());
    await assertManageable(trx, ctx, id);
    if (body.unitId && !(await unitsRepository.findById(trx, body.unitId))) throw fieldError({ unitId: 'err.unit_not_found' });
    const { active, ...fields } = body;
    await usersRepository.update(trx, id, {
      ...fields,
      ...(active === undefined ? {} : { active: active ? 1 : 0 }),
      updatedAt: deps.clock.now().toISOString(),
    });
    if (active === false) await authRepository.deleteUserSessions(trx, id);
    const after = await findUser(trx, id, deps.clock.now());
    await recordAudit(trx, deps, ctx, { action: 'user.update', entityType: 'user', entityId: id, before, after });
    return after;
  });
}

/**
 * Sets an account's roles (secadmin): never one's own, only business roles and the actor's own family, never on an
 * account of another administrator family, and never so that the account mixes families or administration with
 * business. The account's sessions end, so the new rights apply at the next sign-in.
 */
export async function setUserRoles(deps: Deps, ctx: UserContext, id: number, roleIds: number[]): Promise<User> {
  requirePermission(ctx, 'role:manage');
  if (id === ctx.user.id) throw fieldError({ roleIds: 'err.own_roles' });
  return deps.db.transaction().execute(async (trx) => {
    const before = await findUser(trx, id, deps.clock.now());
    await assertManageable(trx, ctx, id);
    const unique = await checkRoles(trx, ctx, roleIds);
    await assertSeparation(trx, new Map([[id, unique]]), 'roleIds');
    await usersRepository.setRoles(trx, id, unique);
    await authRepository.deleteUserSessions(trx, id);
    const after = await findUser(trx, id, deps.clock.now());
    await recordAudit(trx, deps, ctx, {
      action: 'user.set_roles',
      entityType: 'user',
      entityId: id,
      before: { roles: before.roles },
      after: { roles: after.roles },
    });
    return after;
  });
}

/**
 * Sets a random one-time password, lifts any lockout and ends the user's sessions (sysadmin). The password is returned
 * once to be handed over; it cannot be used for anything but choosing a new one, and the user and their unit are told
 * of the reset, so a reset made to sign in as someone else is seen by them and by the auditor.
 */
export async function resetPassword(deps: Deps, ctx: UserContext, id: number) {
  requirePermission(ctx, 'user:manage');
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    const user = await findUser(trx, id, deps.clock.now());
    await assertManageable(trx, ctx, id);
    const now = deps.clock.now().toISOString();
    await usersRepository.update(trx, id, {
      passwordHash,
      passwordChangedAt: now,
      passwordChangeReason: 'reset',
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: now,
    });
    await authRepository.deleteUserSessions(trx, id);
    await clearLoginThrottles(trx, user.username);
    await recordAudit(trx, deps, ctx, { action: 'user.reset_password', entityType: 'user', entityId: id, after: { username: user.username } });
    await notify(trx, deps, {
      userIds: [id],
      unitIds: [user.unit.id],
      exceptUserIds: [ctx.user.id],
      kind: 'account.password_reset',
      title: {
        zh: `账号 ${user.username}（${user.displayName}）的密码已由 ${ctx.user.displayName} 重置；如非本人申请，请告知安全管理员`,
        en: `The password of ${user.username} (${user.displayName}) was reset by ${ctx.user.displayName}; if they did not ask for it, tell the security administrator`,
      },
      link: null,
      entityType: 'user',
      entityId: id,
    });
  });
  return { temporaryPassword: password };
}

export async function getUser(deps: Deps, ctx: RequestContext, id: number): Promise<User> {
  requirePermission(ctx, 'user:read');
  const row = await usersRepository.findById(deps.db, id, await scopeFor(deps.db, ctx.user, 'user:read'));
  if (!row) throw notFound();
  return (await describeUsers(deps.db, [row], deps.clock.now()))[0];
}

/**
 * Forgets a user's second factor when their phone is lost (system administrator): their sessions end, and an
 * administrator enrols again at the next sign-in. The user and their unit are told, as for a password reset.
 */
export async function resetMfa(deps: Deps, ctx: UserContext, id: number) {
  requirePermission(ctx, 'user:manage');
  await deps.db.transaction().execute(async (trx) => {
    const user = await findUser(trx, id, deps.clock.now());
    await assertManageable(trx, ctx, id);
    await authRepository.removeMfa(trx, id);
    await authRepository.deleteUserSessions(trx, id);
    await recordAudit(trx, deps, ctx, { action: 'user.mfa_reset', entityType: 'user', entityId: id, after: { username: user.username } });
    await notify(trx, deps, {
      userIds: [id],
      unitIds: [user.unit.id],
      exceptUserIds: [ctx.user.id],
      kind: 'account.mfa_reset',
      title: {
        zh: `账号 ${user.username}（${user.displayName}）的双因素认证已由 ${ctx.user.displayName} 重置；如非本人申请，请告知安全管理员`,
        en: `Two-factor sign-in of ${user.username} (${user.displayName}) was reset by ${ctx.user.displayName}; if they did not ask for it, tell the security administrator`,
      },
      link: null,
      entityType: 'user',
      entityId: id,
    });
  });
}
