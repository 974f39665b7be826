import type { Config } from '../config';
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
}
