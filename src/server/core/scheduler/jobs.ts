import type { JobRun } from '../../../shared/modules/notifications.schemas';
import { requirePermission } from '../access/access';
import type { UserContext } from '../access/context';
import type { Deps } from '../deps';
import { webhookDeliveryJob } from '../notifications/webhooks.service';
import { escalationJob } from '../tasks/escalation';
import { type JobRunFilter, jobRunsRepository } from './job-runs.repository';
import type { Job } from './scheduler';

/** Every scheduled job of the platform; main.ts starts them, business modules add theirs with `registerJob` in app.ts. */
export const JOBS: Job[] = [escalationJob, webhookDeliveryJob];

/** Adds a business module's job (called once, from the composition in app.ts). */
export function registerJob(job: Job) {
  if (!JOBS.some((j) => j.name === job.name)) JOBS.push(job);
}

/** One page of job runs, newest first by default, for the office and the sysadmin. */
export async function listJobRuns(deps: Deps, ctx: UserContext, filter: JobRunFilter) {
  requirePermission(ctx, 'job:read');
  const { rows, total } = await jobRunsRepository.list(deps.db, filter);
  const items: JobRun[] = rows.map((r) => ({ ...r, ok: r.ok === null ? null : r.ok === 1 }));
  return { items, total, page: filter.page, pageSize: filter.pageSize };
}
