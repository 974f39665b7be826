import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { translate } from '../../../shared/i18n/messages';
import { idParams } from '../../../shared/modules/admin.schemas';
import {
  createEnterpriseBody,
  enterpriseListQuery,
  enterprisePage,
  enterpriseSchema,
  importFailure,
  importResult,
  updateEnterpriseBody,
} from '../../../shared/modules/enterprises.schemas';
import { registerAttachmentOwner } from '../attachments/owners';
import type { Deps } from '../deps';
import { TemplateMismatch } from '../excel/import';
import { exportXlsx } from '../excel/export';
import { fieldError } from '../http/errors';
import { sendXlsx } from '../http/reply';
import { userCtx } from '../http/request-context';
import { enterpriseTemplate, importEnterprises } from './enterprises.import';
import {
  ENTERPRISE_EXPORT_COLUMNS,
  allEnterprises,
  canSeeEnterprise,
  createEnterprise,
  getEnterprise,
  listEnterprises,
  updateEnterprise,
} from './enterprises.service';

const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** A firm's documents (licences, certificates): read with the profile, filed by whoever may edit it. */
const enterpriseOwner = {
  canRead: (trx: Parameters<typeof canSeeEnterprise>[0], ctx: Parameters<typeof canSeeEnterprise>[1], ownerId: string) =>
    /^\d+$/.test(ownerId) ? canSeeEnterprise(trx, ctx, Number(ownerId)) : Promise.resolve(false),
  canWrite: async (trx: Parameters<typeof canSeeEnterprise>[0], ctx: Parameters<typeof canSeeEnterprise>[1], ownerId: string) =>
    !!ctx.user?.permissions.has('enterprise:write') && /^\d+$/.test(ownerId) && (await canSeeEnterprise(trx, ctx, Number(ownerId))),
};

/** Enterprise profiles (一企一档): list, export, profile, create, edit, template and import. */
export function enterpriseRoutes(app: FastifyInstance, deps: Deps) {
  registerAttachmentOwner('enterprise', enterpriseOwner);
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 2, parts: 3 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['enterprises'];
    const read = { permission: 'enterprise:read' } as const;
    const write = { permission: 'enterprise:write' } as const;
    r.get('/api/enterprises', { config: read, schema: { tags, querystring: enterpriseListQuery, response: { 200: enterprisePage } } }, (req) =>
      listEnterprises(deps, userCtx(req), req.query),
    );
    r.get('/api/enterprises/export.xlsx', { config: read, schema: { tags, querystring: enterpriseListQuery } }, async (req, reply) => {
      const ctx = userCtx(req);
      const rows = await allEnterprises(deps, ctx, req.query);
      return sendXlsx(
        reply,
        ctx.locale === 'en-US' ? 'enterprises.xlsx' : '企业档案.xlsx',
        await exportXlsx('enterprises', ENTERPRISE_EXPORT_COLUMNS, rows, ctx.locale),
      );
    });
    r.get('/api/enterprises/template.xlsx', { config: { permission: 'enterprise:import' }, schema: { tags } }, async (req, reply) => {
      const ctx = userCtx(req);
      return sendXlsx(reply, ctx.locale === 'en-US' ? 'enterprise-import-template.xlsx' : '企业导入模板.xlsx', await enterpriseTemplate(ctx.locale));
    });
    r.post(
      '/api/enterprises/import',
      {
        config: { permission: 'enterprise:import' },
        schema: { tags, consumes: ['multipart/form-data'], response: { 200: importResult, 400: importFailure } },
      },
      async (req, reply) => {
        const ctx = userCtx(req);
        const file = req.isMultipart() ? await req.file() : undefined;
        if (!file) throw fieldError({ file: 'err.required' });
        const buffer = await file.toBuffer();
        try {
          const outcome = await importEnterprises(deps, ctx, buffer);
          if (outcome.ok) return { imported: outcome.imported };
          // Nothing was written: the rows' problems, and the uploaded sheet annotated with them.
          return reply.status(400).send({
            code: 'IMPORT_INVALID' as const,
            message: translate(ctx.locale, 'err.import.rows', { count: outcome.problems.length }),
            fields: {},
            errors: outcome.problems,
            report: outcome.report.toString('base64'),
          });
        } catch (err) {
          if (err instanceof TemplateMismatch) throw fieldError({ file: { key: 'err.import.header', params: { expected: err.expected.join('、') } } });
          throw err;
        }
      },
    );
    r.get('/api/enterprises/:id', { config: read, schema: { tags, params: idParams, response: { 200: enterpriseSchema } } }, (req) =>
      getEnterprise(deps, userCtx(req), req.params.id),
    );
    r.post('/api/enterprises', { config: write, schema: { tags, body: createEnterpriseBody, response: { 200: enterpriseSchema } } }, (req) =>
      createEnterprise(deps, userCtx(req), req.body),
    );
    r.patch(
      '/api/enterprises/:id',
      { config: write, schema: { tags, params: idParams, body: updateEnterpriseBody, response: { 200: enterpriseSchema } } },
      (req) => updateEnterprise(deps, userCtx(req), req.params.id, req.body),
    );
  });
}
