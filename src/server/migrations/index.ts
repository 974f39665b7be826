import type { Migration } from 'kysely';
import * as foundation from './20261128_0001_foundation';

/** Every migration, in order; names are timestamps so they sort. */
export const migrations: Record<string, Migration> = {
  '20261128_0001_foundation': foundation,
};
