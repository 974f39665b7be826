import type { Migration } from 'kysely';
import * as projects from './20261202_0100_projects';

/** The projects module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261202_0100_projects': projects,
};
