import type { Migration } from 'kysely';
import * as monitoring from './20261202_0700_monitoring';

/** The monitoring module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261202_0700_monitoring': monitoring,
};
