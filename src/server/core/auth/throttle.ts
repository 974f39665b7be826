import { sql } from 'kysely';
import type { Executor } from '../db/database';

/** How many failures a key may have within its window before it is locked for the window's length. */
export interface ThrottleRule {
  key: string;
  limit: number;
}

/** The latest lock among the keys that is still in force, or null. */
export async function lockedUntil(db: Executor, keys: string[], now: Date): Promise<string | null> {
  const rows = await db.selectFrom('authThrottles').select('lockedUntil').where('key', 'in', keys).execute();
  const locks = rows.map((r) => r.lockedUntil).filter((t): t is string => !!t && Date.parse(t) > now.getTime());
  return locks.sort().at(-1) ?? null;
}

/**
 * Counts one failure against each rule's key; a key that reaches its limit within `minutes` is locked for `minutes`
 * and starts counting again. Returns the latest lock this failure set, or null.
 */
export async function recordFailure(db: Executor, rules: ThrottleRule[], minutes: number, now: Date): Promise<string | null> {
  const windowMs = minutes * 60_000;
  let locked: string | null = null;
  for (const { key, limit } of rules) {
    const row = await db.selectFrom('authThrottles').selectAll().where('key', '=', key).executeTakeFirst();
    const fresh = !row || now.getTime() - Date.parse(row.windowStart) > windowMs;
    const failures = (fresh ? 0 : row.failures) + 1;
    const lock = failures >= limit ? new Date(now.getTime() + windowMs).toISOString() : null;
    const values = {
      failures: lock ? 0 : failures,
      windowStart: fresh || lock ? now.toISOString() : row.windowStart,
      lockedUntil: lock ?? (row?.lockedUntil && Date.parse(row.lockedUntil) > now.getTime() ? row.lockedUntil : null),
    };
    await db
      .insertInto('authThrottles')
      .values({ key, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute();
    if (lock && (!locked || lock > locked)) locked = lock;
  }
  return locked;
}

/** Forgets the failures of these keys (a successful sign-in, an administrator's reset). */
export async function clearThrottles(db: Executor, keys: string[]) {
  if (keys.length) await db.deleteFrom('authThrottles').where('key', 'in', keys).execute();
}

/** Forgets a name's failed sign-ins from every address (an administrator's reset or unlock). */
export async function clearLoginThrottles(db: Executor, username: string) {
  const { name } = loginKeys(username, null);
  const prefix = `${name}@`;
  // A prefix compared as text, not LIKE: names may contain `_`, a LIKE wildcard.
  await db
    .deleteFrom('authThrottles')
    .where((eb) => eb.or([eb('key', '=', name), eb(sql<string>`substr(${sql.ref('key')}, 1, ${prefix.length})`, '=', prefix)]))
    .execute();
}

/** The throttle keys of a sign-in: the name from this address, the name from anywhere, the address for any name. */
export function loginKeys(username: string, ip: string | null) {
  const name = username.trim().toLowerCase();
  const address = ip ?? 'unknown';
  return { pair: `login:${name}@${address}`, name: `login:${name}`, ip: `ip:${address}` };
}

/** The throttle key of a user's attempts at their current password. */
export const passwordKey = (userId: number) => `password:${userId}`;
