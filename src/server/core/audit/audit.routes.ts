import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditListQuery, auditPage, auditVerifyResponse, loginLogPage, loginLogQuery } from '../../../shared/modules/admin.schemas';
import type { UserContext } from '../access/context';
import type { Deps } from '../deps';
import { listRoutes } from '../http/list-routes';
import { userCtx } from '../http/request-context';
import { AUDIT_EXPORT_COLUMNS, LOGIN_LOG_EXPORT_COLUMNS, allAudit, allLoginLog, listAudit, listLoginLog, recordAudit, verifyAuditChain } from './audit.service';

/**
 * The audit log and the login log: read-only, for the audit administrator. No route edits or deletes them. The
 * auditor's own exports and chain checks are audit rows too, so that the auditor is audited like the other two.
 */
export function auditRoutes(app: FastifyInstance, deps: Deps) {
  const audited = (ctx: UserContext, action: string, filters: unknown) =>
    deps.db.transaction().execute((trx) => recordAudit(trx, deps, ctx, { action, entityType: 'audit_log', entityId: null, after: filters }));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const audit = { permission: 'audit:read' as const };
  const logins = { permission: 'loginlog:read' as const };
  listRoutes(app, {
    path: '/api/audit',
    tags: ['audit'],
    config: audit,
    query: auditListQuery,
    response: auditPage,
    list: (_ctx, q) => listAudit(deps.db, q),
    exportAll: async (ctx, filter, query) => {
      const rows = await allAudit(deps.db, filter);
      await audited(ctx, 'audit.export', query);
      return rows;
    },
    sheet: 'audit',
    fileName: { zh: '审计日志.xlsx', en: 'audit-log.xlsx' },
    columns: AUDIT_EXPORT_COLUMNS,
  });
  r.get('/api/audit/verify', { config: audit, schema: { tags: ['audit'], response: { 200: auditVerifyResponse } } }, async (req) => {
    const result = await verifyAuditChain(deps.db);
    await audited(userCtx(req), 'audit.verify', result);
    return result;
  });
  listRoutes(app, {
    path: '/api/login-log',
    tags: ['audit'],
    config: logins,
    query: loginLogQuery,
    response: loginLogPage,
    list: (_ctx, q) => listLoginLog(deps.db, q),
    exportAll: async (ctx, filter, query) => {
      const rows = await allLoginLog(deps.db, filter);
      await audited(ctx, 'loginlog.export', query);
      return rows;
    },
    sheet: 'logins',
    fileName: { zh: '登录日志.xlsx', en: 'login-log.xlsx' },
    columns: LOGIN_LOG_EXPORT_COLUMNS,
  });
}
