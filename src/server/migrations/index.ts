import type { Migration } from 'kysely';
import * as foundation from './20261128_0001_foundation';
import * as calendar from './20261128_0002_calendar';
import * as attachments from './20261128_0005_attachments';

/** Every migration, in order; names are timestamps so they sort. */
export const migrations: Record<string, Migration> = {
  '20261128_0001_foundation': foundation,
  '20261128_0002_calendar': calendar,
  '20261128_0005_attachments': attachments,
};
