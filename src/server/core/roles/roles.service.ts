import type { z } from 'zod';
import type { Role, createRoleBody, updateRoleBody } from '../../../shared/modules/admin.schemas';
import { type AdminFamily, type DataScopeKind, adminFamiliesOf, separationProblem } from '../../../shared/permissions';
import { requirePermission } from '../access/access';
import type { RequestContext, UserContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/database';
import type { Deps } from '../deps';
import { fieldError, notFound } from '../http/errors';
import { permissionCatalogue as installedPermissions } from '../modules/registry';
import { type RoleRow, rolesRepository } from './roles.repository';

async function describeRoles(db: Executor, rows: RoleRow[]): Promise<Role[]> {
  const ids = rows.map((r) => r.id);
  const [perms, units, counts] = await Promise.all([rolesRepository.permissionsOf(db, ids), rolesRepository.unitsOf(db, ids), rolesRepository.userCounts(db)]);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    builtin: r.builtin === 1,
    dataScope: r.dataScope as DataScopeKind,
    permissions: perms
      .filter((p) => p.roleId === r.id)
      .map((p) => p.permission)
      .sort(),
    customUnitIds: units.filter((u) => u.roleId === r.id).map((u) => u.unitId),
    userCount: counts.get(r.id) ?? 0,
  }));
}

/** All roles with their permissions, scopes and number of holders. */
export async function listRoles(deps: Deps, ctx: RequestContext): Promise<Role[]> {
  requirePermission(ctx, 'role:read');
  return describeRoles(deps.db, await rolesRepository.list(deps.db));
}

/** The permission catalogue, each with the administrator family it belongs to. */
export function permissionCatalogue(ctx: RequestContext) {
  requirePermission(ctx, 'role:read');
  return installedPermissions().map((code) => ({ code, family: adminFamiliesOf([code])[0] ?? null }));
}

/**
 * Refuses any user who would hold permissions of two administrator families, or administrator and business
 * permissions together, once `roleIdsByUser` applies.
 */
export async function assertSeparation(db: Executor, roleIdsByUser: Map<number, number[]>, field: string) {
  const allRoleIds = [...new Set([...roleIdsByUser.values()].flat())];
  const perms = await rolesRepository.permissionsOf(db, allRoleIds);
  for (const roleIds of roleIdsByUser.values()) {
    const problem = separationProblem(perms.filter((p) => roleIds.includes(p.roleId)).map((p) => p.permission));
    if (problem) throw fieldError({ [field]: `err.${problem}` });
  }
}

/** Refuses roles that carry another administrator family than the actor's own (三员分立: no one creates the others). */
export async function assertGrantable(db: Executor, ctx: UserContext, roleIds: number[]) {
  const actorFamilies = adminFamiliesOf(ctx.user.permissions);
  const perms = await rolesRepository.permissionsOf(db, roleIds);
  const granted = adminFamiliesOf(perms.map((p) => p.permission));
  if (granted.some((f: AdminFamily) => !actorFamilies.includes(f))) throw fieldError({ roleIds: 'err.admin_role_grant' });
}

/** Refuses to shape a role of another administrator family than the actor's (the auditor's role is not the secadmin's to strip). */
function assertOwnFamilies(ctx: UserContext, ...permissionLists: (readonly string[] | undefined)[]) {
  const mine = adminFamiliesOf(ctx.user.permissions);
  const touched = adminFamiliesOf(permissionLists.flatMap((list) => list ?? []));
  if (touched.some((f) => !mine.includes(f))) throw fieldError({ permissions: 'err.admin_role_other_family' });
}

async function validateRole(db: Executor, body: { permissions?: string[]; dataScope?: DataScopeKind; customUnitIds?: number[] }) {
  const known = new Set<string>(installedPermissions());
  const unknown = body.permissions?.findIndex((p) => !known.has(p)) ?? -1;
  if (unknown >= 0) throw fieldError({ [`permissions.${unknown}`]: 'err.VALIDATION' });
  const problem = body.permissions && separationProblem(body.permissions);
  if (problem) throw fieldError({ permissions: `err.${problem}` });
  if (body.dataScope === 'custom' && !body.customUnitIds?.length) throw fieldError({ customUnitIds: 'err.custom_units_required' });
  if (body.customUnitIds?.length) {
    const found = await rolesRepository.existingUnits(db, body.customUnitIds);
    if (found.length !== new Set(body.customUnitIds).size) throw fieldError({ customUnitIds: 'err.unit_not_found' });
  }
}

async function findRole(db: Executor, id: number): Promise<Role> {
  const row = await rolesRepository.findById(db, id);
  if (!row) throw notFound();
  return (await describeRoles(db, [row]))[0];
}

/** Creates a role (secadmin). */
export async function createRole(deps: Deps, ctx: UserContext, body: z.infer<typeof createRoleBody>): Promise<Role> {
  requirePermission(ctx, 'role:manage');
  assertOwnFamilies(ctx, body.permissions);
  return deps.db.transaction().execute(async (trx) => {
    await validateRole(trx, body);
    if (await rolesRepository.findByCode(trx, body.code)) throw fieldError({ code: 'err.role_code_taken' });
    const now = deps.clock.now().toISOString();
    const id = await rolesRepository.insert(trx, {
      code: body.code,
      nameZh: body.nameZh,
      nameEn: body.nameEn,
      dataScope: body.dataScope,
      builtin: 0,
      createdAt: now,
      updatedAt: now,
    });
    await rolesRepository.setPermissions(trx, id, [...new Set(body.permissions)]);
    await rolesRepository.setUnits(trx, id, body.dataScope === 'custom' ? [...new Set(body.customUnitIds)] : []);
    const created = await findRole(trx, id);
    await recordAudit(trx, deps, ctx, { action: 'role.create', entityType: 'role', entityId: id, after: created });
    return created;
  });
}

/** Changes a role's names, scope or permissions (secadmin); never a role the actor holds. */
export async function updateRole(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateRoleBody>): Promise<Role> {
  requirePermission(ctx, 'role:manage');
  if (ctx.user.roles.some((r) => r.id === id)) throw fieldError({ id: 'err.role_held' });
  return deps.db.transaction().execute(async (trx) => {
    const before = await findRole(trx, id);
    assertOwnFamilies(ctx, before.permissions, body.permissions);
    const dataScope = body.dataScope ?? before.dataScope;
    const customUnitIds = body.customUnitIds ?? before.customUnitIds;
    await validateRole(trx, { permissions: body.permissions, dataScope, customUnitIds });
    await rolesRepository.update(trx, id, {
      ...(body.nameZh === undefined ? {} : { nameZh: body.nameZh }),
      ...(body.nameEn === undefined ? {} : { nameEn: body.nameEn }),
      ...(body.dataScope === undefined ? {} : { dataScope }),
      updatedAt: deps.clock.now().toISOString(),
    });
    if (body.permissions) await rolesRepository.setPermissions(trx, id, [...new Set(body.permissions)]);
    // Custom units belong to the custom scope: leaving it drops them.
    if (body.dataScope !== undefined || body.customUnitIds !== undefined)
      await rolesRepository.setUnits(trx, id, dataScope === 'custom' ? [...new Set(customUnitIds)] : []);
    if (body.permissions) {
      const holders = (await rolesRepository.holders(trx, id)).map((h) => h.userId);
      const byUser = new Map<number, number[]>();
      for (const row of await rolesRepository.roleIdsOfUsers(trx, holders)) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.roleId]);
      await assertSeparation(trx, byUser, 'permissions');
    }
    const after = await findRole(trx, id);
    await recordAudit(trx, deps, ctx, { action: 'role.update', entityType: 'role', entityId: id, before, after });
    return after;
  });
}

/** Deletes a custom role that nobody holds (secadmin). */
export async function deleteRole(deps: Deps, ctx: UserContext, id: number): Promise<void> {
  requirePermission(ctx, 'role:manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await findRole(trx, id);
    if (before.builtin) throw fieldError({ id: 'err.role_builtin' });
    if (before.userCount > 0) throw fieldError({ id: 'err.role_in_use' });
    await rolesRepository.delete(trx, id);
    await recordAudit(trx, deps, ctx, { action: 'role.delete', entityType: 'role', entityId: id, before });
  });
}
