import type { Migration } from 'kysely';
import * as reports from './20261128_0009_reports';

/** The reports module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261128_0009_reports': reports,
};
