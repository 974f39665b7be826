import { FUND_MESSAGES } from '../../../shared/modules/funds.messages';
import { FUND_PERMISSIONS } from '../../../shared/modules/funds.schemas';
import { defineModule } from '../../core/modules/module';
import { ensureFundsDemo } from './funds.demo';
import { applicationAttachmentOwner, fundRoutes, programmeAttachmentOwner } from './funds.routes';
import { ensureLoansDemo } from './loans.demo';
import { loanRoutes } from './loans.routes';
import { loansMissedJob } from './loans.service';
import { migrations } from './migrations';

/**
 * Funds (资金与政策): programmes per fund and year with budgets that can never be overspent, award categories with
 * their amount rules, applications through the township's (or a department's) preliminary review, the office's review
 * and a leader's approval — each a 督办 task — and disbursements up to the approved amount.
 */
export const funds = defineModule({
  name: 'funds',
  migrations,
  routes: [fundRoutes, loanRoutes],
  permissions: FUND_PERMISSIONS,
  grants: {
    office: ['fund:read', 'fund:manage', 'fund:disburse', 'fund:budget', 'fund:loans', 'fund:loan_manage'],
    leader: ['fund:read', 'fund:approve', 'fund:budget', 'fund:loans'],
    department: ['fund:read', 'fund:review'],
    township: ['fund:read', 'fund:review'],
    enterprise: ['fund:read', 'fund:apply', 'fund:loans'],
    bank: ['fund:loans'],
  },
  jobs: [{ ...loansMissedJob, title: { zh: '担保贷款逾期标记（每日 7:00）', en: 'Flag missed guaranteed-loan instalments (daily 07:00)' } }],
  taskTypes: ['fund_review'],
  attachmentOwners: { fund_programme: programmeAttachmentOwner, fund_application: applicationAttachmentOwner },
  messages: FUND_MESSAGES,
  demo: async (deps) => {
    await ensureFundsDemo(deps);
    await ensureLoansDemo(deps);
  },
});

// The public API of the funds module.
export { ensureFundsDemo } from './funds.demo';
export { markMissedInstalments } from './loans.service';
