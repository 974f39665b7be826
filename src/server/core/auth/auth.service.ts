import { createHash, randomBytes } from 'node:crypto';
import { formatCountyTime } from '../../../shared/dates';
import type { Locale } from '../../../shared/i18n/messages';
import type { Me } from '../../../shared/modules/auth.schemas';
import { passwordExpired, passwordProblems } from '../../../shared/rules/password-policy';
import type { AuthUser, RequestContext, UserContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import { AppError, fieldError } from '../http/errors';
import type { Executor } from '../db/database';
import type { Deps } from '../deps';
import { unitsRepository } from '../org/units.repository';
import { getSecuritySettings, passwordPolicyOf } from '../settings/settings.service';
import { type SessionState, accessVersion } from './access-cache';
import { authRepository } from './auth.repository';
import { clearThrottles, lockedUntil, loginKeys, passwordKey, recordFailure } from './throttle';
import { mfaOwed } from './mfa';
import { hashPassword, verifyPassword } from './password';

const TOUCH_INTERVAL_MS = 60_000;
// Compared against when the user does not exist, so a wrong name costs the same time as a wrong password.
const DUMMY_HASH = `scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA==$${'A'.repeat(86)}==`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// A name is throttled from one address after `lockoutAttempts` failures, so a stranger elsewhere cannot lock its
// owner out; from anywhere after NAME_FACTOR times that, which stops a guess spread over many addresses; and an
// address after ADDRESS_FACTOR times that for any names, which stops one address from trying names in turn while
// leaving room for an office behind one NAT.
const NAME_FACTOR = 4;
const ADDRESS_FACTOR = 10;

/**
 * Checks credentials, applies the throttles, logs the attempt and opens a session; returns the cookie token. A known
 * and an unknown name get the same answers in the same time: 401 for a wrong password, 429 once throttled. A user
 * with a second factor (or an administrator who must enrol one) gets a session that waits for it (`mfaPending`).
 */
export async function login(deps: Deps, ctx: RequestContext, username: string, password: string) {
  const { db, clock } = deps;
  const now = clock.now();
  const settings = await getSecuritySettings(db);
  const log = (result: string, userId: number | null) =>
    authRepository.logLogin(db, { at: now.toISOString(), username, userId, ip: ctx.ip, userAgent: ctx.userAgent, result });
  const keys = loginKeys(username, ctx.ip);

  const user = await authRepository.findUserByUsername(db, username);
  const throttled = await lockedUntil(db, [keys.pair, keys.name, keys.ip], now);
  if (throttled) {
    await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    await log('locked', user?.id ?? null);
    throw new AppError('TOO_MANY_ATTEMPTS', { until: formatCountyTime(throttled) });
  }
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    if (!user) await verifyPassword(password, DUMMY_HASH);
    const attempts = settings.lockoutAttempts;
    const locked = await recordFailure(
      db,
      [
        { key: keys.pair, limit: attempts },
        { key: keys.name, limit: attempts * NAME_FACTOR },
        { key: keys.ip, limit: attempts * ADDRESS_FACTOR },
      ],
      settings.lockoutMinutes,
      now,
    );
    // The account list shows an account locked from everywhere, and a reset lifts it.
    const nameLock = await lockedUntil(db, [keys.name], now);
    if (user && nameLock) await authRepository.updateUser(db, user.id, { lockedUntil: nameLock });
    await log(locked ? 'locked' : user ? 'bad_password' : 'unknown_user', user?.id ?? null);
    if (locked) throw new AppError('TOO_MANY_ATTEMPTS', { until: formatCountyTime(locked) });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!user.active) {
    await log('disabled', user.id);
    throw new AppError('ACCOUNT_DISABLED');
  }

  const grants = await authRepository.grantsOf(db, user.id);
  const mfaPending = await mfaOwed(
    db,
    user.id,
    grants.flatMap((g) => g.permissions),
    settings,
  );
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await authRepository.updateUser(trx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() });
    await clearThrottles(trx, [keys.pair, keys.name]);
    await authRepository.insertSession(trx, {
      id: sha256(token),
      userId: user.id,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      mfaPending,
    });
    const result = mfaPending === 'verify' ? 'mfa_required' : mfaPending === 'enrol' ? 'mfa_enrol' : 'success';
    await authRepository.logLogin(trx, { at: now.toISOString(), username, userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent, result, factor: 'password' });
  });
  return token;
}

/** Resolves a session cookie to its user, or says the session expired (idle or absolute limit). */
export async function authenticate(deps: Deps, token: string): Promise<AuthUser | 'expired' | null> {
  const { db, clock } = deps;
  const id = sha256(token);
  const now = clock.now().getTime();
  const version = deps.accessCache ? await deps.accessCache.version(db) : await accessVersion(db);
  const cached = deps.accessCache?.get(id, version, now);
  const state = cached ?? (await loadSessionState(db, id));
  if (!state) return null;
  const { session, user, unit, roles, settings, permissions } = state;
  const idle = now - Date.parse(session.lastSeenAt) > settings.sessionIdleMinutes * 60_000;
  const tooOld = now - Date.parse(session.createdAt) > settings.sessionAbsoluteHours * 3_600_000;
  if (idle || tooOld || !user.active) {
    await authRepository.deleteSession(db, session.id);
    deps.accessCache?.forget(id);
    return idle || tooOld ? 'expired' : null;
  }
  if (now - Date.parse(session.lastSeenAt) > TOUCH_INTERVAL_MS) {
    session.lastSeenAt = new Date(now).toISOString();
    await authRepository.touchSession(db, session.id, session.lastSeenAt);
  }
  // Only a fresh load starts an entry's time to live: a busy session is still reloaded every 30 seconds.
  if (!cached) deps.accessCache?.set(id, state, version, now);
  const expired = passwordExpired(passwordPolicyOf(settings), new Date(user.passwordChangedAt), new Date(now));
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    unitId: user.unitId,
    enterpriseId: user.enterpriseId ?? null,
    locale: user.locale as Locale,
    roles,
    permissions,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    passwordChangeReason: user.passwordChangeReason ?? (expired && !deps.config.demo ? 'expired' : null),
    mfaPending: session.mfaPending ?? null,
    unit,
  };
}

/** A session with its user, the user's role grants and the security settings, as the database holds them now. */
async function loadSessionState(db: Executor, id: string): Promise<SessionState | null> {
  const session = await authRepository.findSession(db, id);
  if (!session) return null;
  const [user, roles, settings] = await Promise.all([
    authRepository.findUserById(db, session.userId),
    authRepository.grantsOf(db, session.userId),
    getSecuritySettings(db),
  ]);
  if (!user) return null;
  const unit = await unitsRepository.findById(db, user.unitId);
  return { session, user, unit, roles, settings, permissions: new Set(roles.flatMap((r) => r.permissions)) };
}

/** Ends the current session. */
export async function logout(deps: Deps, ctx: UserContext) {
  await authRepository.deleteSession(deps.db, ctx.user.sessionId);
}

/** What the web app needs to know about the signed-in user to show only what they may do. */
export async function describeMe(deps: Deps, user: AuthUser): Promise<Me> {
  // The signed-in state carries the unit (a unit edit moves the access version); a context built elsewhere may not.
  const unit = user.unit ?? (await unitsRepository.findById(deps.db, user.unitId));
  if (!unit) throw new AppError('INTERNAL');
  const firm = user.enterpriseId === null ? undefined : await authRepository.firmOf(deps.db, user.enterpriseId);
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName, locale: user.locale },
    unit: { id: unit.id, code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn, kind: unit.kind as Me['unit']['kind'] },
    roles: user.roles.map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, dataScope: r.dataScope })),
    permissions: [...user.permissions].sort(),
    csrfToken: user.csrfToken,
    passwordChangeReason: user.passwordChangeReason,
    mfaPending: user.mfaPending,
    demo: deps.config.demo,
    enterprise: firm ? { id: firm.id, name: firm.name } : null,
  };
}

/** The 400 a password that breaks the policy gets, or nothing when it is acceptable. */
export async function checkNewPassword(deps: Deps, field: string, password: string, username: string) {
  const policy = passwordPolicyOf(await getSecuritySettings(deps.db));
  const problem = passwordProblems(policy, password, username)[0];
  if (problem) throw fieldError({ [field]: { key: `err.password.${problem}`, params: { ...policy } } });
}

/** How many of a user's passwords a new one may not repeat. */
export const PASSWORD_HISTORY = 5;

/** Refuses a password the user has had among their last PASSWORD_HISTORY (the current one included). */
export async function checkNotReused(db: Executor, field: string, userId: number, password: string) {
  const user = await authRepository.findUserById(db, userId);
  const hashes = new Set([...(user ? [user.passwordHash] : []), ...(await authRepository.recentPasswords(db, userId, PASSWORD_HISTORY))]);
  for (const hash of hashes) if (await verifyPassword(password, hash)) throw fieldError({ [field]: 'err.password.reused' });
}

/**
 * Changes the signed-in user's own password and ends their other sessions. Wrong current passwords count against the
 * user like failed sign-ins: after `lockoutAttempts` of them the change is refused for `lockoutMinutes`.
 */
export async function changeOwnPassword(deps: Deps, ctx: UserContext, currentPassword: string, newPassword: string) {
  const { db, clock } = deps;
  const user = await authRepository.findUserById(db, ctx.user.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const key = passwordKey(user.id);
  const throttled = await lockedUntil(db, [key], clock.now());
  if (throttled) throw new AppError('TOO_MANY_ATTEMPTS', { until: formatCountyTime(throttled) });
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    const settings = await getSecuritySettings(db);
    const locked = await db.transaction().execute(async (trx) => {
      await recordAudit(trx, deps, ctx, { action: 'user.change_password_failed', entityType: 'user', entityId: user.id });
      return recordFailure(trx, [{ key, limit: settings.lockoutAttempts }], settings.lockoutMinutes, clock.now());
    });
    if (locked) throw new AppError('TOO_MANY_ATTEMPTS', { until: formatCountyTime(locked) });
    throw fieldError({ currentPassword: 'err.password.wrong_current' });
  }
  if (currentPassword === newPassword) throw fieldError({ newPassword: 'err.password.same_as_old' });
  await checkNewPassword(deps, 'newPassword', newPassword, user.username);
  await checkNotReused(db, 'newPassword', user.id, newPassword);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    const now = clock.now().toISOString();
    await authRepository.updateUser(trx, user.id, { passwordHash, passwordChangedAt: now, passwordChangeReason: null, updatedAt: now });
    await authRepository.rememberPassword(trx, user.id, passwordHash, now, PASSWORD_HISTORY);
    await authRepository.deleteUserSessions(trx, user.id, ctx.user.sessionId);
    await clearThrottles(trx, [key]);
    await recordAudit(trx, deps, ctx, { action: 'user.change_password', entityType: 'user', entityId: user.id });
  });
}

/** Remembers the user's language. */
export async function setLocale(deps: Deps, ctx: UserContext, locale: Locale) {
  await authRepository.updateUser(deps.db, ctx.user.id, { locale });
}
