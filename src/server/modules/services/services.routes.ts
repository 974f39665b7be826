import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type RequestListItem,
  accountListQuery,
  accountPage,
  categoriesResponse,
  categoryIdParams,
  categorySchema,
  commitmentIdParams,
  commitmentListQuery,
  commitmentPage,
  commitmentSchema,
  commitmentSummary,
  createCommitmentBody,
  paymentBody,
  type Commitment,
  handoverUnitsResponse,
  createAccountBody,
  createCategoryBody,
  createRequestBody,
  createdAccount,
  partParams,
  rateBody,
  requestIdParams,
  requestListQuery,
  requestPage,
  requestSchema,
  statsQuery,
  statsResponse,
  textBody,
  transferBody,
  updateCategoryBody,
} from '../../../shared/modules/services.schemas';
import type { Deps } from '../../core/deps';
import type { ExportColumn } from '../../core/excel/export';
import { listRoutes } from '../../core/http/list-routes';
import { userCtx } from '../../core/http/request-context';
import { allCommitments, commitmentSummary as summary, createCommitment, getCommitment, listCommitments, recordPayment } from './commitments.service';
import {
  addNote,
  allRequests,
  commentOnRequest,
  createCategory,
  createFirmAccount,
  createRequest,
  getRequest,
  handoverUnits,
  listCategories,
  listFirmAccounts,
  listRequests,
  rateRequest,
  replyAndClose,
  replyPart,
  transferPart,
  unitStatistics,
  updateCategory,
} from './services.service';

const CHANNEL_NAMES = { portal: ['企业端', 'Portal'], visit: ['走访', 'Visit'], hotline: ['热线', 'Hotline'], meeting: ['会议', 'Meeting'] } as const;
const STATUS_NAMES = { open: ['办理中', 'Open'], closed: ['已办结待评价', 'Closed, awaiting rating'], confirmed: ['已确认办结', 'Confirmed'] } as const;
const RATING_NAMES = { satisfied: ['满意', 'Satisfied'], basic: ['基本满意', 'Basically satisfied'], unsatisfied: ['不满意', 'Unsatisfied'] } as const;

const EXPORT_COLUMNS = (en: boolean): ExportColumn<RequestListItem>[] => {
  const i = en ? 1 : 0;
  const unit = (u: { nameZh: string; nameEn: string }) => (en ? u.nameEn : u.nameZh);
  return [
    { zh: '编号', en: 'No.', value: (r) => r.id },
    { zh: '企业', en: 'Enterprise', width: 30, value: (r) => r.enterprise.name },
    { zh: '诉求事项', en: 'Request', width: 36, value: (r) => r.title },
    { zh: '类别', en: 'Category', value: (r) => (en ? r.category.nameEn : r.category.nameZh) },
    { zh: '渠道', en: 'Channel', value: (r) => CHANNEL_NAMES[r.channel][i] },
    { zh: '首接单位', en: 'Owner unit', width: 20, value: (r) => unit(r.ownerUnit) },
    { zh: '所在乡镇', en: 'Township', value: (r) => unit(r.townshipUnit) },
    { zh: '受理日期', en: 'Received', value: (r) => r.receivedDate },
    { zh: '办结时限', en: 'Due', value: (r) => r.dueDate },
    { zh: '状态', en: 'Status', value: (r) => STATUS_NAMES[r.status][i] },
    { zh: '逾期', en: 'Overdue', value: (r) => (r.overdue ? (en ? 'Yes' : '是') : '') },
    { zh: '办结日期', en: 'Closed', value: (r) => r.closedDate ?? '' },
    { zh: '按时办结', en: 'On time', value: (r) => (r.onTime === null ? '' : r.onTime ? (en ? 'Yes' : '是') : en ? 'No' : '否') },
    { zh: '评价', en: 'Rating', value: (r) => (r.rating ? RATING_NAMES[r.rating][i] : '') },
    { zh: '重办次数', en: 'Reopened', value: (r) => r.reopenCount },
  ];
};

const KIND_NAMES = { policy: ['政策兑现', 'Policy promise'], arrears: ['欠款', 'Arrears'] } as const;
const AGE_NAMES = {
  not_due: ['未到期', 'Not due'],
  d0_30: ['0–30 天', '0–30 days'],
  d31_90: ['31–90 天', '31–90 days'],
  d91_180: ['91–180 天', '91–180 days'],
  d181_plus: ['180 天以上', 'Over 180 days'],
} as const;
const yuan = (fen: number) => Math.round(fen) / 100;
const COMMITMENT_COLUMNS = (en: boolean): ExportColumn<Commitment>[] => {
  const i = en ? 1 : 0;
  return [
    { zh: '编号', en: 'No.', value: (r) => r.id },
    { zh: '企业', en: 'Enterprise', width: 30, value: (r) => r.enterprise.name },
    { zh: '类型', en: 'Kind', value: (r) => KIND_NAMES[r.kind][i] },
    { zh: '事项', en: 'Item', width: 36, value: (r) => r.title },
    { zh: '依据', en: 'Basis', width: 30, value: (r) => r.basis },
    { zh: '责任单位', en: 'Responsible unit', width: 20, value: (r) => (en ? r.responsibleUnit.nameEn : r.responsibleUnit.nameZh) },
    { zh: '应付（元）', en: 'Due (yuan)', value: (r) => yuan(r.amountDueFen) },
    { zh: '已付（元）', en: 'Paid (yuan)', value: (r) => yuan(r.paidFen) },
    { zh: '尚欠（元）', en: 'Outstanding (yuan)', value: (r) => yuan(r.outstandingFen) },
    { zh: '到期日', en: 'Due date', value: (r) => r.dueDate },
    { zh: '账龄', en: 'Age', value: (r) => (r.age ? AGE_NAMES[r.age][i] : '') },
    { zh: '兑现日期', en: 'Settled', value: (r) => r.settledDate ?? '' },
  ];
};

/** Enterprise services: categories, requests (submit, receive, notes, parts, replies, ratings), statistics, firm accounts. */
export function serviceRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['services'];
  const read = { permission: 'service:read' } as const;
  const handle = { permission: 'service:handle' } as const;
  const submit = { permission: 'service:submit' } as const;
  const manage = { permission: 'service:manage' } as const;
  const accounts = { permission: 'service:accounts' } as const;
  const commitments = { permission: 'service:commitments' } as const;

  r.get('/api/services/categories', { config: read, schema: { tags, response: { 200: categoriesResponse } } }, async (req) => ({
    items: await listCategories(deps, userCtx(req)),
  }));
  r.post('/api/services/categories', { config: manage, schema: { tags, body: createCategoryBody, response: { 200: categorySchema } } }, (req) =>
    createCategory(deps, userCtx(req), req.body),
  );
  r.patch(
    '/api/services/categories/:id',
    { config: manage, schema: { tags, params: categoryIdParams, body: updateCategoryBody, response: { 200: categorySchema } } },
    (req) => updateCategory(deps, userCtx(req), req.params.id, req.body),
  );

  listRoutes(app, {
    path: '/api/services/requests',
    tags,
    config: read,
    query: requestListQuery,
    response: requestPage,
    list: (ctx, q) => listRequests(deps, ctx, q),
    exportAll: (ctx, filter) => allRequests(deps, ctx, filter),
    sheet: 'requests',
    fileName: { zh: '企业诉求.xlsx', en: 'service-requests.xlsx' },
    columns: EXPORT_COLUMNS,
  });
  // A firm submits (service:submit) and staff enter on its behalf (service:handle): the service tells them apart.
  r.post('/api/services/requests', { config: read, schema: { tags, body: createRequestBody, response: { 200: requestSchema } } }, (req) =>
    createRequest(deps, userCtx(req), req.body),
  );
  r.get('/api/services/requests/:id', { config: read, schema: { tags, params: requestIdParams, response: { 200: requestSchema } } }, (req) =>
    getRequest(deps, userCtx(req), req.params.id),
  );
  r.post(
    '/api/services/requests/:id/notes',
    { config: handle, schema: { tags, params: requestIdParams, body: textBody, response: { 200: requestSchema } } },
    (req) => addNote(deps, userCtx(req), req.params.id, req.body.text),
  );
  r.post(
    '/api/services/requests/:id/parts',
    { config: handle, schema: { tags, params: requestIdParams, body: transferBody, response: { 200: requestSchema } } },
    (req) => transferPart(deps, userCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/services/requests/:id/parts/:partId/reply',
    { config: handle, schema: { tags, params: partParams, body: textBody, response: { 200: requestSchema } } },
    (req) => replyPart(deps, userCtx(req), req.params.id, req.params.partId, req.body.text),
  );
  r.post(
    '/api/services/requests/:id/reply',
    { config: handle, schema: { tags, params: requestIdParams, body: textBody, response: { 200: requestSchema } } },
    (req) => replyAndClose(deps, userCtx(req), req.params.id, req.body.text),
  );
  r.post(
    '/api/services/requests/:id/rating',
    { config: submit, schema: { tags, params: requestIdParams, body: rateBody, response: { 200: requestSchema } } },
    (req) => rateRequest(deps, userCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/services/requests/:id/comments',
    { config: submit, schema: { tags, params: requestIdParams, body: textBody, response: { 200: requestSchema } } },
    (req) => commentOnRequest(deps, userCtx(req), req.params.id, req.body.text),
  );

  r.get('/api/services/handover-units', { config: handle, schema: { tags, response: { 200: handoverUnitsResponse } } }, async (req) => ({
    items: await handoverUnits(deps, userCtx(req)),
  }));
  r.get('/api/services/stats', { config: read, schema: { tags, querystring: statsQuery, response: { 200: statsResponse } } }, (req) =>
    unitStatistics(deps, userCtx(req), req.query),
  );

  listRoutes(app, {
    path: '/api/services/commitments',
    tags,
    config: read,
    query: commitmentListQuery,
    response: commitmentPage,
    list: (ctx, q) => listCommitments(deps, ctx, q),
    exportAll: (ctx, filter) => allCommitments(deps, ctx, filter),
    sheet: 'commitments',
    fileName: { zh: '政策兑现与欠款台账.xlsx', en: 'commitments.xlsx' },
    columns: COMMITMENT_COLUMNS,
  });
  r.get('/api/services/commitments/summary', { config: read, schema: { tags, response: { 200: commitmentSummary } } }, (req) => summary(deps, userCtx(req)));
  r.post('/api/services/commitments', { config: commitments, schema: { tags, body: createCommitmentBody, response: { 200: commitmentSchema } } }, (req) =>
    createCommitment(deps, userCtx(req), req.body),
  );
  r.get('/api/services/commitments/:id', { config: read, schema: { tags, params: commitmentIdParams, response: { 200: commitmentSchema } } }, (req) =>
    getCommitment(deps, userCtx(req), req.params.id),
  );
  r.post(
    '/api/services/commitments/:id/payments',
    { config: handle, schema: { tags, params: commitmentIdParams, body: paymentBody, response: { 200: commitmentSchema } } },
    (req) => recordPayment(deps, userCtx(req), req.params.id, req.body),
  );

  r.get('/api/services/accounts', { config: accounts, schema: { tags, querystring: accountListQuery, response: { 200: accountPage } } }, (req) =>
    listFirmAccounts(deps, userCtx(req), req.query),
  );
  r.post('/api/services/accounts', { config: accounts, schema: { tags, body: createAccountBody, response: { 200: createdAccount } } }, (req) =>
    createFirmAccount(deps, userCtx(req), req.body),
  );
}
