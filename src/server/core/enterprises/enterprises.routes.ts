import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/modules/admin.schemas';
import { createEnterpriseBody, enterpriseListQuery, enterprisePage, enterpriseSchema, updateEnterpriseBody } from '../../../shared/modules/enterprises.schemas';
import { registerAttachmentOwner } from '../attachments/owners';
import type { Deps } from '../deps';
import { importRoutes } from '../excel/import.routes';
import { listRoutes } from '../http/list-routes';
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
  importRoutes(app, {
    base: '/api/enterprises',
    permission: 'enterprise:import',
    tags: ['enterprises'],
    fileName: { zh: '企业导入模板.xlsx', en: 'enterprise-import-template.xlsx' },
    template: (ctx) => enterpriseTemplate(ctx.locale),
    run: (ctx, buffer) => importEnterprises(deps, ctx, buffer),
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enterprises'];
  const read = { permission: 'enterprise:read' } as const;
  const write = { permission: 'enterprise:write' } as const;
  listRoutes(app, {
    path: '/api/enterprises',
    tags,
    config: read,
    query: enterpriseListQuery,
    response: enterprisePage,
    list: (ctx, q) => listEnterprises(deps, ctx, q),
    exportAll: (ctx, filter) => allEnterprises(deps, ctx, filter),
    sheet: 'enterprises',
    fileName: { zh: '企业档案.xlsx', en: 'enterprises.xlsx' },
    columns: ENTERPRISE_EXPORT_COLUMNS,
  });
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
}
