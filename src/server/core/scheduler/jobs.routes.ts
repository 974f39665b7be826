import type { FastifyInstance } from 'fastify';
import { jobRunListQuery, jobRunPage } from '../../../shared/modules/notifications.schemas';
import type { Deps } from '../deps';
import { listRoutes } from '../http/list-routes';
import { allJobRuns, jobRunExportColumns, listJobRuns } from './jobs';

/** The record of scheduled job runs (read only). */
export function jobRoutes(app: FastifyInstance, deps: Deps) {
  listRoutes(app, {
    path: '/api/jobs/runs',
    tags: ['jobs'],
    config: { permission: 'job:read' },
    query: jobRunListQuery,
    response: jobRunPage,
    list: (ctx, q) => listJobRuns(deps, ctx, q),
    exportAll: (ctx, filter) => allJobRuns(deps, ctx, filter),
    sheet: 'jobs',
    fileName: { zh: '定时任务记录.xlsx', en: 'job-runs.xlsx' },
    columns: (_en, locale) => jobRunExportColumns(locale),
  });
}
