import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  askLaggingBody,
  askLaggingResponse,
  ledgerQuery,
  ledgerSchema,
  ledgerSheetParams,
  lockResponse,
  monthBody,
  monthlyCycleSchema,
  saveValuesBody,
  submitMonthBody,
  valueHistoryQuery,
  valueHistoryResponse,
  trendQuery,
  trendResponse,
  warningsQuery,
  warningsResponse,
} from '../../../shared/modules/indicators.schemas';
import type { Deps } from '../../core/deps';
import { exportRoute } from '../../core/http/list-routes';
import { userCtx } from '../../core/http/request-context';
import { importRoutes } from '../../core/excel/import.routes';
import { importLedger, ledgerWorkbook } from './ledger.import';
import { askLaggingUnit } from './month-close';
import { getLedger, lockMonth, saveValues, submitMonth, valueHistory } from './ledger.service';
import { readMonthlyCycle, updateMonthlyCycle } from './cycle.service';
import { WARNING_EXPORT_COLUMNS, indicatorTrend, monthWarnings, warningRows } from './warnings.service';
import { sendXlsx } from '../../core/http/reply';

/** The monthly ledger: sheets per unit and year, saving and submitting values, locking months. */
export function ledgerRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['indicator ledger'];
  r.get(
    '/api/indicator-ledger',
    { config: { permission: 'indicator:read' }, schema: { tags, querystring: ledgerQuery, response: { 200: ledgerSchema } } },
    (req) => getLedger(deps, userCtx(req), req.query),
  );
  const sheetFile = ({ year }: { year: number }) => ({ zh: `指标月度台账-${year}.xlsx`, en: `indicator-ledger-${year}.xlsx` });
  importRoutes(app, {
    base: '/api/indicator-ledger/sheets/:year/:unitId',
    params: ledgerSheetParams,
    permission: 'indicator:enter',
    tags,
    fileName: sheetFile,
    template: (ctx, { year, unitId }) => ledgerWorkbook(deps, ctx, year, unitId),
    run: (ctx, buffer, { year, unitId }) => importLedger(deps, ctx, year, unitId, buffer),
  });
  r.get(
    '/api/indicator-ledger/sheets/:year/:unitId/export.xlsx',
    { config: { permission: 'indicator:read' }, schema: { tags, params: ledgerSheetParams } },
    async (req, reply) => {
      const ctx = userCtx(req);
      const name = sheetFile(req.params);
      return sendXlsx(reply, ctx.locale === 'en-US' ? name.en : name.zh, await ledgerWorkbook(deps, ctx, req.params.year, req.params.unitId));
    },
  );
  r.put('/api/indicator-ledger/values', { config: { permission: 'indicator:enter' }, schema: { tags, body: saveValuesBody } }, async (req, reply) => {
    await saveValues(deps, userCtx(req), req.body);
    return reply.status(204).send();
  });
  r.post('/api/indicator-ledger/submit', { config: { permission: 'indicator:enter' }, schema: { tags, body: submitMonthBody } }, (req) =>
    submitMonth(deps, userCtx(req), req.body),
  );
  r.post(
    '/api/indicator-ledger/locks',
    { config: { permission: 'indicator:lock' }, schema: { tags, body: monthBody, response: { 200: lockResponse } } },
    (req) => lockMonth(deps, userCtx(req), req.body.month),
  );
  r.get(
    '/api/indicator-ledger/history',
    { config: { permission: 'indicator:read' }, schema: { tags, querystring: valueHistoryQuery, response: { 200: valueHistoryResponse } } },
    (req) => valueHistory(deps, userCtx(req), req.query),
  );
  r.get(
    '/api/indicator-warnings',
    { config: { permission: 'indicator:read' }, schema: { tags: ['indicator warnings'], querystring: warningsQuery, response: { 200: warningsResponse } } },
    (req) => monthWarnings(deps, userCtx(req), req.query),
  );
  r.post(
    '/api/indicator-warnings/tasks',
    { config: { permission: 'task:assign' }, schema: { tags: ['indicator warnings'], body: askLaggingBody, response: { 200: askLaggingResponse } } },
    (req) => askLaggingUnit(deps, userCtx(req), req.body),
  );
  exportRoute(app, {
    path: '/api/indicator-warnings/export.xlsx',
    tags: ['indicator warnings'],
    config: { permission: 'indicator:read' },
    query: warningsQuery,
    exportAll: async (ctx, filter) => warningRows(await monthWarnings(deps, ctx, filter)),
    sheet: 'warnings',
    fileName: ({ month }) => ({ zh: `指标预警-${month}.xlsx`, en: `warnings-${month}.xlsx` }),
    columns: WARNING_EXPORT_COLUMNS,
  });
  r.get(
    '/api/indicator-trend',
    { config: { permission: 'indicator:read' }, schema: { tags: ['indicator warnings'], querystring: trendQuery, response: { 200: trendResponse } } },
    (req) => indicatorTrend(deps, userCtx(req), req.query),
  );
  r.get('/api/settings/monthly-cycle', { config: { permission: 'indicator:read' }, schema: { tags, response: { 200: monthlyCycleSchema } } }, (req) =>
    readMonthlyCycle(deps, userCtx(req)),
  );
  r.put(
    '/api/settings/monthly-cycle',
    { config: { permission: 'indicator:manage' }, schema: { tags, body: monthlyCycleSchema, response: { 200: monthlyCycleSchema } } },
    (req) => updateMonthlyCycle(deps, userCtx(req), req.body),
  );
}
