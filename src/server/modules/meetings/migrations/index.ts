import type { Migration } from 'kysely';
import * as meetings from './20261128_0012_meetings';
import * as meetingSchedules from './20261128_0014_meeting_schedules';
import * as scheduleInterval from './20261202_0300_meeting_schedule_interval';

/** The meetings module's migrations; the platform merges them with every other module's and runs them in name order. */
export const migrations: Record<string, Migration> = {
  '20261128_0012_meetings': meetings,
  '20261128_0014_meeting_schedules': meetingSchedules,
  '20261202_0300_meeting_schedule_interval': scheduleInterval,
};
