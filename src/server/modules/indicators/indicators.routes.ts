import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/modules/admin.schemas';
import {
  createIndicatorBody,
  indicatorDecompositionBody,
  indicatorListQuery,
  indicatorPage,
  indicatorSchema,
  planSchema,
  planYearsResponse,
  planVersionsResponse,
  publishPlanBody,
  updateIndicatorBody,
  yearIndicatorParams,
  yearParams,
} from '../../../shared/modules/indicators.schemas';
import type { Deps } from '../../core/deps';
import { sendXlsx } from '../../core/http/reply';
import { listRoutes } from '../../core/http/list-routes';
import { userCtx } from '../../core/http/request-context';
import { INDICATOR_EXPORT_COLUMNS, allIndicators, createIndicator, getIndicator, listIndicators, updateIndicator } from './indicators.service';
import { getPlan, planVersions, planYears, publishPlan, setDecomposition } from './plans.service';
import { importPlan, planWorkbook } from './plans.import';
import { importRoutes } from '../../core/excel/import.routes';

const planFileName = ({ year }: { year: number }) => ({ zh: `${year}年度指标目标分解.xlsx`, en: `indicator-targets-${year}.xlsx` });

/** The indicator catalogue and the annual plan with its decomposition to units. */
export function indicatorRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['indicators'];
  const read = { permission: 'indicator:read' } as const;
  const manage = { permission: 'indicator:manage' } as const;

  listRoutes(app, {
    path: '/api/indicators',
    tags,
    config: read,
    query: indicatorListQuery,
    response: indicatorPage,
    list: (ctx, q) => listIndicators(deps, ctx, q),
    exportAll: (ctx, filter) => allIndicators(deps, ctx, filter),
    sheet: 'indicators',
    fileName: { zh: '指标目录.xlsx', en: 'indicators.xlsx' },
    columns: INDICATOR_EXPORT_COLUMNS,
  });
  r.get('/api/indicators/:id', { config: read, schema: { tags, params: idParams, response: { 200: indicatorSchema } } }, (req) =>
    getIndicator(deps, userCtx(req), req.params.id),
  );
  r.post('/api/indicators', { config: manage, schema: { tags, body: createIndicatorBody, response: { 200: indicatorSchema } } }, (req) =>
    createIndicator(deps, userCtx(req), req.body),
  );
  r.patch('/api/indicators/:id', { config: manage, schema: { tags, params: idParams, body: updateIndicatorBody, response: { 200: indicatorSchema } } }, (req) =>
    updateIndicator(deps, userCtx(req), req.params.id, req.body),
  );

  r.get('/api/indicator-plans', { config: read, schema: { tags, response: { 200: planYearsResponse } } }, (req) => planYears(deps, userCtx(req)));
  r.get('/api/indicator-plans/:year', { config: read, schema: { tags, params: yearParams, response: { 200: planSchema } } }, (req) =>
    getPlan(deps, userCtx(req), req.params.year),
  );
  r.put(
    '/api/indicator-plans/:year/indicators/:indicatorId',
    { config: manage, schema: { tags, params: yearIndicatorParams, body: indicatorDecompositionBody, response: { 200: planSchema } } },
    (req) => setDecomposition(deps, userCtx(req), req.params.year, req.params.indicatorId, req.body),
  );
  r.post(
    '/api/indicator-plans/:year/publish',
    { config: manage, schema: { tags, params: yearParams, body: publishPlanBody, response: { 200: planSchema } } },
    (req) => publishPlan(deps, userCtx(req), req.params.year, req.body),
  );
  importRoutes(app, {
    base: '/api/indicator-plans/:year',
    params: yearParams,
    permission: 'indicator:manage',
    tags,
    fileName: planFileName,
    template: (ctx, { year }) => planWorkbook(deps, ctx, year),
    run: (ctx, buffer, { year }) => importPlan(deps, ctx, year, buffer),
  });
  r.get('/api/indicator-plans/:year/export.xlsx', { config: read, schema: { tags, params: yearParams } }, async (req, reply) => {
    const ctx = userCtx(req);
    const name = planFileName(req.params);
    return sendXlsx(reply, ctx.locale === 'en-US' ? name.en : name.zh, await planWorkbook(deps, ctx, req.params.year));
  });
  r.get('/api/indicator-plans/:year/versions', { config: read, schema: { tags, params: yearParams, response: { 200: planVersionsResponse } } }, (req) =>
    planVersions(deps, userCtx(req), req.params.year),
  );
}
