import type { Config } from '../config';
import type { AccessCache } from './auth/access-cache';
import type { Db, DialectName } from './db/database';

/** Time source; tests move it to check expiry and lockout. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What services need from the outside world, created once per app. */
export interface Deps {
  db: Db;
  dialect: DialectName;
  config: Config;
  clock: Clock;
  /** Signed-in sessions held between requests (see `auth/access-cache.ts`); without it every request reads them afresh. */
  accessCache?: AccessCache;
}
