import { REPORT_PERMISSIONS } from '../../../shared/modules/reports.schemas';
import { defineModule } from '../../core/modules/module';
import { migrations } from './migrations';
import { reportRemindersJob } from './reminders';
import { ensureDemoReportForms, ensureDemoReports } from './reports.demo';
import { reportRoutes } from './reports.routes';
import { reportTaskSources } from './task-sources';

// The public API of the reports module.
export { ensureDemoReportForms } from './reports.demo';
export type { ReportAccepted } from './report-accepted';

/** Township monthly reporting: forms as data, drafts, review, completeness and totals, reminders. */
export const reports = defineModule({
  name: 'reports',
  migrations,
  routes: [reportRoutes],
  permissions: REPORT_PERMISSIONS,
  grants: {
    office: ['report:read', 'report:review', 'report_form:manage'],
    leader: ['report:read'],
    township: ['report:read', 'report:fill'],
  },
  jobs: [{ ...reportRemindersJob, title: { zh: '乡镇月报催报（每日 9:30）', en: 'Remind townships of monthly reports (daily 09:30)' } }],
  taskTypes: ['report_overdue'],
  taskSources: reportTaskSources,
  demo: async (deps) => {
    await ensureDemoReportForms(deps);
    await ensureDemoReports(deps);
  },
});
