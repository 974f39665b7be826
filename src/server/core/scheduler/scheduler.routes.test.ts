import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/build-app';
import { webhookDeliveryJob } from '../notifications/webhooks.service';
import { type Job, countyDay, runJob } from './scheduler';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const runs = (job: string) => t.deps.db.selectFrom('jobRuns').selectAll().where('job', '=', job).execute();

describe('scheduler', () => {
  it('runs a period once across instances and records failures', async () => {
    let calls = 0;
    const flaky: Job = {
      name: 'test.flaky',
      schedule: '0 3 * * *',
      period: countyDay,
      run: async () => {
        calls++;
        throw new Error('upstream unavailable');
      },
    };
    // Two instances fire at the same moment: one claims the period, the other skips.
    const outcomes = await Promise.all([runJob(t.deps, flaky, 'a:1'), runJob(t.deps, flaky, 'b:2')]);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(calls).toBe(1);
    expect(await runs('test.flaky')).toMatchObject([{ period: '2026-03-02', ok: 0, message: 'upstream unavailable' }]);

    t.clock.advanceMinutes(24 * 60);
    expect(await runJob(t.deps, flaky)).toMatchObject({ ran: true, ok: false });
    expect((await runs('test.flaky')).map((r) => r.period)).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('drops the claim of a run that found nothing to do', async () => {
    expect(await runJob(t.deps, webhookDeliveryJob)).toMatchObject({ ran: true, ok: true });
    expect(await runs('webhooks.deliver')).toEqual([]);
  });
});
