import type { Migration } from 'kysely';
import * as foundation from './20261128_0001_foundation';
import * as calendar from './20261128_0002_calendar';
import * as tasks from './20261128_0004_tasks';
import * as attachments from './20261128_0005_attachments';
import * as enterprises from './20261128_0008_enterprises';
import * as enterpriseDirectory from './20261128_0013_enterprise_directory';
import * as accountSecurity from './20261202_0020_account_security';
import * as enterpriseAccounts from './20261202_0200_enterprise_accounts';
import * as mfa from './20261202_0300_mfa';
import * as accessVersion from './20261202_0400_access_version';

/**
 * The core's migrations (foundation, calendar, tasks and notifications, attachments, enterprises, account security, enterprise accounts, the second factor, the access version). Each business
 * module keeps its own in `modules/<module>/migrations/`; `platform.ts` merges them all and Kysely runs them in
 * name order, so names are timestamps.
 */
export const coreMigrations: Record<string, Migration> = {
  '20261128_0001_foundation': foundation,
  '20261128_0002_calendar': calendar,
  '20261128_0004_tasks': tasks,
  '20261128_0005_attachments': attachments,
  '20261128_0008_enterprises': enterprises,
  '20261128_0013_enterprise_directory': enterpriseDirectory,
  '20261202_0020_account_security': accountSecurity,
  '20261202_0200_enterprise_accounts': enterpriseAccounts,
  '20261202_0300_mfa': mfa,
  '20261202_0400_access_version': accessVersion,
};
