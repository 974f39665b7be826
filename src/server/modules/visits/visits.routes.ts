import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type Assignment,
  type Exchange,
  type VisitListItem,
  assignBody,
  assignResponse,
  assignmentListQuery,
  assignmentPage,
  assignmentSchema,
  coverageQuery,
  coverageSchema,
  coverageSettingsSchema,
  createExchangeBody,
  createVisitBody,
  deleteVisitBody,
  endAssignmentBody,
  exchangeListQuery,
  exchangePage,
  exchangeSchema,
  idParams,
  officersResponse,
  okResponse,
  problemUnitsResponse,
  updateExchangeBody,
  updateVisitBody,
  visitListQuery,
  visitPage,
  visitSchema,
  visitSettingsSchema,
  visitablesResponse,
} from '../../../shared/modules/visits.schemas';
import type { Deps } from '../../core/deps';
import type { ExportColumn } from '../../core/excel/export';
import { importRoutes } from '../../core/excel/import.routes';
import { listRoutes } from '../../core/http/list-routes';
import { userCtx } from '../../core/http/request-context';
import {
  allAssignments,
  allExchanges,
  allVisits,
  assignFirms,
  coverageReport,
  coverageSettings,
  createExchange,
  createVisit,
  deleteExchange,
  deleteVisit,
  endAssignment,
  getVisit,
  listAssignments,
  listExchanges,
  listOfficers,
  listVisits,
  problemUnits,
  saveCoverageSettings,
  updateExchange,
  updateVisit,
  visitableFirms,
} from './visits.service';
import { ASSIGNMENT_TEMPLATE_NAME, assignmentTemplate, importAssignments } from './visits.import';

const name = (en: boolean, u: { nameZh: string; nameEn: string }) => (en ? u.nameEn : u.nameZh);
const yesNo = (en: boolean, v: boolean) => (v ? (en ? 'Yes' : '是') : en ? 'No' : '否');
const ASSIGNMENT_COLUMNS = (en: boolean): ExportColumn<Assignment>[] => [
  { zh: '编号', en: 'No.', value: (r) => r.id },
  { zh: '企业', en: 'Enterprise', width: 32, value: (r) => r.enterprise.name },
  { zh: '所在乡镇', en: 'Township', width: 14, value: (r) => name(en, r.township) },
  { zh: '首席服务官', en: 'Chief service officer', width: 14, value: (r) => r.officer.displayName },
  { zh: '服务专班', en: 'Service team', width: 28, value: (r) => name(en, r.team) },
  { zh: '起始日期', en: 'From', value: (r) => r.fromDate },
  { zh: '结束日期', en: 'To', value: (r) => r.toDate ?? '' },
  { zh: '现任', en: 'Current', value: (r) => yesNo(en, r.current) },
  { zh: '备注', en: 'Note', width: 24, value: (r) => r.note },
];
const DIRECTION_NAMES = { to_firm: ['干部驻企', 'Cadre to firm'], to_unit: ['企业人员到机关', 'Firm manager to unit'] } as const;
const EXCHANGE_COLUMNS = (en: boolean): ExportColumn<Exchange>[] => [
  { zh: '编号', en: 'No.', value: (r) => r.id },
  { zh: '姓名', en: 'Name', width: 12, value: (r) => r.personName },
  { zh: '交流方向', en: 'Direction', width: 16, value: (r) => DIRECTION_NAMES[r.direction][en ? 1 : 0] },
  { zh: '机关单位', en: 'Government unit', width: 24, value: (r) => name(en, r.unit) },
  { zh: '企业', en: 'Enterprise', width: 32, value: (r) => r.enterprise.name },
  { zh: '职务', en: 'Role', width: 20, value: (r) => r.role },
  { zh: '起始日期', en: 'From', value: (r) => r.fromDate },
  { zh: '结束日期', en: 'To', value: (r) => r.toDate ?? '' },
  { zh: '在岗', en: 'Current', value: (r) => yesNo(en, r.current) },
];
const VISIT_COLUMNS = (en: boolean): ExportColumn<VisitListItem>[] => [
  { zh: '编号', en: 'No.', value: (r) => r.id },
  { zh: '走访日期', en: 'Date', value: (r) => r.visitDate },
  { zh: '企业', en: 'Enterprise', width: 32, value: (r) => r.enterprise.name },
  { zh: '所在乡镇', en: 'Township', width: 14, value: (r) => name(en, r.township) },
  { zh: '服务专班', en: 'Service team', width: 28, value: (r) => name(en, r.team) },
  { zh: '走访人员', en: 'Officers', width: 20, value: (r) => r.officers.map((o) => o.displayName).join('、') },
  { zh: '接待人员', en: 'People met', width: 24, value: (r) => r.peopleMet },
  { zh: '发现问题', en: 'Problems', value: (r) => r.problems },
  { zh: '未办结问题', en: 'Open problems', value: (r) => r.openProblems },
];

/** Service officers' visits: assignments, cadre exchanges, visits, coverage and its setting. */
export function visitRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['visits'];
  const read = { permission: 'visit:read' } as const;
  const write = { permission: 'visit:write' } as const;
  const manage = { permission: 'visit:manage' } as const;

  r.get('/api/visits/officers', { config: read, schema: { tags, response: { 200: officersResponse } } }, async (req) => ({
    items: await listOfficers(deps, userCtx(req)),
  }));

  listRoutes(app, {
    path: '/api/visits/assignments',
    tags,
    config: read,
    query: assignmentListQuery,
    response: assignmentPage,
    list: (ctx, q) => listAssignments(deps, ctx, q),
    exportAll: (ctx, filter) => allAssignments(deps, ctx, filter),
    sheet: 'assignments',
    fileName: { zh: '首席服务官分配.xlsx', en: 'chief-officers.xlsx' },
    columns: ASSIGNMENT_COLUMNS,
  });
  r.post('/api/visits/assignments', { config: manage, schema: { tags, body: assignBody, response: { 200: assignResponse } } }, (req) =>
    assignFirms(deps, userCtx(req), req.body),
  );
  importRoutes(app, {
    base: '/api/visits/assignments',
    permission: 'visit:manage',
    tags,
    fileName: ASSIGNMENT_TEMPLATE_NAME,
    template: (ctx) => assignmentTemplate(ctx),
    run: (ctx, buffer) => importAssignments(deps, ctx, buffer),
  });
  r.post(
    '/api/visits/assignments/:id/end',
    { config: manage, schema: { tags, params: idParams, body: endAssignmentBody, response: { 200: assignmentSchema } } },
    (req) => endAssignment(deps, userCtx(req), req.params.id, req.body.toDate),
  );

  listRoutes(app, {
    path: '/api/visits/exchanges',
    tags,
    config: read,
    query: exchangeListQuery,
    response: exchangePage,
    list: (ctx, q) => listExchanges(deps, ctx, q),
    exportAll: (ctx, filter) => allExchanges(deps, ctx, filter),
    sheet: 'exchanges',
    fileName: { zh: '政企干部双向交流.xlsx', en: 'cadre-exchanges.xlsx' },
    columns: EXCHANGE_COLUMNS,
  });
  r.post('/api/visits/exchanges', { config: manage, schema: { tags, body: createExchangeBody, response: { 200: exchangeSchema } } }, (req) =>
    createExchange(deps, userCtx(req), req.body),
  );
  r.patch(
    '/api/visits/exchanges/:id',
    { config: manage, schema: { tags, params: idParams, body: updateExchangeBody, response: { 200: exchangeSchema } } },
    (req) => updateExchange(deps, userCtx(req), req.params.id, req.body),
  );
  r.delete('/api/visits/exchanges/:id', { config: manage, schema: { tags, params: idParams, response: { 200: okResponse } } }, (req) =>
    deleteExchange(deps, userCtx(req), req.params.id),
  );

  r.get('/api/visits/coverage', { config: read, schema: { tags, querystring: coverageQuery, response: { 200: coverageSchema } } }, (req) =>
    coverageReport(deps, userCtx(req), req.query),
  );
  r.get('/api/visits/settings', { config: read, schema: { tags, response: { 200: visitSettingsSchema } } }, () => coverageSettings(deps.db));
  r.put('/api/visits/settings', { config: manage, schema: { tags, body: coverageSettingsSchema, response: { 200: visitSettingsSchema } } }, (req) =>
    saveCoverageSettings(deps, userCtx(req), req.body),
  );

  r.get('/api/visits/firms', { config: write, schema: { tags, response: { 200: visitablesResponse } } }, async (req) => ({
    items: await visitableFirms(deps, userCtx(req)),
  }));
  r.get('/api/visits/problem-units', { config: write, schema: { tags, response: { 200: problemUnitsResponse } } }, async (req) => ({
    items: await problemUnits(deps, userCtx(req)),
  }));

  listRoutes(app, {
    path: '/api/visits',
    tags,
    config: read,
    query: visitListQuery,
    response: visitPage,
    list: (ctx, q) => listVisits(deps, ctx, q),
    exportAll: (ctx, filter) => allVisits(deps, ctx, filter),
    sheet: 'visits',
    fileName: { zh: '走访记录.xlsx', en: 'visits.xlsx' },
    columns: VISIT_COLUMNS,
  });
  r.post('/api/visits', { config: write, schema: { tags, body: createVisitBody, response: { 200: visitSchema } } }, (req) =>
    createVisit(deps, userCtx(req), req.body),
  );
  r.get('/api/visits/:id', { config: read, schema: { tags, params: idParams, response: { 200: visitSchema } } }, (req) =>
    getVisit(deps, userCtx(req), req.params.id),
  );
  r.patch('/api/visits/:id', { config: write, schema: { tags, params: idParams, body: updateVisitBody, response: { 200: visitSchema } } }, (req) =>
    updateVisit(deps, userCtx(req), req.params.id, req.body),
  );
  r.post('/api/visits/:id/delete', { config: write, schema: { tags, params: idParams, body: deleteVisitBody, response: { 200: okResponse } } }, (req) =>
    deleteVisit(deps, userCtx(req), req.params.id, req.body),
  );
}
