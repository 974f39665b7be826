import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { jobRunListQuery, jobRunPage } from '../../../shared/modules/notifications.schemas';
import type { Deps } from '../deps';
import { userCtx } from '../http/request-context';
import { listJobRuns } from './jobs';

/** The record of scheduled job runs (read only). */
export function jobRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/jobs/runs',
    { config: { permission: 'job:read' }, schema: { tags: ['jobs'], querystring: jobRunListQuery, response: { 200: jobRunPage } } },
    (req) => listJobRuns(deps, userCtx(req), req.query),
  );
}
