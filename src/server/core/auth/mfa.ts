import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { formatCountyTime } from '../../../shared/dates';
import { adminFamiliesOf } from '../../../shared/permissions';
import type { SecuritySettings } from '../../../shared/modules/admin.schemas';
import type { RequestContext, UserContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/database';
import type { Deps } from '../deps';
import { AppError, fieldError } from '../http/errors';
import { getSecuritySettings } from '../settings/settings.service';
import { authRepository } from './auth.repository';
import { verifyPassword } from './password';
import { clearThrottles, lockedUntil, passwordKey, recordFailure } from './throttle';

const ISSUER = '工业强县';
const PERIOD_SECONDS = 30;
const RECOVERY_CODES = 10;
// No 0/o, 1/l/i: a recovery code is read off paper.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The RFC 6238 generator of a base32 secret: SHA-1, six digits, 30 seconds, as every authenticator app expects. */
export function totpOf(secret: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** The time step of an instant. */
export const stepAt = (at: Date) => Math.floor(at.getTime() / 1000 / PERIOD_SECONDS);

/**
 * The time step a six-digit code belongs to, accepting one step either side of now for clock drift; null when the
 * code is wrong or its step is not after `lastStep` (a code works once).
 */
export function acceptedStep(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = stepAt(now) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** A fresh base32 secret of 160 bits (RFC 4226's recommended length). */
export const newSecret = () => new Secret({ size: 20 }).base32;

const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

function newRecoveryCodes(): string[] {
  const part = () => Array.from({ length: 5 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return Array.from({ length: RECOVERY_CODES }, () => `${part()}-${part()}`);
}

/** Whether a user's permissions make them one of the three administrators (三员), who must use a second factor. */
export const isAdministrator = (permissions: Iterable<string>) => adminFamiliesOf(permissions).length > 0;

/** What a session signed in with the password alone still owes: a code, an enrolment, or nothing. */
export async function mfaOwed(db: Executor, userId: number, permissions: Iterable<string>, settings: SecuritySettings): Promise<'verify' | 'enrol' | null> {
  const mfa = await authRepository.mfaOf(db, userId);
  if (mfa?.secret) return 'verify';
  return settings.mfaRequiredForAdmins && isAdministrator(permissions) ? 'enrol' : null;
}

/** The second factor as the signed-in user's own page shows it. */
export async function mfaStatus(deps: Deps, ctx: UserContext) {
  const mfa = await authRepository.mfaOf(deps.db, ctx.user.id);
  const settings = await getSecuritySettings(deps.db);
  return {
    pending: ctx.user.mfaPending,
    enabled: !!mfa?.secret,
    required: settings.mfaRequiredForAdmins && isAdministrator(ctx.user.permissions),
    recoveryCodesLeft: mfa?.secret ? await authRepository.unusedRecoveryCodes(deps.db, ctx.user.id) : 0,
  };
}

const mfaKey = (userId: number) => `mfa:${userId}`;

/** Counts a wrong code; once the user has `lockoutAttempts` of them the waiting session ends and the account waits. */
async function refuseCode(deps: Deps, ctx: UserContext, field: string, signingIn: boolean): Promise<never> {
  const settings = await getSecuritySettings(deps.db);
  const now = deps.clock.now();
  const locked = await deps.db.transaction().execute(async (trx) => {
    if (signingIn) await logSignIn(trx, deps, ctx, 'bad_code', null);
    const until = await recordFailure(trx, [{ key: mfaKey(ctx.user.id), limit: settings.lockoutAttempts }], settings.lockoutMinutes, now);
    if (until && signingIn) await authRepository.deleteSession(trx, ctx.user.sessionId);
    return until;
  });
  if (locked) throw new AppError('TOO_MANY_ATTEMPTS', { until: formatCountyTime(locked) });
  throw fieldError({ [field]: 'err.mfa.bad_code' });
}

async function refuseWhileLocked(deps: Deps, ctx: UserContext) {
  const locked = await lockedUntil(deps.db, [mfaKey(ctx.user.id)], deps.clock.now());
  if (locked) throw new AppError('TOO_MANY_ATTEMPTS', { until: formatCountyTime(locked) });
}

function logSignIn(db: Executor, deps: Deps, ctx: RequestContext & UserContext, result: string, factor: string | null) {
  return authRepository.logLogin(db, {
    at: deps.clock.now().toISOString(),
    username: ctx.user.username,
    userId: ctx.user.id,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    result,
    factor,
  });
}

/** Completes a sign-in that waits for a code: a six-digit TOTP code or one unused recovery code. */
export async function verifySignIn(deps: Deps, ctx: UserContext, code: string) {
  if (ctx.user.mfaPending !== 'verify') throw new AppError('CONFLICT');
  await refuseWhileLocked(deps, ctx);
  const mfa = await authRepository.mfaOf(deps.db, ctx.user.id);
  if (!mfa?.secret) throw new AppError('CONFLICT');
  const now = deps.clock.now();
  const step = acceptedStep(mfa.secret, code.trim(), now, mfa.lastStep);
  const done = await deps.db.transaction().execute(async (trx) => {
    let factor: string;
    if (step !== null) {
      // Only a later step may follow, so a code seen over a shoulder cannot be used again.
      if (!(await authRepository.spendStep(trx, ctx.user.id, step))) return false;
      factor = 'password+totp';
    } else {
      const used = await authRepository.spendRecoveryCode(trx, ctx.user.id, sha256(normaliseRecoveryCode(code)), now.toISOString());
      if (!used) return false;
      factor = 'password+recovery';
      await recordAudit(trx, deps, ctx, { action: 'user.mfa_recovery_used', entityType: 'user', entityId: ctx.user.id });
    }
    await authRepository.setSessionMfa(trx, ctx.user.sessionId, null);
    await clearThrottles(trx, [mfaKey(ctx.user.id)]);
    await logSignIn(trx, deps, ctx, 'success', factor);
    return true;
  });
  if (!done) await refuseCode(deps, ctx, 'code', true);
}

/** Starts (or restarts) enrolment: a new secret the user adds to an authenticator app, in force once a code confirms it. */
export async function startEnrolment(deps: Deps, ctx: UserContext) {
  if (ctx.user.mfaPending === 'verify') throw new AppError('MFA_REQUIRED');
  const secret = newSecret();
  await authRepository.savePendingSecret(deps.db, ctx.user.id, secret);
  return { secret, uri: totpOf(secret, ctx.user.username).toString() };
}

/**
 * Puts the enrolled secret in force once the user types a code from it, replaces the recovery codes and returns
 * them (shown once). A session that waited for enrolment is then complete.
 */
export async function enableMfa(deps: Deps, ctx: UserContext, code: string) {
  if (ctx.user.mfaPending === 'verify') throw new AppError('MFA_REQUIRED');
  await refuseWhileLocked(deps, ctx);
  const mfa = await authRepository.mfaOf(deps.db, ctx.user.id);
  if (!mfa?.pendingSecret) throw fieldError({ code: 'err.mfa.no_enrolment' });
  const now = deps.clock.now();
  const step = acceptedStep(mfa.pendingSecret, code.trim(), now, null);
  if (step === null) return refuseCode(deps, ctx, 'code', false);
  const codes = newRecoveryCodes();
  await deps.db.transaction().execute(async (trx) => {
    await authRepository.enableMfa(trx, ctx.user.id, mfa.pendingSecret as string, step, now.toISOString());
    await authRepository.replaceRecoveryCodes(
      trx,
      ctx.user.id,
      codes.map((c) => sha256(normaliseRecoveryCode(c))),
    );
    await authRepository.deleteUserSessions(trx, ctx.user.id, ctx.user.sessionId);
    if (ctx.user.mfaPending === 'enrol') {
      await authRepository.setSessionMfa(trx, ctx.user.sessionId, null);
      await logSignIn(trx, deps, ctx, 'success', 'password+totp');
    }
    await clearThrottles(trx, [mfaKey(ctx.user.id)]);
    await recordAudit(trx, deps, ctx, { action: 'user.mfa_enable', entityType: 'user', entityId: ctx.user.id });
  });
  return { recoveryCodes: codes };
}

/** New recovery codes for the signed-in user, the old ones void; a current code proves the phone is at hand. */
export async function renewRecoveryCodes(deps: Deps, ctx: UserContext, code: string) {
  await refuseWhileLocked(deps, ctx);
  const mfa = await authRepository.mfaOf(deps.db, ctx.user.id);
  if (!mfa?.secret) throw new AppError('CONFLICT');
  const step = acceptedStep(mfa.secret, code.trim(), deps.clock.now(), mfa.lastStep);
  if (step === null) return refuseCode(deps, ctx, 'code', false);
  const codes = newRecoveryCodes();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await authRepository.spendStep(trx, ctx.user.id, step))) throw fieldError({ code: 'err.mfa.bad_code' });
    await authRepository.replaceRecoveryCodes(
      trx,
      ctx.user.id,
      codes.map((c) => sha256(normaliseRecoveryCode(c))),
    );
    await recordAudit(trx, deps, ctx, { action: 'user.mfa_recovery_renew', entityType: 'user', entityId: ctx.user.id });
  });
  return { recoveryCodes: codes };
}

/** Turns the user's own second factor off with the password; an administrator may not while the settings require it. */
export async function disableMfa(deps: Deps, ctx: UserContext, password: string) {
  const settings = await getSecuritySettings(deps.db);
  if (settings.mfaRequiredForAdmins && isAdministrator(ctx.user.permissions)) throw new AppError('MFA_REQUIRED');
  const user = await authRepository.findUserById(deps.db, ctx.user.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const key = passwordKey(user.id);
  const throttled = await lockedUntil(deps.db, [key], deps.clock.now());
  if (throttled) throw new AppError('TOO_MANY_ATTEMPTS', { until: formatCountyTime(throttled) });
  if (!(await verifyPassword(password, user.passwordHash))) {
    const locked = await recordFailure(deps.db, [{ key, limit: settings.lockoutAttempts }], settings.lockoutMinutes, deps.clock.now());
    if (locked) throw new AppError('TOO_MANY_ATTEMPTS', { until: formatCountyTime(locked) });
    throw fieldError({ password: 'err.password.wrong_current' });
  }
  await deps.db.transaction().execute(async (trx) => {
    await authRepository.removeMfa(trx, ctx.user.id);
    await recordAudit(trx, deps, ctx, { action: 'user.mfa_disable', entityType: 'user', entityId: ctx.user.id });
  });
}
