import type { Migration } from 'kysely';
import * as services from './20261202_0210_services';

/** The services module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261202_0210_services': services,
};
