import { VISIT_MESSAGES } from '../../../shared/modules/visits.messages';
import { VISIT_PERMISSIONS } from '../../../shared/modules/visits.schemas';
import { defineModule } from '../../core/modules/module';
import { migrations } from './migrations';
import { visitTaskSources } from './task-sources';
import { ensureVisitsDemo } from './visits.demo';
import { visitRoutes } from './visits.routes';
import { remindJob, visitAttachmentOwner } from './visits.service';

/**
 * Service officers' visits (一联三帮 · 走访): firms assigned to chief service officers (首席服务官) with their history,
 * cadre exchanges (政企干部双向交流), visits whose problems become 督办 tasks and enterprise service requests, and
 * coverage — every assigned firm visited each quarter — with a reminder to the officers before the quarter ends.
 */
export const visits = defineModule({
  name: 'visits',
  migrations,
  routes: [visitRoutes],
  permissions: VISIT_PERMISSIONS,
  grants: {
    office: ['visit:read', 'visit:write', 'visit:manage'],
    leader: ['visit:read'],
    township: ['visit:read'],
    service_officer: ['visit:read', 'visit:write'],
  },
  taskTypes: ['visit_problem'],
  taskSources: visitTaskSources,
  attachmentOwners: { visit: visitAttachmentOwner },
  jobs: [
    {
      ...remindJob,
      title: { zh: '提醒首席服务官本季度未走访企业（每日 8:00）', en: 'Remind chief officers of firms not yet visited this quarter (daily 08:00)' },
    },
  ],
  messages: VISIT_MESSAGES,
  demo: async (deps) => {
    await ensureVisitsDemo(deps);
  },
});

// The public API of the visits module.
export { ensureVisitsDemo } from './visits.demo';
/** Coverage per officer and team for a period (assessment may use it). */
export { computeCoverage, coverageSettings, remindUnvisited } from './visits.service';
