import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { jobRunListQuery, jobRunPage } from '../../../shared/modules/notifications.schemas';
import type { Deps } from '../deps';
import { exportXlsx } from '../excel/export';
import { sendXlsx } from '../http/reply';
import { userCtx } from '../http/request-context';
import { allJobRuns, jobRunExportColumns, listJobRuns } from './jobs';

/** The record of scheduled job runs (read only). */
export function jobRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/jobs/runs',
    { config: { permission: 'job:read' }, schema: { tags: ['jobs'], querystring: jobRunListQuery, response: { 200: jobRunPage } } },
    (req) => listJobRuns(deps, userCtx(req), req.query),
  );
  r.get('/api/jobs/runs/export.xlsx', { config: { permission: 'job:read' }, schema: { tags: ['jobs'], querystring: jobRunListQuery } }, async (req, reply) => {
    const ctx = userCtx(req);
    const rows = await allJobRuns(deps, ctx, req.query);
    return sendXlsx(
      reply,
      ctx.locale === 'en-US' ? 'job-runs.xlsx' : '定时任务记录.xlsx',
      await exportXlsx('jobs', jobRunExportColumns(ctx.locale), rows, ctx.locale),
    );
  });
}
