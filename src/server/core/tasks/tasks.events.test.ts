import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { events } from '../events/events';
import { escalateTasks } from './escalation';
import type { TaskClosed, TaskOverdue } from './task-events';
import { createTask, finishTask } from './tasks.service';

let t: TestApp;
let units: { daying: number; chengguan: number; office: number };

// A module subscribed to both events: what it sees in the publishing transaction and after the commit. `failing`
// makes its in-transaction handler throw, as a broken subscriber would.
const seen: { closed: TaskClosed[]; overdue: TaskOverdue[] } = { closed: [], overdue: [] };
const committed: { closed: TaskClosed[]; overdue: TaskOverdue[] } = { closed: [], overdue: [] };
let failing = false;

beforeAll(async () => {
  t = await createTestApp();
  units = { daying: await t.unitId('daying'), chengguan: await t.unitId('chengguan'), office: await t.unitId('office') };
  t.subscribe('tasks-events-test', {
    taskClosed: {
      inTransaction: async (_trx, _deps, _ctx, event) => {
        seen.closed.push(event);
        if (failing) throw new Error('subscriber down');
      },
      afterCommit: async (_deps, _ctx, event) => {
        committed.closed.push(event);
      },
    },
    taskOverdue: {
      inTransaction: async (_trx, _deps, _ctx, event) => {
        seen.overdue.push(event);
        if (failing) throw new Error('subscriber down');
      },
      afterCommit: async (_deps, _ctx, event) => {
        committed.overdue.push(event);
      },
    },
  });
});
afterAll(() => t.close());
beforeEach(() => {
  for (const list of [seen, committed]) {
    list.closed.length = 0;
    list.overdue.length = 0;
  }
  failing = false;
});

const advanceDays = (days: number) => t.clock.advanceMinutes(days * 24 * 60);
const signIn = async () => ({ office: await t.signIn('office'), daying: await t.signIn('daying') });
const newTask = async (office: Client, body: Record<string, unknown>) => {
  const res = await office.post('/api/tasks', { ownerUnitId: units.daying, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; dueDate: string };
};
const subject = (id: number, dueDate: string, more: Partial<TaskClosed> = {}) => ({
  taskId: id,
  type: 'adhoc',
  source: null,
  enterpriseId: null,
  ownerUnitId: units.daying,
  coUnitIds: [],
  createdByUnitId: units.office,
  dueDate,
  ...more,
});

describe('taskClosed', () => {
  it('is published once when the office accepts a task, with its units, dates and lateness; not on the steps before', async () => {
    // Monday 2 March 2026, 09:00 county time.
    const { office, daying } = await signIn();
    const task = await newTask(office, { title: '摸排规上企业用电情况', coUnitIds: [units.chengguan], dueInWorkingDays: 3 });
    expect((await daying.post(`/api/tasks/${task.id}/transitions`, { action: 'submit' })).json().status).toBe('submitted');
    expect((await office.post(`/api/tasks/${task.id}/transitions`, { action: 'return', reason: '缺少数据' })).json().status).toBe('returned');
    expect((await daying.post(`/api/tasks/${task.id}/transitions`, { action: 'submit' })).json().status).toBe('submitted');
    expect(seen.closed).toEqual([]);
    expect((await office.post(`/api/tasks/${task.id}/transitions`, { action: 'accept' })).json().status).toBe('done');
    const expected = {
      ...subject(task.id, '2026-03-05', { coUnitIds: [units.chengguan] }),
      status: 'done',
      finishedDate: '2026-03-02',
      wasOverdue: false,
      closedAt: '2026-03-02T01:00:00.000Z',
    };
    expect(seen.closed).toEqual([expected]);
    expect(committed.closed).toEqual([expected]);
  });

  it('is published when the office cancels a task', async () => {
    const { office } = await signIn();
    const task = await newTask(office, { title: '报送季度用工情况', dueDate: '2026-03-20' });
    expect((await office.post(`/api/tasks/${task.id}/transitions`, { action: 'cancel', reason: '已合并办理' })).json().status).toBe('cancelled');
    const expected = {
      ...subject(task.id, '2026-03-20'),
      status: 'cancelled',
      finishedDate: '2026-03-02',
      wasOverdue: false,
      closedAt: '2026-03-02T01:00:00.000Z',
    };
    expect(seen.closed).toEqual([expected]);
    expect(committed.closed).toEqual([expected]);
  });

  it('is published when a module finishes its task from its own record, once', async () => {
    const ctx = await t.contextOf('office');
    const id = await t.deps.db.transaction().execute((trx) =>
      createTask(trx, t.deps, ctx, {
        type: 'adhoc',
        title: '答复企业诉求',
        source: { module: 'services', recordId: 7 },
        ownerUnitId: units.daying,
        dueDate: '2026-03-10',
      }),
    );
    // The subscriber has an after-commit handler, so the module's transaction is the bus's.
    await events.transaction(t.deps, (trx) => finishTask(trx, t.deps, ctx, id, '已答复企业并办结', 'task.service_done'));
    await events.transaction(t.deps, (trx) => finishTask(trx, t.deps, ctx, id, '已答复企业并办结', 'task.service_done'));
    const expected = {
      ...subject(id, '2026-03-10', { source: { module: 'services', recordId: '7' } }),
      status: 'done',
      finishedDate: '2026-03-02',
      wasOverdue: false,
      closedAt: '2026-03-02T01:00:00.000Z',
    };
    expect(seen.closed).toEqual([expected]);
    expect(committed.closed).toEqual([expected]);
  });

  it('rolls the acceptance back when an in-transaction subscriber fails, and the after-commit one sees nothing', async () => {
    const { office, daying } = await signIn();
    const task = await newTask(office, { title: '报送技改项目清单', dueDate: '2026-03-20' });
    await daying.post(`/api/tasks/${task.id}/transitions`, { action: 'submit' });
    failing = true;
    expect((await office.post(`/api/tasks/${task.id}/transitions`, { action: 'accept' })).statusCode).toBe(500);
    expect(seen.closed).toHaveLength(1);
    expect(committed.closed).toEqual([]);
    const after = (await office.get(`/api/tasks/${task.id}`)).json();
    expect(after).toMatchObject({ status: 'submitted', finishedDate: null });
    expect(after.events.map((e: { toStatus: string | null }) => e.toStatus)).toEqual(['open', 'submitted']);
    const audits = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'task').where('entityId', '=', String(task.id)).execute();
    expect(audits.map((a) => a.action)).toEqual(['task.create', 'task.submit']);
  });
});

describe('taskOverdue', () => {
  it('is published once per escalation step by the job, with the step, however often the job runs', async () => {
    const { office } = await signIn();
    const task = await newTask(office, { title: '报送月度产值', coUnitIds: [units.chengguan], dueDate: '2026-03-03' });
    // Only the tasks of this test: the earlier ones are closed or due later than the days below.
    const ofTask = (list: TaskOverdue[]) => list.filter((e) => e.taskId === task.id);

    advanceDays(1); // Tue 3 March, the due day: not overdue yet
    await escalateTasks(t.deps);
    expect(ofTask(seen.overdue)).toEqual([]);

    advanceDays(1); // Wed 4 March: overdue, step 1
    await escalateTasks(t.deps);
    await escalateTasks(t.deps);
    const step1 = { ...subject(task.id, '2026-03-03', { coUnitIds: [units.chengguan] }), step: 1, overdueAt: '2026-03-04T01:00:00.000Z' };
    expect(ofTask(seen.overdue)).toEqual([step1]);
    expect(ofTask(committed.overdue)).toEqual([step1]);

    // Tue 10 March, a missed week: steps 2 and 3 at once, in order; a failing subscriber undoes the whole run.
    advanceDays(6);
    failing = true;
    await expect(escalateTasks(t.deps)).rejects.toThrow('subscriber down');
    expect(ofTask(committed.overdue)).toEqual([step1]);
    const claimed = await t.deps.db.selectFrom('taskEscalations').select('step').where('taskId', '=', task.id).orderBy('step').execute();
    expect(claimed.map((c) => c.step)).toEqual([1]);

    failing = false;
    seen.overdue.length = 0;
    expect(await escalateTasks(t.deps)).toBe('2 escalation step(s) applied');
    const later = [2, 3].map((step) => ({ ...step1, step, overdueAt: '2026-03-10T01:00:00.000Z' }));
    expect(ofTask(seen.overdue)).toEqual(later);
    expect(ofTask(committed.overdue)).toEqual([step1, ...later]);
    await escalateTasks(t.deps);
    expect(ofTask(committed.overdue)).toHaveLength(3);

    // Finishing it late says so.
    const signedIn = await signIn();
    expect((await signedIn.daying.post(`/api/tasks/${task.id}/transitions`, { action: 'submit' })).statusCode).toBe(200);
    expect((await signedIn.office.post(`/api/tasks/${task.id}/transitions`, { action: 'accept' })).statusCode).toBe(200);
    expect(committed.closed).toEqual([
      {
        ...subject(task.id, '2026-03-03', { coUnitIds: [units.chengguan] }),
        status: 'done',
        finishedDate: '2026-03-10',
        wasOverdue: true,
        closedAt: '2026-03-10T01:00:00.000Z',
      },
    ]);
  });
});
