import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../../shared/demo-accounts';
import { authRepository } from '../auth/auth.repository';
import { isAdministrator } from '../auth/mfa';
import { z } from 'zod';
import { BUILTIN_ROLES, UNIT_KINDS } from '../../../shared/permissions';
import { type UserContext, systemContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import type { Executor, Trx } from '../db/database';
import type { Deps } from '../deps';
import { unitsRepository } from '../org/units.repository';
import { builtinRolePermissions } from '../modules/registry';
import { rolesRepository } from '../roles/roles.repository';
import { usersRepository } from '../users/users.repository';

/** A county described as data: its root unit, its units and (for demos) its accounts. */
export const countyFile = z.strictObject({
  county: z.strictObject({ code: z.string(), nameZh: z.string(), nameEn: z.string(), divisionCode: z.string().regex(/^\d{6}$/) }),
  units: z.array(
    z.strictObject({
      code: z.string(),
      kind: z.enum(UNIT_KINDS),
      nameZh: z.string(),
      nameEn: z.string(),
      divisionCode: z.string().optional(),
      parent: z.string().optional(),
    }),
  ),
  demoUsers: z.array(z.strictObject({ username: z.string(), displayName: z.string(), unit: z.string(), roles: z.array(z.string()) })).default([]),
});
export type CountyFile = z.infer<typeof countyFile>;

export { DEMO_PASSWORD, DEMO_TOTP_SECRET };

/** Creates any missing built-in role with its default permissions (the core's and the installed modules' grants); existing roles are left as the secadmin set them. */
export async function ensureBuiltinRoles(deps: Deps) {
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    for (const role of BUILTIN_ROLES) {
      if (await rolesRepository.findByCode(trx, role.code)) continue;
      const id = await rolesRepository.insert(trx, {
        code: role.code,
        nameZh: role.nameZh,
        nameEn: role.nameEn,
        dataScope: role.dataScope,
        builtin: 1,
        createdAt: now,
        updatedAt: now,
      });
      const permissions = builtinRolePermissions(role.code);
      await rolesRepository.setPermissions(trx, id, permissions);
      await recordAudit(trx, deps, systemContext(), { action: 'setup.create_role', entityType: 'role', entityId: id, after: { ...role, permissions } });
    }
  });
}

/** Loads a county's units (idempotent by unit code); returns whether anything was created. */
export async function loadCounty(deps: Deps, data: CountyFile): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if (await unitsRepository.findByCode(trx, data.county.code)) return false;
    const now = deps.clock.now().toISOString();
    const rootId = await unitsRepository.insert(
      trx,
      { ...data.county, kind: 'county', parentId: null, sortOrder: 0, active: 1, createdAt: now, updatedAt: now },
      null,
    );
    const root = await unitsRepository.findById(trx, rootId);
    for (const [i, unit] of data.units.entries()) {
      const parent = unit.parent ? await unitsRepository.findByCode(trx, unit.parent) : root;
      if (!parent) throw new Error(`Unit ${unit.code}: parent ${unit.parent} is not defined before it`);
      await unitsRepository.insert(
        trx,
        {
          code: unit.code,
          kind: unit.kind,
          nameZh: unit.nameZh,
          nameEn: unit.nameEn,
          divisionCode: unit.divisionCode ?? null,
          parentId: parent.id,
          sortOrder: (i + 1) * 10,
          active: 1,
          createdAt: now,
          updatedAt: now,
        },
        parent.path,
      );
    }
    await recordAudit(trx, deps, systemContext(), {
      action: 'setup.load_county',
      entityType: 'unit',
      entityId: rootId,
      after: { county: data.county, units: data.units.length },
    });
    return true;
  });
}

export interface NewAccount {
  username: string;
  displayName: string;
  unitCode: string;
  roleCodes: string[];
  password: string;
  /** Demo accounts skip the first-login password change. */
  mustChange: boolean;
}

/** The county science bureau's demo reviewer, whom both the science fund and the innovation pipelines need. */
export const DEMO_SCIENCE_REVIEWER = { username: 'kjj', displayName: '郑科长', unitCode: 'kjj', roleCodes: ['department'] };

/**
 * A module's demo account, made once with the demo password when its unit exists (a county without the unit gets
 * none): modules that need the same person call this with the same account and whichever loads first makes it.
 */
export async function ensureDemoAccount(deps: Deps, trx: Trx, account: Omit<NewAccount, 'password' | 'mustChange'>) {
  if (await usersRepository.findByUsername(trx, account.username)) return;
  if (!(await unitsRepository.findByCode(trx, account.unitCode))) return;
  await createAccount(deps, trx, { ...account, password: DEMO_PASSWORD, mustChange: false });
}

/** Creates an account outside the web UI (first start, CLI, demo); refuses unknown units or roles. */
export async function createAccount(deps: Deps, trx: Trx, account: NewAccount) {
  const unit = await unitsRepository.findByCode(trx, account.unitCode);
  if (!unit) throw new Error(`Unknown unit code ${account.unitCode}`);
  const roleIds: number[] = [];
  for (const code of account.roleCodes) {
    const role = await rolesRepository.findByCode(trx, code);
    if (!role) throw new Error(`Unknown role code ${code}`);
    roleIds.push(role.id);
  }
  const now = deps.clock.now().toISOString();
  const id = await usersRepository.insert(trx, {
    username: account.username,
    displayName: account.displayName,
    phone: null,
    unitId: unit.id,
    passwordHash: await hashPassword(account.password),
    passwordChangedAt: now,
    passwordChangeReason: account.mustChange ? 'first_login' : null,
    active: 1,
    failedLogins: 0,
    locale: 'zh-CN',
    createdAt: now,
    updatedAt: now,
  });
  await usersRepository.setRoles(trx, id, roleIds);
  await recordAudit(trx, deps, systemContext(), {
    action: 'setup.create_user',
    entityType: 'user',
    entityId: id,
    after: { username: account.username, unit: account.unitCode, roles: account.roleCodes },
  });
  return id;
}

/** Creates the demo accounts that do not exist yet, all with the demo password. */
export async function ensureDemoAccounts(deps: Deps, data: CountyFile) {
  await deps.db.transaction().execute(async (trx) => {
    for (const u of data.demoUsers) {
      if (await usersRepository.findByUsername(trx, u.username)) continue;
      await createAccount(deps, trx, {
        username: u.username,
        displayName: u.displayName,
        unitCode: u.unit,
        roleCodes: u.roles,
        password: DEMO_PASSWORD,
        mustChange: false,
      });
      await enrolDemoAdministrator(trx, deps, u.username);
    }
  });
}

/** Gives a demo administrator the demo second factor, so that signing in works as it will in production. */
async function enrolDemoAdministrator(trx: Trx, deps: Deps, username: string) {
  const user = await usersRepository.findByUsername(trx, username);
  if (!user) return;
  const grants = await authRepository.grantsOf(trx, user.id);
  if (!isAdministrator(grants.flatMap((g) => g.permissions))) return;
  await authRepository.savePendingSecret(trx, user.id, DEMO_TOTP_SECRET);
  await authRepository.enableMfa(trx, user.id, DEMO_TOTP_SECRET, null, deps.clock.now().toISOString());
}

/**
 * The request context of a demo account, as if it had signed in: what the demo loader acts as when a record must be
 * made by a person (a document issued by the office), so that it goes through the same service and audit as one.
 */
export async function demoUserContext(db: Executor, username: string): Promise<UserContext | null> {
  const user = await usersRepository.findByUsername(db, username);
  if (!user) return null;
  const roles = await authRepository.grantsOf(db, user.id);
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      unitId: user.unitId,
      enterpriseId: user.enterpriseId ?? null,
      locale: 'zh-CN',
      roles,
      permissions: new Set(roles.flatMap((r) => r.permissions)),
      sessionId: '',
      csrfToken: '',
      passwordChangeReason: null,
      mfaPending: null,
    },
    ip: null,
    userAgent: null,
    locale: 'zh-CN',
  };
}
