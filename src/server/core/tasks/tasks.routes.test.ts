import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/build-app';
import { runJob } from '../scheduler/scheduler';
import { escalateTasks, escalationJob } from './escalation';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const unread = async (c: Awaited<ReturnType<TestApp['signIn']>>) => (await c.get('/api/notifications/unread-count')).json().unread as number;
const advanceDays = (days: number) => t.clock.advanceMinutes(days * 24 * 60);

describe('tasks (督办)', () => {
  it('office assigns, the township submits, the office returns (reason required), the township resubmits, the office accepts', async () => {
    // The test clock starts on Monday 2 March 2026, 09:00 county time.
    const office = await t.signIn('office');
    const daying = await t.signIn('daying');
    const chengguan = await t.signIn('chengguan');
    const dayingUnit = await t.unitId('daying');

    expect((await daying.post('/api/tasks', { title: 'x', ownerUnitId: dayingUnit, dueInWorkingDays: 3 })).statusCode).toBe(403);
    const both = await office.post('/api/tasks', { title: '摸排规上企业用电情况', ownerUnitId: dayingUnit, dueInWorkingDays: 3, dueDate: '2026-03-10' });
    expect(both.statusCode).toBe(400);
    expect(both.json().fields.dueDate).toBeTruthy();
    expect((await office.post('/api/tasks', { title: '', ownerUnitId: dayingUnit, dueInWorkingDays: 3 })).json().fields.title).toBeTruthy();

    const created = await office.post('/api/tasks', { title: '摸排规上企业用电情况', description: '本周内报送', ownerUnitId: dayingUnit, dueInWorkingDays: 3 });
    expect(created.statusCode).toBe(200);
    const task = created.json();
    expect(task).toMatchObject({ type: 'adhoc', status: 'open', createdDate: '2026-03-02', dueDate: '2026-03-05', state: 'on_track' });
    expect(task.actions).toEqual(['cancel', 'assign', 'comment']);
    expect(await unread(daying)).toBe(1);
    expect(await unread(chengguan)).toBe(0);

    // Another township neither lists nor opens nor touches it.
    expect((await chengguan.get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await chengguan.post(`/api/tasks/${task.id}/transitions`, { action: 'submit' })).statusCode).toBe(404);
    expect((await chengguan.get('/api/tasks?view=all')).json().total).toBe(0);

    const mine = (await daying.get('/api/tasks?view=unit')).json();
    expect(mine.items.map((x: { id: number }) => x.id)).toEqual([task.id]);
    expect(mine.items[0].actions).toEqual(['start', 'submit', 'assign', 'comment']);

    // The township names its own handler; only its task workers qualify, and others cannot touch the assignee.
    const workers = (await daying.get(`/api/tasks/${task.id}/assignable-users`)).json();
    expect(workers.map((u: { displayName: string }) => u.displayName)).toEqual(['孙站长']);
    expect((await chengguan.put(`/api/tasks/${task.id}/assignee`, { assigneeUserId: workers[0].id })).statusCode).toBe(404);
    const chengguanUser = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'chengguan').executeTakeFirstOrThrow();
    expect((await daying.put(`/api/tasks/${task.id}/assignee`, { assigneeUserId: chengguanUser.id })).statusCode).toBe(400);
    const assigned = (await daying.put(`/api/tasks/${task.id}/assignee`, { assigneeUserId: workers[0].id })).json();
    expect(assigned.assignee).toEqual(workers[0]);
    expect((await daying.get('/api/tasks?view=mine')).json().items.map((x: { id: number }) => x.id)).toEqual([task.id]);
    expect((await daying.post(`/api/tasks/${task.id}/transitions`, { action: 'accept' })).statusCode).toBe(400);

    const submitted = await daying.post(`/api/tasks/${task.id}/transitions`, { action: 'submit', reason: '已摸排 12 家' });
    expect(submitted.json().status).toBe('submitted');
    expect(await unread(office)).toBe(1);

    const noReason = await office.post(`/api/tasks/${task.id}/transitions`, { action: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields.reason).toBeTruthy();
    expect((await office.get(`/api/tasks/${task.id}`)).json().status).toBe('submitted');

    const returned = await office.post(`/api/tasks/${task.id}/transitions`, { action: 'return', reason: '缺少用电量数据' });
    expect(returned.json().status).toBe('returned');
    expect(await unread(daying)).toBe(2);

    await daying.post(`/api/tasks/${task.id}/comments`, { text: '已补充用电量' });
    expect((await daying.post(`/api/tasks/${task.id}/transitions`, { action: 'submit' })).json().status).toBe('submitted');
    const accepted = (await office.post(`/api/tasks/${task.id}/transitions`, { action: 'accept' })).json();
    expect(accepted).toMatchObject({ status: 'done', state: 'done_on_time', finishedDate: '2026-03-02', wasOverdue: false, actions: ['comment'] });
    expect(accepted.events.map((e: { kind: string; toStatus: string | null }) => `${e.kind}:${e.toStatus ?? ''}`)).toEqual([
      'created:open',
      'assigned:',
      'transition:submitted',
      'transition:returned',
      'comment:',
      'transition:submitted',
      'transition:done',
    ]);
    expect(accepted.events[3]).toMatchObject({ text: '缺少用电量数据', user: { displayName: '王主任' } });

    const audits = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'task').where('entityId', '=', String(task.id)).execute();
    expect(audits.map((a) => a.action)).toEqual(['task.create', 'task.assign', 'task.submit', 'task.return', 'task.comment', 'task.submit', 'task.accept']);

    const xlsx = await office.get('/api/tasks/export.xlsx?view=all&status=done');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['事项', '类型', '承办单位', '经办人', '状态', '时限状态', '交办日期', '截止日期'],
      ['摸排规上企业用电情况', '交办督办', '大营镇', '孙站长', '已办结', '按期办结', '2026-03-02', '2026-03-05'],
    ]);
  });

  it('escalates an overdue task step by step, once per step even when the job runs twice', async () => {
    // Sessions expire as the clock moves on by days, so each step signs in afresh.
    let office = await t.signIn('office');
    let daying = await t.signIn('daying');
    const again = async () => {
      office = await t.signIn('office');
      daying = await t.signIn('daying');
    };
    const dayingUnit = await t.unitId('daying');
    const task = (await office.post('/api/tasks', { title: '报送技改项目清单', ownerUnitId: dayingUnit, dueDate: '2026-03-03' })).json();
    const dayingBefore = await unread(daying);
    const officeBefore = await unread(office);

    advanceDays(1); // Tue 3 March, the due day: nothing yet
    await again();
    expect(await escalateTasks(t.deps)).toBe('0 escalation step(s) applied');
    expect((await office.get('/api/tasks?state=due_soon')).json().items.map((x: { id: number }) => x.id)).toContain(task.id);

    advanceDays(1); // Wed 4 March: overdue → owner unit
    await again();
    expect(await runJob(t.deps, escalationJob)).toMatchObject({ ran: true, ok: true, message: '1 escalation step(s) applied' });
    expect(await runJob(t.deps, escalationJob)).toEqual({ ran: false });
    expect(await escalateTasks(t.deps)).toBe('0 escalation step(s) applied');
    expect(await unread(daying)).toBe(dayingBefore + 1);
    expect((await office.get('/api/tasks?state=overdue')).json().items.map((x: { id: number }) => x.id)).toEqual([task.id]);

    advanceDays(2); // Fri 6 March: 3 working days late → the office
    await again();
    await escalateTasks(t.deps);
    await escalateTasks(t.deps);
    expect(await unread(office)).toBe(officeBefore + 1);
    // The system administrator sits in the office unit but holds no task permission: no business notices.
    expect(await unread(await t.signIn('sysadmin'))).toBe(0);

    advanceDays(4); // Tue 10 March: 5 working days late → listed for the next notice
    await again();
    await Promise.all([escalateTasks(t.deps), escalateTasks(t.deps)]);
    const steps = await t.deps.db.selectFrom('taskEscalations').select('step').where('taskId', '=', task.id).orderBy('step').execute();
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3]);
    expect((await office.get('/api/tasks?listedForNotice=true')).json().items.map((x: { id: number }) => x.id)).toEqual([task.id]);

    await daying.post(`/api/tasks/${task.id}/transitions`, { action: 'submit' });
    const done = (await office.post(`/api/tasks/${task.id}/transitions`, { action: 'accept' })).json();
    expect(done).toMatchObject({ state: 'done_late', wasOverdue: true, escalationStep: 3 });
    expect(done.events.filter((e: { kind: string }) => e.kind === 'escalation').map((e: { text: string }) => e.text)).toEqual(['1', '2', '3']);

    const runs = (await office.get('/api/jobs/runs?job=tasks.escalate')).json();
    expect(runs.items).toHaveLength(1);
    expect(runs.items[0]).toMatchObject({ period: '2026-03-04', ok: true });
    expect((await daying.get('/api/jobs/runs')).statusCode).toBe(403);
    expect((await office.get('/api/jobs/runs/export.xlsx?job=tasks.escalate')).statusCode).toBe(200);
  });

  it('stops the clock at submission: a slow review neither escalates the task nor makes it late', async () => {
    const office = await t.signIn('office');
    const daying = await t.signIn('daying');
    const task = (await office.post('/api/tasks', { title: '报送月度产值', ownerUnitId: await t.unitId('daying'), dueInWorkingDays: 1 })).json();
    const submitted = (await daying.post(`/api/tasks/${task.id}/transitions`, { action: 'submit' })).json();
    advanceDays(7);
    await escalateTasks(t.deps);
    const officeLater = await t.signIn('office');
    const waiting = (await officeLater.get(`/api/tasks/${task.id}`)).json();
    expect(waiting).toMatchObject({ status: 'submitted', state: 'on_track', escalationStep: 0, submittedDate: submitted.submittedDate });
    expect((await officeLater.get('/api/tasks?state=overdue')).json().items.map((x: { id: number }) => x.id)).not.toContain(task.id);
    expect((await officeLater.get('/api/tasks?state=on_track')).json().items.map((x: { id: number }) => x.id)).toContain(task.id);
    const done = (await officeLater.post(`/api/tasks/${task.id}/transitions`, { action: 'accept' })).json();
    expect(done).toMatchObject({ state: 'done_on_time', wasOverdue: false, finishedDate: submitted.submittedDate });
  });

  it('shows a task to its co-handling units, who may comment but not submit', async () => {
    const office = await t.signIn('office');
    const chengguan = await t.signIn('chengguan');
    const task = (
      await office.post('/api/tasks', {
        title: '联合排查安全隐患',
        ownerUnitId: await t.unitId('daying'),
        coUnitIds: [await t.unitId('chengguan')],
        dueInWorkingDays: 5,
      })
    ).json();
    expect(task.coUnits.map((u: { nameZh: string }) => u.nameZh)).toEqual(['城关镇']);
    const listed = (await chengguan.get('/api/tasks?view=unit')).json().items.find((x: { id: number }) => x.id === task.id);
    expect(listed.actions).toEqual(['comment']);
    expect((await chengguan.post(`/api/tasks/${task.id}/transitions`, { action: 'submit' })).statusCode).toBe(400);
    expect((await chengguan.post(`/api/tasks/${task.id}/comments`, { text: '城关镇已配合' })).statusCode).toBe(200);
    expect((await chengguan.post(`/api/tasks/${task.id}/comments`, { text: '  ' })).statusCode).toBe(400);
    expect(
      (await office.post('/api/tasks', { title: 'x', ownerUnitId: await t.unitId('daying'), assigneeUserId: 1, dueInWorkingDays: 5 })).json().fields
        .assigneeUserId,
    ).toBeTruthy();
  });

  it('filters by enterprise and lets only the office cancel, with a reason', async () => {
    const office = await t.signIn('office');
    const daying = await t.signIn('daying');
    const task = (
      await office.post('/api/tasks', { title: '走访企业', ownerUnitId: await t.unitId('daying'), enterpriseId: 4242, dueInWorkingDays: 5 })
    ).json();
    expect((await office.get('/api/tasks?enterpriseId=4242')).json().items.map((x: { id: number }) => x.id)).toEqual([task.id]);
    expect((await daying.post(`/api/tasks/${task.id}/transitions`, { action: 'cancel', reason: '不需要' })).statusCode).toBe(400);
    expect((await office.post(`/api/tasks/${task.id}/transitions`, { action: 'cancel' })).statusCode).toBe(400);
    expect((await office.post(`/api/tasks/${task.id}/transitions`, { action: 'cancel', reason: '重复交办' })).json()).toMatchObject({
      status: 'cancelled',
      state: 'cancelled',
      actions: [],
    });
  });
});
