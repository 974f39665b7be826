import type { Migration } from 'kysely';
import * as financing from './20261202_0400_financing';

/** The financing module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261202_0400_financing': financing,
};
