import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type ApplicationListItem,
  type BudgetRow,
  applicationListQuery,
  applicationPage,
  applicationSchema,
  budgetQuery,
  budgetResponse,
  confirmAwardsResponse,
  previewBody,
  createPolicyBody,
  matchesResponse,
  myPoliciesResponse,
  policyListQuery,
  policyPage,
  policySchema,
  updatePolicyBody,
  createApplicationBody,
  createProgrammeBody,
  disbursementBody,
  idParams,
  programmeListQuery,
  programmePage,
  programmeSchema,
  rejectBody,
  resubmitBody,
  reviewBody,
  updateProgrammeBody,
} from '../../../shared/modules/funds.schemas';
import { scopeFor } from '../../core/access/access';
import type { AttachmentOwner } from '../../core/attachments/owners';
import type { Deps } from '../../core/deps';
import type { ExportColumn } from '../../core/excel/export';
import { exportRoute, listRoutes } from '../../core/http/list-routes';
import { userCtx } from '../../core/http/request-context';
import { fundsRepository } from './funds.repository';
import { confirmAwards, createPolicy, getPolicy, listPolicies, myPolicies, policyMatches, previewEligibility, updatePolicy } from './policies.service';
import {
  allApplications,
  budgetOverview,
  createApplication,
  createProgramme,
  disburse,
  getApplication,
  getProgramme,
  listApplications,
  listProgrammes,
  rejectApplication,
  resubmitApplication,
  reviewApplication,
  updateProgramme,
} from './funds.service';

const STATUS_NAMES = {
  preliminary: ['待初审', 'Preliminary review'],
  office: ['待办公室审核', 'Office review'],
  leader: ['待领导审批', 'Leader approval'],
  returned: ['已退回', 'Returned'],
  approved: ['已核定待拨付', 'Approved, to be paid'],
  paid: ['已拨付', 'Paid'],
  rejected: ['未通过', 'Rejected'],
} as const;
const FUND_NAMES = { industry: ['工业发展资金', 'Industrial development fund'], innovation: ['科技创新资金', 'Sci-tech innovation fund'] } as const;
const yuan = (fen: number) => Math.round(fen) / 100;

const APPLICATION_COLUMNS = (en: boolean): ExportColumn<ApplicationListItem>[] => {
  const i = en ? 1 : 0;
  return [
    { zh: '编号', en: 'No.', value: (r) => r.id },
    { zh: '资金项目', en: 'Programme', width: 28, value: (r) => `${r.programme.year} ${r.programme.name}` },
    { zh: '奖励类别', en: 'Category', width: 20, value: (r) => r.category.name },
    { zh: '企业', en: 'Enterprise', width: 30, value: (r) => r.enterprise.name },
    { zh: '申请事项', en: 'Application', width: 36, value: (r) => r.title },
    { zh: '所在乡镇', en: 'Township', value: (r) => (en ? r.townshipUnit.nameEn : r.townshipUnit.nameZh) },
    { zh: '申请金额（元）', en: 'Requested (yuan)', value: (r) => yuan(r.requestedFen) },
    { zh: '核定金额（元）', en: 'Approved (yuan)', value: (r) => (r.approvedFen === null ? '' : yuan(r.approvedFen)) },
    { zh: '已拨付（元）', en: 'Paid (yuan)', value: (r) => yuan(r.disbursedFen) },
    { zh: '状态', en: 'Status', value: (r) => STATUS_NAMES[r.status][i] },
    { zh: '申请日期', en: 'Submitted', value: (r) => r.submittedDate },
    { zh: '本环节时限', en: 'Step due', value: (r) => r.dueDate ?? '' },
  ];
};
const BUDGET_COLUMNS = (en: boolean): ExportColumn<BudgetRow>[] => {
  const i = en ? 1 : 0;
  return [
    { zh: '年度', en: 'Year', value: (r) => r.programme.year },
    { zh: '资金', en: 'Fund', width: 20, value: (r) => FUND_NAMES[r.programme.fund][i] },
    { zh: '资金项目', en: 'Programme', width: 30, value: (r) => r.programme.name },
    { zh: '预算（元）', en: 'Budget (yuan)', value: (r) => yuan(r.budgetFen) },
    { zh: '已核定（元）', en: 'Approved (yuan)', value: (r) => yuan(r.approvedFen) },
    { zh: '已拨付（元）', en: 'Disbursed (yuan)', value: (r) => yuan(r.disbursedFen) },
    { zh: '剩余可核定（元）', en: 'Remaining (yuan)', value: (r) => yuan(r.remainingFen) },
    { zh: '申请数', en: 'Applications', value: (r) => r.applications },
    { zh: '审核中', en: 'In review', value: (r) => r.pending },
  ];
};

/** The basis document of a programme: every fund reader may read it, the office files it. */
export const programmeAttachmentOwner: AttachmentOwner = {
  canRead: async (trx, ctx, ownerId) =>
    /^\d+$/.test(ownerId) && ctx.user.permissions.has('fund:read') && !!(await fundsRepository.programme(trx, Number(ownerId))),
  canWrite: async (trx, ctx, ownerId) =>
    /^\d+$/.test(ownerId) && ctx.user.permissions.has('fund:manage') && !!(await fundsRepository.programme(trx, Number(ownerId))),
};

/** The materials of an application: whoever sees it reads them; the firm adds them while its application is open. */
export const applicationAttachmentOwner: AttachmentOwner = {
  canRead: async (trx, ctx, ownerId) =>
    /^\d+$/.test(ownerId) &&
    ctx.user.permissions.has('fund:read') &&
    !!(await fundsRepository.findApplication(trx, Number(ownerId), await scopeFor(trx, ctx.user, 'fund:read'))),
  canWrite: async (trx, ctx, ownerId) => {
    if (!/^\d+$/.test(ownerId) || !ctx.user.permissions.has('fund:read')) return false;
    const row = await fundsRepository.findApplication(trx, Number(ownerId), await scopeFor(trx, ctx.user, 'fund:read'));
    if (!row || !['preliminary', 'returned'].includes(row.status)) return false;
    return ctx.user.permissions.has('fund:manage') || (ctx.user.permissions.has('fund:apply') && ctx.user.enterpriseId === row.enterpriseId);
  },
};

/** Funds: programmes, applications through three review steps, disbursements, the budget. */
export function fundRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['funds'];
  const read = { permission: 'fund:read' } as const;
  const manage = { permission: 'fund:manage' } as const;

  r.get('/api/funds/programmes', { config: read, schema: { tags, querystring: programmeListQuery, response: { 200: programmePage } } }, (req) =>
    listProgrammes(deps, userCtx(req), req.query),
  );
  r.post('/api/funds/programmes', { config: manage, schema: { tags, body: createProgrammeBody, response: { 200: programmeSchema } } }, (req) =>
    createProgramme(deps, userCtx(req), req.body),
  );
  r.get('/api/funds/programmes/:id', { config: read, schema: { tags, params: idParams, response: { 200: programmeSchema } } }, (req) =>
    getProgramme(deps, userCtx(req), req.params.id),
  );
  r.patch(
    '/api/funds/programmes/:id',
    { config: manage, schema: { tags, params: idParams, body: updateProgrammeBody, response: { 200: programmeSchema } } },
    (req) => updateProgramme(deps, userCtx(req), req.params.id, req.body),
  );

  listRoutes(app, {
    path: '/api/funds/applications',
    tags,
    config: read,
    query: applicationListQuery,
    response: applicationPage,
    list: (ctx, q) => listApplications(deps, ctx, q),
    exportAll: (ctx, filter) => allApplications(deps, ctx, filter),
    sheet: 'applications',
    fileName: { zh: '资金申请.xlsx', en: 'fund-applications.xlsx' },
    columns: APPLICATION_COLUMNS,
  });
  // A firm applies (fund:apply) and the office enters on its behalf (fund:manage): the service tells them apart.
  r.post('/api/funds/applications', { config: read, schema: { tags, body: createApplicationBody, response: { 200: applicationSchema } } }, (req) =>
    createApplication(deps, userCtx(req), req.body),
  );
  r.get('/api/funds/applications/:id', { config: read, schema: { tags, params: idParams, response: { 200: applicationSchema } } }, (req) =>
    getApplication(deps, userCtx(req), req.params.id),
  );
  r.post(
    '/api/funds/applications/:id/preliminary',
    { config: { permission: 'fund:review' }, schema: { tags, params: idParams, body: reviewBody, response: { 200: applicationSchema } } },
    (req) => reviewApplication(deps, userCtx(req), req.params.id, 'preliminary', req.body),
  );
  r.post(
    '/api/funds/applications/:id/office-review',
    { config: manage, schema: { tags, params: idParams, body: reviewBody, response: { 200: applicationSchema } } },
    (req) => reviewApplication(deps, userCtx(req), req.params.id, 'office', req.body),
  );
  r.post(
    '/api/funds/applications/:id/approval',
    { config: { permission: 'fund:approve' }, schema: { tags, params: idParams, body: reviewBody, response: { 200: applicationSchema } } },
    (req) => reviewApplication(deps, userCtx(req), req.params.id, 'leader', req.body),
  );
  // The reviewer of the step the application waits at (the service checks which step and unit).
  r.post(
    '/api/funds/applications/:id/reject',
    { config: read, schema: { tags, params: idParams, body: rejectBody, response: { 200: applicationSchema } } },
    (req) => rejectApplication(deps, userCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/funds/applications/:id/resubmit',
    { config: read, schema: { tags, params: idParams, body: resubmitBody, response: { 200: applicationSchema } } },
    (req) => resubmitApplication(deps, userCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/funds/applications/:id/disbursements',
    { config: { permission: 'fund:disburse' }, schema: { tags, params: idParams, body: disbursementBody, response: { 200: applicationSchema } } },
    (req) => disburse(deps, userCtx(req), req.params.id, req.body),
  );

  r.get('/api/funds/policies', { config: manage, schema: { tags, querystring: policyListQuery, response: { 200: policyPage } } }, (req) =>
    listPolicies(deps, userCtx(req), req.query),
  );
  r.post('/api/funds/policies', { config: manage, schema: { tags, body: createPolicyBody, response: { 200: policySchema } } }, (req) =>
    createPolicy(deps, userCtx(req), req.body),
  );
  r.post('/api/funds/policies/preview', { config: manage, schema: { tags, body: previewBody, response: { 200: matchesResponse } } }, (req) =>
    previewEligibility(deps, userCtx(req), req.body.eligibility, req.body.categoryId),
  );
  r.get('/api/funds/policies/mine', { config: { permission: 'fund:apply' }, schema: { tags, response: { 200: myPoliciesResponse } } }, (req) =>
    myPolicies(deps, userCtx(req)),
  );
  r.get('/api/funds/policies/:id', { config: manage, schema: { tags, params: idParams, response: { 200: policySchema } } }, (req) =>
    getPolicy(deps, userCtx(req), req.params.id),
  );
  r.patch('/api/funds/policies/:id', { config: manage, schema: { tags, params: idParams, body: updatePolicyBody, response: { 200: policySchema } } }, (req) =>
    updatePolicy(deps, userCtx(req), req.params.id, req.body),
  );
  r.get('/api/funds/policies/:id/matches', { config: manage, schema: { tags, params: idParams, response: { 200: matchesResponse } } }, (req) =>
    policyMatches(deps, userCtx(req), req.params.id),
  );
  r.post('/api/funds/policies/:id/awards', { config: manage, schema: { tags, params: idParams, response: { 200: confirmAwardsResponse } } }, (req) =>
    confirmAwards(deps, userCtx(req), req.params.id),
  );

  r.get('/api/funds/budget', { config: { permission: 'fund:budget' }, schema: { tags, querystring: budgetQuery, response: { 200: budgetResponse } } }, (req) =>
    budgetOverview(deps, userCtx(req), req.query.year),
  );
  exportRoute(app, {
    path: '/api/funds/budget/export.xlsx',
    tags,
    config: { permission: 'fund:budget' },
    query: budgetQuery,
    exportAll: async (ctx, filter) => (await budgetOverview(deps, ctx, filter.year)).items,
    sheet: 'budget',
    fileName: { zh: '资金预算执行.xlsx', en: 'fund-budget.xlsx' },
    columns: BUDGET_COLUMNS,
  });
}
