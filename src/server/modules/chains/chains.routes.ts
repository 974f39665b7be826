import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type ChainListItem,
  type LeadListItem,
  attractionSettingsSchema,
  chainGraph as chainGraphSchema,
  chainIdParams,
  chainListQuery,
  chainOptions as chainOptionsSchema,
  chainPage,
  chainSchema,
  convertLeadBody,
  createChainBody,
  createLeadBody,
  leadIdParams,
  leadListQuery,
  leadPage,
  leadSchema,
  linkBody,
  linkParams,
  memberBody,
  nextStepBody,
  scoreboardQuery,
  scoreboardResponse,
  segmentBody,
  segmentParams,
  stageBody,
  updateChainBody,
  updateLeadBody,
} from '../../../shared/modules/chains.schemas';
import type { Deps } from '../../core/deps';
import type { ExportColumn } from '../../core/excel/export';
import { listRoutes } from '../../core/http/list-routes';
import { userCtx } from '../../core/http/request-context';
import {
  addLink,
  addSegment,
  allChains,
  allLeads,
  attractionSettings,
  chainGraph,
  chainOptions,
  convertLead,
  createChain,
  createLead,
  deleteLink,
  deleteSegment,
  getChain,
  getLead,
  listChains,
  listLeads,
  moveStage,
  replaceSegment,
  scoreboard,
  setMembers,
  setNextStep,
  updateAttractionSettings,
  updateChain,
  updateLead,
} from './chains.service';

/** 线索 … 投产 and the sources, in both languages, for exports. */
export const STAGE_NAMES = {
  lead: ['线索', 'Lead'],
  contact: ['接洽', 'Contact'],
  inspection: ['考察', 'Site visit'],
  negotiation: ['洽谈', 'Negotiation'],
  signed: ['签约', 'Signed'],
  started: ['开工', 'Started'],
  producing: ['投产', 'In production'],
} as const;
const SOURCE_NAMES = {
  visit: ['上门招商', 'Canvassing visit'],
  referral: ['以商招商', 'Referral by investors'],
  agency: ['中介招商', 'Agency'],
  expo: ['展会推介', 'Trade fair'],
  enterprise: ['企业增资', 'Existing firm expanding'],
  online: ['网络招商', 'Online'],
  other: ['其他', 'Other'],
} as const;
const wan = (fen: number | null) => (fen === null ? '' : Math.round(fen / 100) / 10_000);

const CHAIN_COLUMNS = (en: boolean): ExportColumn<ChainListItem>[] => [
  { zh: '编号', en: 'Code', value: (r) => r.code },
  { zh: '产业链', en: 'Chain', width: 24, value: (r) => (en ? r.nameEn : r.nameZh) },
  { zh: '链长', en: 'Chain leader', value: (r) => r.leader?.displayName ?? '' },
  { zh: '服务专班', en: 'Service team', width: 28, value: (r) => (en ? r.teamUnit.nameEn : r.teamUnit.nameZh) },
  { zh: '产业服务组', en: 'Industry group', width: 28, value: (r) => (r.groupUnit ? (en ? r.groupUnit.nameEn : r.groupUnit.nameZh) : '') },
  { zh: '环节数', en: 'Segments', value: (r) => r.segmentCount },
  { zh: '短板环节', en: 'Weak segments', value: (r) => r.weakCount },
  { zh: '链上企业', en: 'Firms', value: (r) => r.firmCount },
  { zh: '专班成员', en: 'Team members', value: (r) => r.memberCount },
];

const LEAD_COLUMNS = (en: boolean): ExportColumn<LeadListItem>[] => {
  const i = en ? 1 : 0;
  return [
    { zh: '项目名称', en: 'Project', width: 32, value: (r) => r.name },
    { zh: '投资方', en: 'Investor', width: 28, value: (r) => r.investor },
    { zh: '来源', en: 'Source', value: (r) => SOURCE_NAMES[r.source][i] },
    { zh: '行业代码', en: 'Industry', value: (r) => r.industryCode },
    { zh: '产业链', en: 'Chain', width: 20, value: (r) => (en ? r.chain.nameEn : r.chain.nameZh) },
    { zh: '责任专班', en: 'Team', width: 28, value: (r) => (en ? r.teamUnit.nameEn : r.teamUnit.nameZh) },
    { zh: '计划投资（万元）', en: 'Planned (10k yuan)', value: (r) => wan(r.plannedInvestmentFen) },
    { zh: '签约投资（万元）', en: 'Contract (10k yuan)', value: (r) => wan(r.contractInvestmentFen) },
    { zh: '阶段', en: 'Stage', value: (r) => STAGE_NAMES[r.stage][i] },
    { zh: '签约日期', en: 'Signed on', value: (r) => r.signedDate ?? '' },
    { zh: '下一步', en: 'Next step', width: 28, value: (r) => r.nextStep },
    { zh: '下一步日期', en: 'Next step by', value: (r) => r.nextStepDate ?? '' },
    { zh: '停滞', en: 'Stalled', value: (r) => (r.stalled ? (en ? 'Yes' : '是') : '') },
    { zh: '最近更新', en: 'Last update', value: (r) => r.updatedAt.slice(0, 10) },
  ];
};

/** Chains (segments, firms, links, team) and the investment-attraction leads with their scoreboard. */
export function chainRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['chains'];
  // Who sees which chains (a team its own, `chain:directory` all) is the service's scope.
  const read = { permission: 'chain:read' } as const;
  const manage = { permission: 'chain:manage' } as const;
  const leadRead = { permission: 'lead:read' } as const;
  const leadWrite = { permission: 'lead:write' } as const;

  listRoutes(app, {
    path: '/api/chains',
    tags,
    config: read,
    query: chainListQuery,
    response: chainPage,
    list: (ctx, q) => listChains(deps, ctx, q),
    exportAll: (ctx, filter) => allChains(deps, ctx, filter),
    sheet: 'chains',
    fileName: { zh: '产业链.xlsx', en: 'chains.xlsx' },
    columns: CHAIN_COLUMNS,
  });
  r.get('/api/chains/graph', { config: read, schema: { tags, response: { 200: chainGraphSchema } } }, (req) => chainGraph(deps, userCtx(req)));
  r.get('/api/chains/options', { config: read, schema: { tags, response: { 200: chainOptionsSchema } } }, (req) => chainOptions(deps, userCtx(req)));
  r.get('/api/chains/settings', { config: leadRead, schema: { tags, response: { 200: attractionSettingsSchema } } }, () => attractionSettings(deps.db));
  r.put('/api/chains/settings', { config: manage, schema: { tags, body: attractionSettingsSchema, response: { 200: attractionSettingsSchema } } }, (req) =>
    updateAttractionSettings(deps, userCtx(req), req.body),
  );
  r.post('/api/chains', { config: manage, schema: { tags, body: createChainBody, response: { 200: chainSchema } } }, (req) =>
    createChain(deps, userCtx(req), req.body),
  );
  r.get('/api/chains/:id', { config: read, schema: { tags, params: chainIdParams, response: { 200: chainSchema } } }, (req) =>
    getChain(deps, userCtx(req), req.params.id),
  );
  r.patch('/api/chains/:id', { config: manage, schema: { tags, params: chainIdParams, body: updateChainBody, response: { 200: chainSchema } } }, (req) =>
    updateChain(deps, userCtx(req), req.params.id, req.body),
  );
  r.put('/api/chains/:id/members', { config: manage, schema: { tags, params: chainIdParams, body: memberBody, response: { 200: chainSchema } } }, (req) =>
    setMembers(deps, userCtx(req), req.params.id, req.body),
  );
  r.post('/api/chains/:id/segments', { config: manage, schema: { tags, params: chainIdParams, body: segmentBody, response: { 200: chainSchema } } }, (req) =>
    addSegment(deps, userCtx(req), req.params.id, req.body),
  );
  r.put(
    '/api/chains/:id/segments/:segmentId',
    { config: manage, schema: { tags, params: segmentParams, body: segmentBody, response: { 200: chainSchema } } },
    (req) => replaceSegment(deps, userCtx(req), req.params.id, req.params.segmentId, req.body),
  );
  r.delete('/api/chains/:id/segments/:segmentId', { config: manage, schema: { tags, params: segmentParams, response: { 200: chainSchema } } }, (req) =>
    deleteSegment(deps, userCtx(req), req.params.id, req.params.segmentId),
  );
  r.post('/api/chains/:id/links', { config: manage, schema: { tags, params: chainIdParams, body: linkBody, response: { 200: chainSchema } } }, (req) =>
    addLink(deps, userCtx(req), req.params.id, req.body),
  );
  r.delete('/api/chains/:id/links/:linkId', { config: manage, schema: { tags, params: linkParams, response: { 200: chainSchema } } }, (req) =>
    deleteLink(deps, userCtx(req), req.params.id, req.params.linkId),
  );

  listRoutes(app, {
    path: '/api/leads',
    tags,
    config: leadRead,
    query: leadListQuery,
    response: leadPage,
    list: (ctx, q) => listLeads(deps, ctx, q),
    exportAll: (ctx, filter) => allLeads(deps, ctx, filter),
    sheet: 'leads',
    fileName: { zh: '招商线索.xlsx', en: 'investment-leads.xlsx' },
    columns: LEAD_COLUMNS,
  });
  r.get('/api/leads/scoreboard', { config: leadRead, schema: { tags, querystring: scoreboardQuery, response: { 200: scoreboardResponse } } }, (req) =>
    scoreboard(deps, userCtx(req), req.query.year),
  );
  r.post('/api/leads', { config: leadWrite, schema: { tags, body: createLeadBody, response: { 200: leadSchema } } }, (req) =>
    createLead(deps, userCtx(req), req.body),
  );
  r.get('/api/leads/:id', { config: leadRead, schema: { tags, params: leadIdParams, response: { 200: leadSchema } } }, (req) =>
    getLead(deps, userCtx(req), req.params.id),
  );
  r.patch('/api/leads/:id', { config: leadWrite, schema: { tags, params: leadIdParams, body: updateLeadBody, response: { 200: leadSchema } } }, (req) =>
    updateLead(deps, userCtx(req), req.params.id, req.body),
  );
  r.post('/api/leads/:id/stage', { config: leadWrite, schema: { tags, params: leadIdParams, body: stageBody, response: { 200: leadSchema } } }, (req) =>
    moveStage(deps, userCtx(req), req.params.id, req.body),
  );
  r.post('/api/leads/:id/next-step', { config: leadWrite, schema: { tags, params: leadIdParams, body: nextStepBody, response: { 200: leadSchema } } }, (req) =>
    setNextStep(deps, userCtx(req), req.params.id, req.body),
  );
  r.post('/api/leads/:id/project', { config: leadWrite, schema: { tags, params: leadIdParams, body: convertLeadBody, response: { 200: leadSchema } } }, (req) =>
    convertLead(deps, userCtx(req), req.params.id, req.body),
  );
}
