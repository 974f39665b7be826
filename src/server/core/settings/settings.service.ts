import { type SecuritySettings, type WebhookSettings, securitySettings, webhookSettings } from '../../../shared/modules/admin.schemas';
import type { PasswordPolicy } from '../../../shared/rules/password-policy';
import type { UserContext } from '../access/context';
import { requirePermission } from '../access/access';
import type { Executor } from '../db/database';
import type { Deps } from '../deps';
import { bumpAccessVersion } from '../auth/access-cache';
import { settingsStore } from './settings-store';

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

const security = settingsStore('security', securitySettings, DEFAULT_SECURITY, { action: 'settings.update', entityType: 'settings' });

/** The security settings in force: stored values over the defaults. */
export function getSecuritySettings(db: Executor): Promise<SecuritySettings> {
  return security.read(db);
}

/** The password policy part of the security settings. */
export function passwordPolicyOf(s: SecuritySettings): PasswordPolicy {
  return { minLength: s.passwordMinLength, minClasses: s.passwordMinClasses, maxAgeDays: s.passwordMaxAgeDays };
}

/** Replaces the security settings (sysadmin), audited. */
export async function updateSecuritySettings(deps: Deps, ctx: UserContext, next: SecuritySettings): Promise<SecuritySettings> {
  requirePermission(ctx, 'settings:manage');
  return deps.db.transaction().execute(async (trx) => {
    const stored = await security.write(trx, deps, ctx, next);
    // Session limits and the password policy are read by every signed-in request.
    await bumpAccessVersion(trx);
    return stored;
  });
}

const webhooks = settingsStore('webhooks', webhookSettings, { allowedHosts: [] }, { action: 'settings.update', entityType: 'settings' });

/** The webhook settings in force: the hosts allowed although internal (none by default). */
export function getWebhookSettings(db: Executor): Promise<WebhookSettings> {
  return webhooks.read(db);
}

/** Replaces the webhook settings (sysadmin), audited. */
export async function updateWebhookSettings(deps: Deps, ctx: UserContext, next: WebhookSettings): Promise<WebhookSettings> {
  requirePermission(ctx, 'settings:manage');
  return deps.db.transaction().execute((trx) => webhooks.write(trx, deps, ctx, { allowedHosts: [...new Set(next.allowedHosts)] }));
}
