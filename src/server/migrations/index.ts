import type { Migration } from 'kysely';
import * as foundation from './20261128_0001_foundation';
import * as calendar from './20261128_0002_calendar';
import * as indicators from './20261128_0006_indicators';
import * as indicatorLedger from './20261128_0007_indicator_ledger';
import * as enterprises from './20261128_0008_enterprises';
import * as reports from './20261128_0009_reports';
import * as tasks from './20261128_0004_tasks';
import * as attachments from './20261128_0005_attachments';
import * as indicatorBenchIndexes from './20261128_0011_indicator_bench_indexes';
import * as documents from './20261128_0010_documents';
import * as meetings from './20261128_0012_meetings';
import * as enterpriseDirectory from './20261128_0013_enterprise_directory';
import * as meetingSchedules from './20261128_0014_meeting_schedules';
import * as noticeSubject from './20261128_0015_notice_subject';
import * as projects from '../modules/projects/migrations/20261202_0100_projects';

/** Every migration, in order; names are timestamps so they sort. */
export const migrations: Record<string, Migration> = {
  '20261128_0001_foundation': foundation,
  '20261128_0002_calendar': calendar,
  '20261128_0006_indicators': indicators,
  '20261128_0007_indicator_ledger': indicatorLedger,
  '20261128_0008_enterprises': enterprises,
  '20261128_0009_reports': reports,
  '20261128_0004_tasks': tasks,
  '20261128_0005_attachments': attachments,
  '20261128_0011_indicator_bench_indexes': indicatorBenchIndexes,
  '20261128_0010_documents': documents,
  '20261128_0012_meetings': meetings,
  '20261128_0013_enterprise_directory': enterpriseDirectory,
  '20261128_0014_meeting_schedules': meetingSchedules,
  '20261128_0015_notice_subject': noticeSubject,
  '20261202_0100_projects': projects,
};
