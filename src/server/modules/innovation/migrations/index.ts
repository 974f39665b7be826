import type { Migration } from 'kysely';
import * as innovation from './20261202_0600_innovation';

/** The innovation module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261202_0600_innovation': innovation,
};
