import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type FlaggedFirm,
  firmMonitoring as firmMonitoringSchema,
  firmParams,
  flagListQuery,
  flagPage,
  sourceParams,
  thresholdsSchema,
} from '../../../shared/modules/monitoring.schemas';
import type { Deps } from '../../core/deps';
import type { ExportColumn } from '../../core/excel/export';
import { importRoutes } from '../../core/excel/import.routes';
import { listRoutes } from '../../core/http/list-routes';
import { userCtx } from '../../core/http/request-context';
import { FLAG_NAMES } from './monitoring.flags';
import { TEMPLATE_NAMES, importFigures, monitoringTemplate } from './monitoring.import';
import { allFlagged, firmMonitoring, getThresholds, listFlagged, updateThresholds } from './monitoring.service';

const wan = (fen: number | null) => (fen === null ? '' : Math.round(fen / 100) / 10_000);
const yuan = (fen: number | null) => (fen === null ? '' : fen / 100);
const pct = (v: number | null) => (v === null ? '' : v);

const EXPORT_COLUMNS = (en: boolean): ExportColumn<FlaggedFirm>[] => {
  const unit = (u: { nameZh: string; nameEn: string } | null) => (u ? (en ? u.nameEn : u.nameZh) : '');
  return [
    { zh: '月份', en: 'Month', width: 10, value: (r) => r.month },
    { zh: '企业', en: 'Enterprise', width: 32, value: (r) => r.enterprise.name },
    { zh: '统一社会信用代码', en: 'Credit code', width: 22, value: (r) => r.enterprise.uscc },
    { zh: '乡镇', en: 'Township', value: (r) => unit(r.townshipUnit) },
    { zh: '服务专班', en: 'Service team', width: 26, value: (r) => unit(r.serviceTeamUnit) },
    { zh: '标记', en: 'Flags', width: 16, value: (r) => r.flags.map((f) => (en ? FLAG_NAMES[f].en : FLAG_NAMES[f].zh)).join(en ? ', ' : '、') },
    { zh: '产值（万元）', en: 'Output (10k yuan)', value: (r) => wan(r.outputFen) },
    { zh: '上年同月产值（万元）', en: 'Output last year (10k yuan)', value: (r) => wan(r.outputLastYearFen) },
    { zh: '产值同比（%）', en: 'Output YoY (%)', value: (r) => pct(r.outputYoY) },
    { zh: '用电量（千瓦时）', en: 'Electricity (kWh)', value: (r) => r.electricityKwh ?? '' },
    { zh: '上年同月用电量（千瓦时）', en: 'Electricity last year (kWh)', value: (r) => r.electricityLastYearKwh ?? '' },
    { zh: '用电量同比（%）', en: 'Electricity YoY (%)', value: (r) => pct(r.electricityYoY) },
    { zh: '税收（元）', en: 'Taxes (yuan)', value: (r) => yuan(r.taxesFen) },
    { zh: '督办事项', en: 'Task', value: (r) => r.taskId ?? '' },
  ];
};

/** Enterprise operation monitoring: the flagged list with export, a firm's 24 months, the thresholds, the three imports. */
export function monitoringRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitoring'];
  const read = { permission: 'monitoring:read' } as const;
  const write = { permission: 'monitoring:import' } as const;

  listRoutes(app, {
    path: '/api/monitoring/flags',
    tags,
    config: read,
    query: flagListQuery,
    response: flagPage,
    list: (ctx, q) => listFlagged(deps, ctx, q),
    exportAll: (ctx, filter) => allFlagged(deps, ctx, filter),
    sheet: 'monitoring',
    fileName: { zh: '企业运行监测预警.xlsx', en: 'monitoring-flags.xlsx' },
    columns: EXPORT_COLUMNS,
  });
  r.get('/api/monitoring/firms/:id', { config: read, schema: { tags, params: firmParams, response: { 200: firmMonitoringSchema } } }, (req) =>
    firmMonitoring(deps, userCtx(req), req.params.id),
  );
  r.get('/api/monitoring/settings', { config: read, schema: { tags, response: { 200: thresholdsSchema } } }, (req) => getThresholds(deps, userCtx(req)));
  r.put('/api/monitoring/settings', { config: write, schema: { tags, body: thresholdsSchema, response: { 200: thresholdsSchema } } }, (req) =>
    updateThresholds(deps, userCtx(req), req.body),
  );
  importRoutes(app, {
    base: '/api/monitoring/figures/:source',
    params: sourceParams,
    permission: 'monitoring:import',
    tags,
    fileName: (p) => TEMPLATE_NAMES[p.source],
    template: (ctx, p) => monitoringTemplate(p.source, ctx.locale),
    run: (ctx, buffer, p) => importFigures(deps, ctx, p.source, buffer),
  });
}
