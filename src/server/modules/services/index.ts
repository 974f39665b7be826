import { SERVICE_MESSAGES } from '../../../shared/modules/services.messages';
import { SERVICE_PERMISSIONS } from '../../../shared/modules/services.schemas';
import { defineModule } from '../../core/modules/module';
import { commitmentsOverdueJob } from './commitments.service';
import { migrations } from './migrations';
import { portalRoutes } from './portal.routes';
import { commitmentAttachmentOwner, requestAttachmentOwner } from './services.attachments';
import { ensureServicesDemo } from './services.demo';
import { serviceRoutes } from './services.routes';
import { serviceTaskSources } from './task-sources';

/**
 * Enterprise services (企业诉求): requests from the portal or entered by staff, owned by the unit that first received
 * them (首接负责制), parts handed to other units as 督办 tasks, replies, ratings that reopen once, per-unit rates, and
 * the enterprise accounts of the portal with self-registration confirmed by the township, corrections of a firm's
 * profile, files on requests and commitments, and requests lifted to a 调度会.
 */
export const services = defineModule({
  name: 'services',
  migrations,
  routes: [serviceRoutes, portalRoutes],
  permissions: SERVICE_PERMISSIONS,
  grants: {
    office: ['service:read', 'service:handle', 'service:manage', 'service:accounts', 'service:commitments'],
    leader: ['service:read'],
    department: ['service:read', 'service:handle'],
    township: ['service:read', 'service:handle', 'service:accounts'],
    service_officer: ['service:read', 'service:handle'],
    enterprise: ['service:read', 'service:submit'],
  },
  taskTypes: ['service_request', 'service_part', 'service_commitment'],
  taskSources: serviceTaskSources,
  attachmentOwners: { service_request: requestAttachmentOwner, service_commitment: commitmentAttachmentOwner },
  jobs: [{ ...commitmentsOverdueJob, title: { zh: '逾期未兑现事项交办督办（每日 7:30）', en: 'Task overdue commitments to firms (daily 07:30)' } }],
  messages: SERVICE_MESSAGES,
  demo: async (deps) => {
    await ensureServicesDemo(deps);
  },
});

// The public API of the services module.
export { ensureServicesDemo } from './services.demo';
/** Per-unit on-time rate, satisfaction rate and average working days for a year or quarter: the figures assessment uses. */
export { unitStatistics } from './services.service';
export { taskOverdueCommitments } from './commitments.service';
/** A request received by staff (channel visit, hotline or meeting) inside another module's transaction; and request statuses. */
export { createReceivedRequest, requestStatuses, type ReceivedRequestInput } from './requests.api';
