import type { Migration } from 'kysely';
import * as chains from './20261202_0200_chains';

/** The chains module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261202_0200_chains': chains,
};
