import os from 'node:os';
import { Cron } from 'croner';
import { formatCountyTime } from '../../../shared/dates';
import type { Deps } from '../deps';
import { jobRunsRepository } from './job-runs.repository';

/** A scheduled job: when it fires, which period a firing covers, and what it does. */
export interface Job {
  name: string;
  /** A cron pattern in county time (Asia/Shanghai). */
  schedule: string;
  /** The period a run at `now` covers; across all app instances a period runs at most once. */
  period(now: Date): string;
  /**
   * Does the work; the returned text is kept as the run's message. Null means there was nothing to do: the claim is
   * dropped so that a job firing every minute does not fill the record with empty runs.
   */
  run(deps: Deps): Promise<string | null>;
}

/** The county calendar day of an instant, `YYYY-MM-DD`: the period of daily jobs. */
export const countyDay = (now: Date) => formatCountyTime(now.toISOString()).slice(0, 10);

/** The county minute of an instant, `YYYY-MM-DD HH:mm`: the period of jobs that run every minute. */
export const countyMinute = (now: Date) => formatCountyTime(now.toISOString()).slice(0, 16);

const INSTANCE = `${os.hostname()}:${process.pid}`;

export type RunOutcome = { ran: false } | { ran: true; ok: boolean; message: string };

/**
 * Claims the job's current period and runs it. The claim is an insert into `job_runs` that skips on the unique
 * (job, period) key, so when several instances fire together exactly one of them wins and the others do nothing.
 */
export async function runJob(deps: Deps, job: Job, instance = INSTANCE): Promise<RunOutcome> {
  const period = job.period(deps.clock.now());
  const runId = await jobRunsRepository.claim(deps.db, { job: job.name, period, instance, startedAt: deps.clock.now().toISOString() });
  if (runId === null) return { ran: false };
  let ok = true;
  let message: string;
  try {
    const result = await job.run(deps);
    if (result === null) {
      await jobRunsRepository.drop(deps.db, runId);
      return { ran: true, ok: true, message: '' };
    }
    message = result;
  } catch (err) {
    ok = false;
    message = err instanceof Error ? err.message : String(err);
  }
  await jobRunsRepository.finish(deps.db, runId, { finishedAt: deps.clock.now().toISOString(), ok: ok ? 1 : 0, message: message.slice(0, 2000) });
  return { ran: true, ok, message };
}

/** Starts the jobs on their schedules in this process; returns a function that stops them. */
export function startScheduler(deps: Deps, jobs: Job[], log: (msg: string, err?: unknown) => void): () => void {
  const crons = jobs.map(
    (job) =>
      new Cron(job.schedule, { timezone: 'Asia/Shanghai', protect: true, name: job.name }, async () => {
        try {
          const outcome = await runJob(deps, job);
          if (outcome.ran && !outcome.ok) log(`job ${job.name} failed: ${outcome.message}`);
        } catch (err) {
          // A failed claim (database down) must not kill the timer; the next firing tries again.
          log(`job ${job.name} could not run`, err);
        }
      }),
  );
  return () => {
    for (const cron of crons) cron.stop();
  };
}
