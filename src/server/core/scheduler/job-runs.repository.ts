import type { Insertable } from 'kysely';
import type { Executor } from '../db/database';
import { type PageRequest, allRows, paginate } from '../db/paging';
import type { JobRunTable } from '../db/schema';

export interface JobRunFilter extends PageRequest<'startedAt' | 'job'> {
  job?: string;
  ok?: boolean;
}

const SORTS = { startedAt: 'jobRuns.startedAt', job: 'jobRuns.job' } as const;

function filtered(db: Executor, f: { job?: string; ok?: boolean }) {
  let qb = db.selectFrom('jobRuns').selectAll();
  if (f.job) qb = qb.where('job', '=', f.job);
  if (f.ok !== undefined) qb = qb.where('ok', '=', f.ok ? 1 : 0);
  return qb;
}

/** SQL for job claims and their outcomes. */
export const jobRunsRepository = {
  /** Inserts the claim, or returns null when another run already holds this (job, period). */
  async claim(db: Executor, run: Omit<Insertable<JobRunTable>, 'id'>): Promise<number | null> {
    const row = await db
      .insertInto('jobRuns')
      .values(run)
      .onConflict((oc) => oc.columns(['job', 'period']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  },
  async finish(db: Executor, id: number, values: { finishedAt: string; ok: number; message: string }) {
    await db.updateTable('jobRuns').set(values).where('id', '=', id).execute();
  },
  async drop(db: Executor, id: number) {
    await db.deleteFrom('jobRuns').where('id', '=', id).execute();
  },
  list(db: Executor, f: JobRunFilter) {
    return paginate(filtered(db, f), f, SORTS, 'startedAt', 'jobRuns.id');
  },
  all(db: Executor, f: Omit<JobRunFilter, 'page' | 'pageSize'>) {
    return allRows(filtered(db, f), f, SORTS, 'startedAt', 'jobRuns.id');
  },
};
