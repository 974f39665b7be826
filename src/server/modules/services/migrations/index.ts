import type { Migration } from 'kysely';
import * as services from './20261202_0210_services';
import * as commitments from './20261202_0220_commitments';
import * as portal from './20261202_0230_services_portal';

/** The services module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261202_0210_services': services,
  '20261202_0220_commitments': commitments,
  '20261202_0230_services_portal': portal,
};
