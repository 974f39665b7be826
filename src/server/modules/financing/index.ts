import { FINANCING_MESSAGES } from '../../../shared/modules/financing.messages';
import { FINANCING_PERMISSIONS } from '../../../shared/modules/financing.schemas';
import { defineModule } from '../../core/modules/module';
import { ensureFinancingDemo } from './financing.demo';
import { financingRoutes } from './financing.routes';
import { carryOverJob, needAttachmentOwner } from './financing.service';
import { migrations } from './migrations';

/**
 * Financing (融资对接): banks and their products, firms' financing needs shared with chosen banks (a 督办 task for the
 * responsible unit until placed or closed), the 政银企对接会 every two months (meetings of kind matchmaking, scheduled by
 * the meetings module) with their lists, matches to loans, statistics, and the bank portal.
 */
export const financing = defineModule({
  name: 'financing',
  migrations,
  routes: [financingRoutes],
  permissions: FINANCING_PERMISSIONS,
  grants: {
    office: ['financing:read', 'financing:handle', 'financing:manage'],
    leader: ['financing:read'],
    township: ['financing:read', 'financing:handle'],
    service_officer: ['financing:read', 'financing:handle'],
    enterprise: ['financing:read', 'financing:submit'],
    bank: ['financing:read', 'financing:bank'],
  },
  taskTypes: ['financing_need'],
  attachmentOwners: { financing_need: needAttachmentOwner },
  jobs: [
    {
      ...carryOverJob,
      title: {
        zh: '未解决融资需求结转至下次政银企对接会（每日 8:30）',
        en: 'Carry unresolved financing needs to the coming matchmaking meeting (daily 08:30)',
      },
    },
  ],
  messages: FINANCING_MESSAGES,
  demo: async (deps) => {
    await ensureFinancingDemo(deps);
  },
});

// The public API of the financing module.
export { ensureFinancingDemo, DEMO_BANKS } from './financing.demo';
export { carryOverToComingMeetings, financingPanel, financingStatistics } from './financing.service';
export type { FinancingPanel } from '../../../shared/modules/financing.schemas';
