import { MEETING_PERMISSIONS } from '../../../shared/modules/meetings.schemas';
import { defineModule } from '../../core/modules/module';
import { ensureDemoMeetingSchedule } from './meetings.demo';
import { meetingAttachmentOwner } from './meetings.policy';
import { meetingRoutes } from './meetings.routes';
import { migrations } from './migrations';
import { meetingScheduleJob } from './schedules.service';
import { meetingTaskSources } from './task-sources';

/** Meetings (月例会, 调度会, service-team meetings), their decisions as 督办 tasks, and recurring schedules. */
export const meetings = defineModule({
  name: 'meetings',
  migrations,
  routes: [meetingRoutes],
  permissions: MEETING_PERMISSIONS,
  grants: {
    office: ['meeting:read', 'meeting:write'],
    leader: ['meeting:read'],
    department: ['meeting:read'],
    township: ['meeting:read'],
    service_officer: ['meeting:read'],
  },
  jobs: [{ ...meetingScheduleJob, title: { zh: '按例会安排生成并通知会议（每日 8:00）', en: 'Plan and announce scheduled meetings (daily 08:00)' } }],
  taskTypes: ['meeting_decision'],
  taskSources: meetingTaskSources,
  attachmentOwners: { meeting: meetingAttachmentOwner },
  demo: ensureDemoMeetingSchedule,
});

// The public API of the meetings module.
export { type MeetingBrief, ensureSchedule, meetingOfKind, meetingUnitIds, meetingsByIds, meetingsOfKind, recordScheduledMeeting } from './meetings.public';
export { createScheduledMeetings } from './schedules.service';
export { addMeetingDecision, meetingDecision } from './meetings.service';
