import type { SecuritySettings, WebhookSettings } from '../../../shared/modules/admin.schemas';
import type { PasswordPolicy } from '../../../shared/rules/password-policy';
import type { UserContext } from '../access/context';
import { requirePermission } from '../access/access';
import { recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/database';
import type { Deps } from '../deps';
import { bumpAccessVersion } from '../auth/access-cache';

export const DEFAULT_SECURITY: SecuritySettings = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockoutAttempts: 5,
  lockoutMinutes: 10,
  passwordMinLength: 8,
  passwordMinClasses: 3,
  passwordMaxAgeDays: 90,
  mfaRequiredForAdmins: true,
};

const SECURITY_KEY = 'security';

/** The security settings in force: stored values over the defaults. */
export async function getSecuritySettings(db: Executor): Promise<SecuritySettings> {
  const row = await db.selectFrom('settings').select('valueJson').where('key', '=', SECURITY_KEY).executeTakeFirst();
  return { ...DEFAULT_SECURITY, ...(row ? (JSON.parse(row.valueJson) as Partial<SecuritySettings>) : {}) };
}

/** The password policy part of the security settings. */
export function passwordPolicyOf(s: SecuritySettings): PasswordPolicy {
  return { minLength: s.passwordMinLength, minClasses: s.passwordMinClasses, maxAgeDays: s.passwordMaxAgeDays };
}

/** Replaces the security settings (sysadmin), audited. */
export async function updateSecuritySettings(deps: Deps, ctx: UserContext, next: SecuritySettings): Promise<SecuritySettings> {
  requirePermission(ctx, 'settings:manage');
  return deps.db.transaction().execute(async (trx) => {
    const before = await getSecuritySettings(trx);
    const now = deps.clock.now().toISOString();
    await trx
      .insertInto('settings')
      .values({ key: SECURITY_KEY, valueJson: JSON.stringify(next), updatedAt: now, updatedBy: ctx.user.id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ valueJson: JSON.stringify(next), updatedAt: now, updatedBy: ctx.user.id }))
      .execute();
    // Session limits and the password policy are read by every signed-in request.
    await bumpAccessVersion(trx);
    await recordAudit(trx, deps, ctx, { action: 'settings.update', entityType: 'settings', entityId: SECURITY_KEY, before, after: next });
    return next;
  });
}

const WEBHOOKS_KEY = 'webhooks';

/** The webhook settings in force: the hosts allowed although internal (none by default). */
export async function getWebhookSettings(db: Executor): Promise<WebhookSettings> {
  const row = await db.selectFrom('settings').select('valueJson').where('key', '=', WEBHOOKS_KEY).executeTakeFirst();
  return { allowedHosts: [], ...(row ? (JSON.parse(row.valueJson) as Partial<WebhookSettings>) : {}) };
}

/** Replaces the webhook settings (sysadmin), audited. */
export async function updateWebhookSettings(deps: Deps, ctx: UserContext, next: WebhookSettings): Promise<WebhookSettings> {
  requirePermission(ctx, 'settings:manage');
  const value = { allowedHosts: [...new Set(next.allowedHosts)] };
  return deps.db.transaction().execute(async (trx) => {
    const before = await getWebhookSettings(trx);
    const now = deps.clock.now().toISOString();
    const valueJson = JSON.stringify(value);
    await trx
      .insertInto('settings')
      .values({ key: WEBHOOKS_KEY, valueJson, updatedAt: now, updatedBy: ctx.user.id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ valueJson, updatedAt: now, updatedBy: ctx.user.id }))
      .execute();
    await recordAudit(trx, deps, ctx, { action: 'settings.update', entityType: 'settings', entityId: WEBHOOKS_KEY, before, after: value });
    return value;
  });
}
