import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type Match,
  type NeedListItem,
  type Product,
  type StatsRow,
  banksResponse,
  carryOverResponse,
  closeNeedBody,
  createNeedBody,
  createProductBody,
  financingMeetingSchema,
  financingMeetingsResponse,
  financingStatsQuery,
  financingPanelQuery,
  financingPanelSchema,
  financingStatsResponse,
  idParams,
  matchListQuery,
  matchPage,
  meetingBanksBody,
  meetingNeedParams,
  meetingNeedsBody,
  needBanksBody,
  needListQuery,
  needPage,
  needSchema,
  outcomeBody,
  productListQuery,
  productPage,
  productSchema,
  updateNeedBody,
  updateProductBody,
} from '../../../shared/modules/financing.schemas';
import type { Deps } from '../../core/deps';
import type { ExportColumn } from '../../core/excel/export';
import { exportRoute, listRoutes } from '../../core/http/list-routes';
import { userCtx } from '../../core/http/request-context';
import {
  addMeetingNeeds,
  allMatches,
  allNeeds,
  allProducts,
  carryOver,
  closeNeed,
  createNeed,
  createProduct,
  financingPanel,
  financingStatistics,
  getFinancingMeeting,
  getNeed,
  listBanks,
  listFinancingMeetings,
  listMatches,
  listNeeds,
  listProducts,
  recordOutcome,
  removeMeetingNeed,
  setMeetingBanks,
  setNeedBanks,
  updateNeed,
  updateProduct,
} from './financing.service';

const yuan = (fen: number | null) => (fen === null ? '' : Math.round(fen) / 100);
const pct = (bp: number | null) => (bp === null ? '' : bp / 100);
const TYPE_NAMES = {
  working_capital: ['流动资金贷款', 'Working capital loan'],
  fixed_asset: ['固定资产贷款', 'Fixed-asset loan'],
  tech: ['科技贷', 'Technology loan'],
  tax: ['税易贷', 'Tax-credit loan'],
  receivables: ['应收账款质押', 'Receivables pledge'],
  other: ['其他', 'Other'],
} as const;
const STATUS_NAMES = {
  pending: ['待对接', 'Pending'],
  matching: ['对接中', 'Matching'],
  credited: ['已授信', 'Credit approved'],
  loaned: ['已放款', 'Loan granted'],
  failed: ['未成功', 'Not placed'],
} as const;
const URGENCY_NAMES = { normal: ['一般', 'Normal'], urgent: ['较急', 'Urgent'], critical: ['紧急', 'Critical'] } as const;
const OUTCOME_NAMES = {
  intention: ['有意向', 'Intention'],
  credit: ['已授信', 'Credit approved'],
  loan: ['已放款', 'Loan granted'],
  declined: ['未通过', 'Declined'],
} as const;
const REASON_NAMES = {
  collateral: ['抵押担保不足', 'Insufficient collateral'],
  credit_record: ['信用记录不良', 'Credit record'],
  financials: ['财务状况不符', 'Financials'],
  industry_policy: ['行业政策限制', 'Industry policy'],
  demand_changed: ['企业需求变化', 'Demand changed'],
  other: ['其他', 'Other'],
} as const;

const name = (en: boolean, u: { nameZh: string; nameEn: string }) => (en ? u.nameEn : u.nameZh);
const PRODUCT_COLUMNS = (en: boolean): ExportColumn<Product>[] => {
  const i = en ? 1 : 0;
  return [
    { zh: '编号', en: 'No.', value: (r) => r.id },
    { zh: '银行', en: 'Bank', width: 24, value: (r) => name(en, r.bank) },
    { zh: '产品名称', en: 'Product', width: 24, value: (r) => r.name },
    { zh: '类型', en: 'Type', value: (r) => TYPE_NAMES[r.type][i] },
    { zh: '最低额度（元）', en: 'Min (yuan)', value: (r) => yuan(r.minAmountFen) },
    { zh: '最高额度（元）', en: 'Max (yuan)', value: (r) => yuan(r.maxAmountFen) },
    { zh: '期限（月）', en: 'Term (months)', value: (r) => r.termMonths },
    { zh: '最低利率（%）', en: 'Min rate (%)', value: (r) => pct(r.rateMinBp) },
    { zh: '最高利率（%）', en: 'Max rate (%)', value: (r) => pct(r.rateMaxBp) },
    { zh: '申请条件', en: 'Conditions', width: 36, value: (r) => r.conditions },
    { zh: '联系人', en: 'Contact', width: 20, value: (r) => r.contact },
    { zh: '在售', en: 'Offered', value: (r) => (r.active ? (en ? 'Yes' : '是') : en ? 'No' : '否') },
  ];
};
const NEED_COLUMNS = (en: boolean): ExportColumn<NeedListItem>[] => {
  const i = en ? 1 : 0;
  return [
    { zh: '编号', en: 'No.', value: (r) => r.id },
    { zh: '企业', en: 'Enterprise', width: 30, value: (r) => r.enterprise.name },
    { zh: '所在乡镇', en: 'Township', value: (r) => name(en, r.townshipUnit) },
    { zh: '责任单位', en: 'Responsible unit', value: (r) => name(en, r.ownerUnit) },
    { zh: '需求金额（元）', en: 'Requested (yuan)', value: (r) => yuan(r.amountFen) },
    { zh: '期限（月）', en: 'Term (months)', value: (r) => r.termMonths },
    { zh: '用途', en: 'Purpose', width: 36, value: (r) => r.purpose },
    { zh: '紧急程度', en: 'Urgency', value: (r) => URGENCY_NAMES[r.urgency][i] },
    { zh: '登记日期', en: 'Received', value: (r) => r.receivedDate },
    { zh: '状态', en: 'Status', value: (r) => STATUS_NAMES[r.status][i] },
    { zh: '放款金额（元）', en: 'Granted (yuan)', value: (r) => yuan(r.grantedFen) },
    { zh: '放款日期', en: 'Loan date', value: (r) => r.loanDate ?? '' },
    { zh: '用时（工作日）', en: 'Working days', value: (r) => r.workingDays ?? '' },
  ];
};
const MATCH_COLUMNS = (en: boolean): ExportColumn<Match>[] => {
  const i = en ? 1 : 0;
  return [
    { zh: '编号', en: 'No.', value: (r) => r.id },
    { zh: '需求编号', en: 'Need', value: (r) => r.need.id },
    { zh: '企业', en: 'Enterprise', width: 30, value: (r) => r.need.enterprise.name },
    { zh: '银行', en: 'Bank', width: 24, value: (r) => name(en, r.bank) },
    { zh: '对接会', en: 'Meeting', width: 24, value: (r) => r.meeting?.title ?? '' },
    { zh: '结果', en: 'Outcome', value: (r) => OUTCOME_NAMES[r.outcome][i] },
    { zh: '金额（元）', en: 'Amount (yuan)', value: (r) => yuan(r.amountFen) },
    { zh: '利率（%）', en: 'Rate (%)', value: (r) => pct(r.rateBp) },
    { zh: '放款日期', en: 'Loan date', value: (r) => r.loanDate ?? '' },
    { zh: '未通过原因', en: 'Decline reason', value: (r) => (r.declineReason ? REASON_NAMES[r.declineReason][i] : '') },
    { zh: '说明', en: 'Note', width: 30, value: (r) => r.note },
  ];
};
const STATS_COLUMNS = (en: boolean): ExportColumn<StatsRow>[] => [
  { zh: '对象', en: 'By', width: 30, value: (r) => name(en, r.key) },
  { zh: '受理需求', en: 'Needs received', value: (r) => r.received },
  { zh: '已放款', en: 'Placed', value: (r) => r.placed },
  { zh: '需求金额（元）', en: 'Requested (yuan)', value: (r) => yuan(r.requestedFen) },
  { zh: '放款金额（元）', en: 'Granted (yuan)', value: (r) => yuan(r.grantedFen) },
  { zh: '平均用时（工作日）', en: 'Avg working days', value: (r) => r.avgWorkingDays ?? '' },
  { zh: '未通过', en: 'Declined', value: (r) => r.declined },
];

/** Financing: banks, products, needs, outcomes, matchmaking meetings' lists, statistics. */
export function financingRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['financing'];
  const read = { permission: 'financing:read' } as const;
  const handle = { permission: 'financing:handle' } as const;
  const manage = { permission: 'financing:manage' } as const;
  const bank = { permission: 'financing:bank' } as const;

  r.get('/api/financing/banks', { config: read, schema: { tags, response: { 200: banksResponse } } }, async (req) => ({
    items: await listBanks(deps, userCtx(req)),
  }));

  listRoutes(app, {
    path: '/api/financing/products',
    tags,
    config: read,
    query: productListQuery,
    response: productPage,
    list: (ctx, q) => listProducts(deps, ctx, q),
    exportAll: (ctx, filter) => allProducts(deps, ctx, filter),
    sheet: 'products',
    fileName: { zh: '金融产品.xlsx', en: 'financing-products.xlsx' },
    columns: PRODUCT_COLUMNS,
  });
  r.post('/api/financing/products', { config: bank, schema: { tags, body: createProductBody, response: { 200: productSchema } } }, (req) =>
    createProduct(deps, userCtx(req), req.body),
  );
  r.patch(
    '/api/financing/products/:id',
    { config: bank, schema: { tags, params: idParams, body: updateProductBody, response: { 200: productSchema } } },
    (req) => updateProduct(deps, userCtx(req), req.params.id, req.body),
  );

  listRoutes(app, {
    path: '/api/financing/needs',
    tags,
    config: read,
    query: needListQuery,
    response: needPage,
    list: (ctx, q) => listNeeds(deps, ctx, q),
    exportAll: (ctx, filter) => allNeeds(deps, ctx, filter),
    sheet: 'needs',
    fileName: { zh: '融资需求.xlsx', en: 'financing-needs.xlsx' },
    columns: NEED_COLUMNS,
  });
  // A firm records its own (financing:submit) and staff record one on a firm's behalf (financing:handle): the service tells them apart.
  r.post('/api/financing/needs', { config: read, schema: { tags, body: createNeedBody, response: { 200: needSchema } } }, (req) =>
    createNeed(deps, userCtx(req), req.body),
  );
  r.get('/api/financing/needs/:id', { config: read, schema: { tags, params: idParams, response: { 200: needSchema } } }, (req) =>
    getNeed(deps, userCtx(req), req.params.id),
  );
  // The firm corrects its own need, the responsible unit one it is responsible for: the service decides.
  r.patch('/api/financing/needs/:id', { config: read, schema: { tags, params: idParams, body: updateNeedBody, response: { 200: needSchema } } }, (req) =>
    updateNeed(deps, userCtx(req), req.params.id, req.body),
  );
  // The firm (its own need) or the responsible unit changes the banks it is shared with: the service decides.
  r.put('/api/financing/needs/:id/banks', { config: read, schema: { tags, params: idParams, body: needBanksBody, response: { 200: needSchema } } }, (req) =>
    setNeedBanks(deps, userCtx(req), req.params.id, req.body),
  );
  r.post('/api/financing/needs/:id/close', { config: handle, schema: { tags, params: idParams, body: closeNeedBody, response: { 200: needSchema } } }, (req) =>
    closeNeed(deps, userCtx(req), req.params.id, req.body),
  );
  r.post('/api/financing/needs/:id/outcome', { config: bank, schema: { tags, params: idParams, body: outcomeBody, response: { 200: needSchema } } }, (req) =>
    recordOutcome(deps, userCtx(req), req.params.id, req.body),
  );

  listRoutes(app, {
    path: '/api/financing/matches',
    tags,
    config: read,
    query: matchListQuery,
    response: matchPage,
    list: (ctx, q) => listMatches(deps, ctx, q),
    exportAll: (ctx, filter) => allMatches(deps, ctx, filter),
    sheet: 'matches',
    fileName: { zh: '对接结果.xlsx', en: 'financing-matches.xlsx' },
    columns: MATCH_COLUMNS,
  });
  r.get('/api/financing/meetings', { config: read, schema: { tags, response: { 200: financingMeetingsResponse } } }, async (req) => ({
    items: await listFinancingMeetings(deps, userCtx(req)),
  }));
  r.get('/api/financing/meetings/:id', { config: read, schema: { tags, params: idParams, response: { 200: financingMeetingSchema } } }, (req) =>
    getFinancingMeeting(deps, userCtx(req), req.params.id),
  );
  r.post(
    '/api/financing/meetings/:id/needs',
    { config: manage, schema: { tags, params: idParams, body: meetingNeedsBody, response: { 200: financingMeetingSchema } } },
    (req) => addMeetingNeeds(deps, userCtx(req), req.params.id, req.body.needIds),
  );
  r.delete(
    '/api/financing/meetings/:id/needs/:needId',
    { config: manage, schema: { tags, params: meetingNeedParams, response: { 200: financingMeetingSchema } } },
    (req) => removeMeetingNeed(deps, userCtx(req), req.params.id, req.params.needId),
  );
  r.put(
    '/api/financing/meetings/:id/banks',
    { config: manage, schema: { tags, params: idParams, body: meetingBanksBody, response: { 200: financingMeetingSchema } } },
    (req) => setMeetingBanks(deps, userCtx(req), req.params.id, req.body.bankUnitIds),
  );
  r.post('/api/financing/meetings/:id/carry-over', { config: manage, schema: { tags, params: idParams, response: { 200: carryOverResponse } } }, (req) =>
    carryOver(deps, userCtx(req), req.params.id),
  );

  r.get('/api/financing/stats', { config: read, schema: { tags, querystring: financingStatsQuery, response: { 200: financingStatsResponse } } }, (req) =>
    financingStatistics(deps, userCtx(req), req.query),
  );
  // The cockpit's financing panel (its function `financingPanel` is the module's public API too).
  r.get('/api/financing/panel', { config: read, schema: { tags, querystring: financingPanelQuery, response: { 200: financingPanelSchema } } }, (req) =>
    financingPanel(deps, userCtx(req), req.query.year),
  );
  exportRoute(app, {
    path: '/api/financing/stats/export.xlsx',
    tags,
    config: read,
    query: financingStatsQuery,
    exportAll: async (ctx, filter) => (await financingStatistics(deps, ctx, filter)).items,
    sheet: 'statistics',
    fileName: { zh: '融资对接统计.xlsx', en: 'financing-statistics.xlsx' },
    columns: STATS_COLUMNS,
  });
}
