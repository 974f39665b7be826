import type { Migration } from 'kysely';
import * as visits from './20261202_0510_visits';

/** The visits module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261202_0510_visits': visits,
};
