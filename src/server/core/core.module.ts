import { CORE_PERMISSIONS } from '../../shared/permissions';
import { coreMigrations } from '../migrations';
import { attachmentRoutes } from './attachments/attachments.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { calendarRoutes } from './calendar/calendar.routes';
import { ensureDemoEnterprises, enterprisesFile } from './enterprises/enterprises.demo';
import { enterpriseRoutes } from './enterprises/enterprises.routes';
import { healthRoutes } from './http/health.routes';
import { defineModule } from './modules/module';
import { webhookDeliveryJob } from './notifications/webhooks.service';
import { notificationRoutes } from './notifications/notifications.routes';
import { unitRoutes } from './org/units.routes';
import { roleRoutes } from './roles/roles.routes';
import { jobRoutes } from './scheduler/jobs.routes';
import { settingsRoutes } from './settings/settings.routes';
import { escalationJob } from './tasks/escalation';
import { taskRoutes } from './tasks/tasks.routes';
import { readDemoFile } from './setup/demo-files';
import { userRoutes } from './users/users.routes';

/** The core as the first entry of the module list: accounts and access, master data and the shared engines. */
export const core = defineModule({
  name: 'core',
  migrations: coreMigrations,
  routes: [
    healthRoutes,
    authRoutes,
    unitRoutes,
    userRoutes,
    roleRoutes,
    settingsRoutes,
    auditRoutes,
    calendarRoutes,
    taskRoutes,
    notificationRoutes,
    jobRoutes,
    attachmentRoutes,
    enterpriseRoutes,
  ],
  permissions: CORE_PERMISSIONS,
  jobs: [
    { ...escalationJob, title: { zh: '督办事项超期升级（每日 8:00）', en: 'Escalate overdue tasks (daily 08:00)' } },
    { ...webhookDeliveryJob, title: { zh: '消息推送发送（每分钟）', en: 'Send webhook messages (every minute)' } },
  ],
  taskTypes: ['adhoc'],
  demo: async (deps) => {
    await ensureDemoEnterprises(deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
  },
});
