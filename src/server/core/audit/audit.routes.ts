import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditListQuery, auditPage, auditVerifyResponse, loginLogPage, loginLogQuery } from '../../../shared/modules/admin.schemas';
import type { Deps } from '../deps';
import { exportXlsx } from '../excel/export';
import { sendXlsx } from '../http/reply';
import { userCtx } from '../http/request-context';
import { AUDIT_EXPORT_COLUMNS, LOGIN_LOG_EXPORT_COLUMNS, allAudit, allLoginLog, listAudit, listLoginLog, recordAudit, verifyAuditChain } from './audit.service';

/**
 * The audit log and the login log: read-only, for the audit administrator. No route edits or deletes them. The
 * auditor's own exports and chain checks are audit rows too, so that the auditor is audited like the other two.
 */
export function auditRoutes(app: FastifyInstance, deps: Deps) {
  const audited = (req: FastifyRequest, action: string, filters: unknown) =>
    deps.db.transaction().execute((trx) => recordAudit(trx, deps, userCtx(req), { action, entityType: 'audit_log', entityId: null, after: filters }));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const audit = { permission: 'audit:read' as const };
  const logins = { permission: 'loginlog:read' as const };
  r.get('/api/audit', { config: audit, schema: { tags: ['audit'], querystring: auditListQuery, response: { 200: auditPage } } }, (req) =>
    listAudit(deps.db, req.query),
  );
  r.get('/api/audit/export.xlsx', { config: audit, schema: { tags: ['audit'], querystring: auditListQuery } }, async (req, reply) => {
    const rows = await allAudit(deps.db, req.query);
    await audited(req, 'audit.export', req.query);
    return sendXlsx(
      reply,
      req.ctx.locale === 'en-US' ? 'audit-log.xlsx' : '审计日志.xlsx',
      await exportXlsx('audit', AUDIT_EXPORT_COLUMNS, rows, req.ctx.locale),
    );
  });
  r.get('/api/audit/verify', { config: audit, schema: { tags: ['audit'], response: { 200: auditVerifyResponse } } }, async (req) => {
    const result = await verifyAuditChain(deps.db);
    await audited(req, 'audit.verify', result);
    return result;
  });
  r.get('/api/login-log', { config: logins, schema: { tags: ['audit'], querystring: loginLogQuery, response: { 200: loginLogPage } } }, (req) =>
    listLoginLog(deps.db, req.query),
  );
  r.get('/api/login-log/export.xlsx', { config: logins, schema: { tags: ['audit'], querystring: loginLogQuery } }, async (req, reply) => {
    const rows = await allLoginLog(deps.db, req.query);
    await audited(req, 'loginlog.export', req.query);
    return sendXlsx(
      reply,
      req.ctx.locale === 'en-US' ? 'login-log.xlsx' : '登录日志.xlsx',
      await exportXlsx('logins', LOGIN_LOG_EXPORT_COLUMNS, rows, req.ctx.locale),
    );
  });
}
