import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptPreviewSchema,
  aggregateQuery,
  createFormBody,
  updateFormBody,
  aggregateSchema,
  matrixQuery,
  matrixSchema,
  newFormVersionBody,
  reopenReportBody,
  reportFormDetail,
  reportFormsResponse,
  reportIdParams,
  reportSheetSchema,
  returnReportBody,
  saveReportBody,
  sheetQuery,
} from '../../../shared/modules/reports.schemas';
import type { Deps } from '../../core/deps';
import { exportXlsx } from '../../core/excel/export';
import { sendXlsx } from '../../core/http/reply';
import { userCtx } from '../../core/http/request-context';
import { fieldError } from '../../core/http/errors';
import { importReport, reportTemplate } from './reports.excel';
import { aggregateExport, matrixExport } from './reports.export';
import { createForm, getForm, listForms, publishFormVersion, updateForm } from './reports.forms';
import { getSheet, getSheetById, saveDraft } from './reports.sheets';
import { aggregateReports, reportMatrix } from './reports.totals';
import { acceptPreview, acceptReport, reopenReport, returnReport, submitReport } from './reports.workflow';

/** Township monthly reporting: forms, the report sheet, submission and review, the completeness matrix, totals. */
export function reportRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const read = { permission: 'report:read' } as const;
  const fill = { permission: 'report:fill' } as const;
  const review = { permission: 'report:review' } as const;

  r.get('/api/report-forms', { config: read, schema: { tags, response: { 200: reportFormsResponse } } }, (req) => listForms(deps, userCtx(req)));
  r.get('/api/report-forms/:id', { config: read, schema: { tags, params: reportIdParams, response: { 200: reportFormDetail } } }, (req) =>
    getForm(deps, userCtx(req), req.params.id),
  );
  const manage = { permission: 'report_form:manage' } as const;
  r.post('/api/report-forms', { config: manage, schema: { tags, body: createFormBody, response: { 200: reportFormDetail } } }, (req) =>
    createForm(deps, userCtx(req), req.body),
  );
  r.patch(
    '/api/report-forms/:id',
    { config: manage, schema: { tags, params: reportIdParams, body: updateFormBody, response: { 200: reportFormDetail } } },
    (req) => updateForm(deps, userCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/report-forms/:id/versions',
    { config: { permission: 'report_form:manage' }, schema: { tags, params: reportIdParams, body: newFormVersionBody, response: { 200: reportFormDetail } } },
    (req) => publishFormVersion(deps, userCtx(req), req.params.id, req.body),
  );

  r.get('/api/reports/matrix', { config: read, schema: { tags, querystring: matrixQuery, response: { 200: matrixSchema } } }, (req) =>
    reportMatrix(deps, userCtx(req), req.query.month),
  );
  r.get('/api/reports/matrix/export.xlsx', { config: read, schema: { tags, querystring: matrixQuery } }, async (req, reply) => {
    const ctx = userCtx(req);
    const matrix = await reportMatrix(deps, ctx, req.query.month);
    const { columns, rows } = matrixExport(matrix, ctx.locale);
    const name = ctx.locale === 'en-US' ? `reporting-${matrix.month}.xlsx` : `乡镇月报报送情况-${matrix.month}.xlsx`;
    return sendXlsx(reply, name, await exportXlsx('matrix', columns, rows, ctx.locale));
  });
  r.get('/api/reports/aggregate', { config: read, schema: { tags, querystring: aggregateQuery, response: { 200: aggregateSchema } } }, (req) =>
    aggregateReports(deps, userCtx(req), req.query),
  );
  r.get('/api/reports/aggregate/export.xlsx', { config: read, schema: { tags, querystring: aggregateQuery } }, async (req, reply) => {
    const ctx = userCtx(req);
    const { columns, rows } = aggregateExport(await aggregateReports(deps, ctx, req.query), ctx.locale);
    const name = ctx.locale === 'en-US' ? `report-totals-${req.query.month}.xlsx` : `乡镇月报汇总-${req.query.month}.xlsx`;
    return sendXlsx(reply, name, await exportXlsx('totals', columns, rows, ctx.locale));
  });
  r.get('/api/reports/sheet', { config: read, schema: { tags, querystring: sheetQuery, response: { 200: reportSheetSchema } } }, (req) =>
    getSheet(deps, userCtx(req), req.query),
  );
  r.put('/api/reports/sheet', { config: fill, schema: { tags, body: saveReportBody, response: { 200: reportSheetSchema } } }, (req) =>
    saveDraft(deps, userCtx(req), req.body),
  );
  r.get('/api/reports/template.xlsx', { config: read, schema: { tags, querystring: sheetQuery } }, async (req, reply) => {
    const { name, buffer } = await reportTemplate(deps, userCtx(req), req.query);
    return sendXlsx(reply, name, buffer);
  });
  // Multipart parsing only in this route's own scope.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 2, parts: 3 } });
    scope
      .withTypeProvider<ZodTypeProvider>()
      .post(
        '/api/reports/import',
        { config: fill, schema: { tags, querystring: sheetQuery, consumes: ['multipart/form-data'], response: { 200: reportSheetSchema } } },
        async (req) => {
          const file = req.isMultipart() ? await req.file() : undefined;
          if (!file) throw fieldError({ file: 'err.required' });
          return importReport(deps, userCtx(req), req.query, await file.toBuffer());
        },
      );
  });
  r.get('/api/reports/:id', { config: read, schema: { tags, params: reportIdParams, response: { 200: reportSheetSchema } } }, (req) =>
    getSheetById(deps, userCtx(req), req.params.id),
  );
  r.post(
    '/api/reports/:id/submit',
    { config: fill, schema: { tags, params: reportIdParams, body: z.strictObject({}).optional(), response: { 200: reportSheetSchema } } },
    (req) => submitReport(deps, userCtx(req), req.params.id),
  );
  r.post(
    '/api/reports/:id/return',
    { config: review, schema: { tags, params: reportIdParams, body: returnReportBody, response: { 200: reportSheetSchema } } },
    (req) => returnReport(deps, userCtx(req), req.params.id, req.body),
  );
  r.get('/api/reports/:id/accept-preview', { config: review, schema: { tags, params: reportIdParams, response: { 200: acceptPreviewSchema } } }, (req) =>
    acceptPreview(deps, userCtx(req), req.params.id),
  );
  r.post(
    '/api/reports/:id/accept',
    { config: review, schema: { tags, params: reportIdParams, body: z.strictObject({}).optional(), response: { 200: reportSheetSchema } } },
    (req) => acceptReport(deps, userCtx(req), req.params.id),
  );
  r.post(
    '/api/reports/:id/reopen',
    { config: review, schema: { tags, params: reportIdParams, body: reopenReportBody, response: { 200: reportSheetSchema } } },
    (req) => reopenReport(deps, userCtx(req), req.params.id, req.body.reason),
  );
}
