import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import type { TaskClosed } from '../../core/tasks/task-events';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { escalateTasks } from '../../core/tasks/escalation';
import { ensureServicesDemo } from './services.demo';

let t: TestApp;
const c: Record<string, Client> = {};
const firms: Record<string, number> = {};
const units: Record<string, number> = {};
let general: number;

const USERS = ['office', 'wuxing', 'tiefulai', 'guoxi', 'yangzhuang', 'zhouzhuang', 'daying', 'zrzyj', 'gxj', 'sysadmin'];
async function signInAll() {
  for (const u of USERS) c[u] = await t.signIn(u);
}

// An after-commit subscriber to `taskClosed` (as assessment will be): the module's closes must publish through
// `events.transaction`, or the close fails.
const closedAfterCommit: TaskClosed[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.subscribe('services-test-task-closed', { taskClosed: { afterCommit: async (_deps, _ctx, event) => void closedAfterCommit.push(event) } });
  // Thursday 30 September 2021, the eve of National Day.
  t.clock.set('2021-09-30T02:00:00Z');
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
  await ensureServicesDemo(t.deps);
  for (const code of ['yangzhuang', 'zhouzhuang', 'zrzyj', 'gxj', 'daying']) units[code] = await t.unitId(code);
  const rows = await t.deps.db.selectFrom('enterprises').select(['id', 'uscc']).execute();
  const byUscc = (uscc: string) => rows.find((r) => r.uscc === uscc)?.id as number;
  firms.wuxing = byUscc('914104214773600MMQ');
  firms.tiefulai = byUscc('914104214220MM8M13');
  firms.jinsheng = byUscc('9141042145138A107U'); // 大营镇
  await signInAll();
  general = (await c.office.get('/api/services/categories')).json().items.find((x: { code: string }) => x.code === 'general').id;
});
afterAll(() => t.close());

const count = async (table: 'serviceRequests' | 'serviceRequestEvents' | 'serviceRequestParts' | 'tasks' | 'users') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const counts = async () => Promise.all((['serviceRequests', 'serviceRequestEvents', 'serviceRequestParts', 'tasks'] as const).map(count));

let id: number;

describe('a firm submits a request; its township receives it first and owns it', () => {
  it('portal request: owner is the township, due on the county calendar across National Day (make-up 9 October counted)', async () => {
    const res = await c.wuxing.post('/api/services/requests', { categoryId: general, title: '厂区用电增容', content: '新上生产线需要增容 800 千伏安' });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    id = r.id;
    expect(r.enterprise.id).toBe(firms.wuxing);
    expect(r.ownerUnit.id).toBe(units.yangzhuang);
    expect(r.channel).toBe('portal');
    expect(r.receivedDate).toBe('2021-09-30');
    expect(r.dueDate).toBe('2021-10-13');
    expect(r.actions).toEqual(['comment']);
    const task = await t.deps.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', r.taskId ?? 0)
      .executeTakeFirst();
    // The firm does not see the task id; the township does.
    expect(task).toBeUndefined();
    const staff = (await c.yangzhuang.get(`/api/services/requests/${id}`)).json();
    const owned = await t.deps.db.selectFrom('tasks').selectAll().where('id', '=', staff.taskId).executeTakeFirstOrThrow();
    expect(owned).toMatchObject({ type: 'service_request', ownerUnitId: units.yangzhuang, dueDate: '2021-10-13', enterpriseId: firms.wuxing });
    expect((await c.yangzhuang.get(`/api/tasks/${staff.taskId}`)).json().sourceLabel).toEqual({
      zh: `企业诉求 ${staff.title}`,
      en: `Request ${staff.title}`,
      path: `/services/requests/${id}`,
    });
    expect(staff.actions).toEqual(['note', 'transfer', 'reply', 'lift']);
  });

  it('bad input is refused with nothing written', async () => {
    const before = await counts();
    const cases: [Client, unknown, number][] = [
      [c.wuxing, { categoryId: 99999, title: 'x', content: 'y' }, 400],
      [c.wuxing, { categoryId: general, title: 'x', content: '   ' }, 400],
      [c.wuxing, { categoryId: general, title: '', content: 'y' }, 400],
      [c.wuxing, { categoryId: general, title: 'x', content: 'y', channel: 'hotline' }, 400],
      [c.wuxing, { categoryId: general, title: 'x', content: 'y', extra: 1 }, 400],
      [c.wuxing, { categoryId: general, title: 'x', content: 'y', enterpriseId: firms.tiefulai }, 404],
      // Staff enter requests received by visit, hotline or meeting, for a firm they can see.
      [c.yangzhuang, { enterpriseId: firms.wuxing, categoryId: general, title: 'x', content: 'y' }, 400],
      [c.yangzhuang, { enterpriseId: firms.tiefulai, categoryId: general, title: 'x', content: 'y', channel: 'visit' }, 400],
      [c.yangzhuang, { categoryId: general, title: 'x', content: 'y', channel: 'visit' }, 400],
      [c.sysadmin, { enterpriseId: firms.wuxing, categoryId: general, title: 'x', content: 'y', channel: 'visit' }, 403],
    ];
    for (const [client, body, status] of cases) expect((await client.post('/api/services/requests', body)).statusCode, JSON.stringify(body)).toBe(status);
    const unknown = await c.wuxing.post('/api/services/requests', { categoryId: 99999, title: 'x', content: 'y' });
    expect(unknown.json().fields.categoryId).toBeTruthy();
    expect(await counts()).toEqual(before);
  });

  it('staff enter a hotline request: their unit receives it first', async () => {
    const res = await c.gxj.post('/api/services/requests', {
      enterpriseId: firms.tiefulai,
      channel: 'hotline',
      categoryId: general,
      title: '12345 转办：道路破损',
      content: '厂区门口道路破损',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().ownerUnit.id).toBe(units.gxj);
    expect(res.json().townshipUnit.id).toBe(units.zhouzhuang);
  });
});

describe('who sees what', () => {
  it('a firm sees only its own requests and profile: another firm’s answer 404 whatever it does', async () => {
    expect((await c.tiefulai.get(`/api/services/requests/${id}`)).statusCode).toBe(404);
    expect((await c.tiefulai.post(`/api/services/requests/${id}/comments`, { text: '看看' })).statusCode).toBe(404);
    expect((await c.tiefulai.post(`/api/services/requests/${id}/rating`, { rating: 'satisfied' })).statusCode).toBe(404);
    expect((await c.tiefulai.post(`/api/services/requests/999999/rating`, { rating: 'satisfied' })).statusCode).toBe(404);
    const list = (await c.tiefulai.get('/api/services/requests')).json();
    expect(list.items.every((r: { enterprise: { id: number } }) => r.enterprise.id === firms.tiefulai)).toBe(true);
    expect((await c.wuxing.get('/api/services/requests')).json().total).toBe(1);
    // Profiles: its own, and no other.
    expect((await c.wuxing.get(`/api/enterprises/${firms.wuxing}`)).statusCode).toBe(200);
    expect((await c.wuxing.get(`/api/enterprises/${firms.tiefulai}`)).statusCode).toBe(404);
    const dir = (await c.wuxing.get('/api/enterprises')).json();
    expect(dir.items.map((e: { id: number }) => e.id)).toEqual([firms.wuxing]);
    // Staff-only routes are closed to firms.
    expect((await c.wuxing.post(`/api/services/requests/${id}/notes`, { text: 'x' })).statusCode).toBe(403);
    expect((await c.wuxing.get('/api/tasks')).statusCode).toBe(403);
  });

  it('a township sees its firms’ requests, not another township’s', async () => {
    expect((await c.zhouzhuang.get(`/api/services/requests/${id}`)).statusCode).toBe(404);
    expect((await c.daying.get(`/api/services/requests/${id}`)).statusCode).toBe(404);
    const list = (await c.zhouzhuang.get('/api/services/requests')).json();
    // 铁福来's hotline request (owned by 工信局) is in 周庄镇's list as its firm's.
    expect(list.items.map((r: { enterprise: { id: number } }) => r.enterprise.id)).toEqual([firms.tiefulai]);
    expect((await c.office.get('/api/services/requests')).json().total).toBe(2);
    // 自然资源局 handles no part yet.
    expect((await c.zrzyj.get(`/api/services/requests/${id}`)).statusCode).toBe(404);
  });
});

describe('首接负责制: parts handed to other units, the owner stays', () => {
  it('hands a part to 自然资源局: a task of that unit with its own deadline, the owner unchanged', async () => {
    expect((await c.gxj.post(`/api/services/requests/${id}/parts`, { unitId: units.zrzyj, reason: 'x', workingDays: 3 })).statusCode).toBe(404);
    expect((await c.yangzhuang.post(`/api/services/requests/${id}/parts`, { unitId: units.yangzhuang, reason: 'x', workingDays: 3 })).statusCode).toBe(400);
    const handover = (await c.yangzhuang.get('/api/services/handover-units')).json().items;
    expect(handover.map((u: { id: number }) => u.id)).toContain(units.zrzyj);
    expect((await c.wuxing.get('/api/services/handover-units')).statusCode).toBe(403);
    const res = await c.yangzhuang.post(`/api/services/requests/${id}/parts`, { unitId: units.zrzyj, reason: '涉及用地红线核实', workingDays: 3 });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.ownerUnit.id).toBe(units.yangzhuang);
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]).toMatchObject({ unit: { id: units.zrzyj }, status: 'open', dueDate: '2021-10-11' });
    const task = await t.deps.db.selectFrom('tasks').selectAll().where('id', '=', r.parts[0].taskId).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ type: 'service_part', ownerUnitId: units.zrzyj, createdByUnitId: units.yangzhuang });
    expect(r.actions).toEqual(['note', 'transfer', 'lift']);
    // The unit handling the part now sees the request, and may reply to its part only.
    const seen = (await c.zrzyj.get(`/api/services/requests/${id}`)).json();
    expect(seen.parts[0].canReply).toBe(true);
    expect(seen.actions).toEqual(['note', 'lift']);
    expect((await c.zrzyj.get('/api/services/requests')).json().total).toBe(1);
    // The firm does not see the units' internal parts and notes.
    const firmView = (await c.wuxing.get(`/api/services/requests/${id}`)).json();
    expect(firmView.parts).toEqual([]);
    expect(firmView.events.map((e: { kind: string }) => e.kind)).toEqual(['submitted']);
  });

  it('the owner cannot close while a part is open; the part unit replies; the owner replies and closes', async () => {
    const before = await counts();
    expect((await c.yangzhuang.post(`/api/services/requests/${id}/reply`, { text: '已办结' })).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    const partId = (await c.zrzyj.get(`/api/services/requests/${id}`)).json().parts[0].id;
    expect((await c.yangzhuang.post(`/api/services/requests/${id}/parts/${partId}/reply`, { text: 'x' })).statusCode).toBe(403);
    const replied = await c.zrzyj.post(`/api/services/requests/${id}/parts/${partId}/reply`, { text: '用地红线已核实，符合规划' });
    expect(replied.statusCode).toBe(200);
    expect(replied.json().parts[0].status).toBe('replied');
    expect(replied.json().ownerUnit.id).toBe(units.yangzhuang);
    t.clock.set('2021-10-08T02:00:00Z');
    await signInAll();
    const closed = await c.yangzhuang.post(`/api/services/requests/${id}/reply`, { text: '已协调供电公司完成增容' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedDate: '2021-10-08', onTime: true, workingDays: 1 });
    const tasks = await t.deps.db.selectFrom('tasks').select(['type', 'status']).where('enterpriseId', '=', firms.wuxing).execute();
    expect(tasks.every((x) => x.status === 'done')).toBe(true);
  });
});

describe('ratings: 不满意 reopens once', () => {
  it('rating an open request is a 409 with nothing written; staff cannot rate', async () => {
    const other = (await c.tiefulai.post('/api/services/requests', { categoryId: general, title: '融资', content: '流动资金贷款' })).json();
    const before = await counts();
    expect((await c.tiefulai.post(`/api/services/requests/${other.id}/rating`, { rating: 'satisfied' })).statusCode).toBe(409);
    expect((await c.tiefulai.post(`/api/services/requests/${other.id}/rating`, { rating: 'great' })).statusCode).toBe(400);
    expect((await c.office.post(`/api/services/requests/${id}/rating`, { rating: 'satisfied' })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('不满意 reopens with a new deadline and a new task; the second 不满意 confirms it', async () => {
    const res = await c.wuxing.post(`/api/services/requests/${id}/rating`, { rating: 'unsatisfied', comment: '增容后电压仍不稳' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', reopenCount: 1, dueDate: '2021-10-14', closedDate: null, rating: null });
    expect(res.json().events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'reply', 'rating', 'reopen']);
    const staff = (await c.yangzhuang.get(`/api/services/requests/${id}`)).json();
    expect(staff.ownerUnit.id).toBe(units.yangzhuang);
    const task = await t.deps.db.selectFrom('tasks').selectAll().where('id', '=', staff.taskId).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ status: 'open', dueDate: '2021-10-14', sourceId: `${id}/reopen1` });
    expect((await c.yangzhuang.post(`/api/services/requests/${id}/reply`, { text: '已加装稳压设备' })).statusCode).toBe(200);
    const again = await c.wuxing.post(`/api/services/requests/${id}/rating`, { rating: 'unsatisfied', comment: '仍有问题' });
    expect(again.json()).toMatchObject({ status: 'confirmed', rating: 'unsatisfied', reopenCount: 1, actions: [] });
    expect((await c.wuxing.post(`/api/services/requests/${id}/comments`, { text: '再补充' })).statusCode).toBe(409);
    expect((await c.wuxing.post(`/api/services/requests/${id}/rating`, { rating: 'satisfied' })).statusCode).toBe(409);
  });

  it('a firm is told when its request is answered', async () => {
    const inbox = (await c.wuxing.get('/api/notifications')).json();
    expect(inbox.items.some((n: { titleZh: string }) => n.titleZh.includes('厂区用电增容'))).toBe(true);
  });
});

describe('unit statistics', () => {
  it('per owner unit for the year and the quarter: on-time and satisfaction rates, average working days', async () => {
    const year = (await c.office.get('/api/services/stats?year=2021')).json();
    const yz = year.items.find((x: { unit: { id: number } }) => x.unit.id === units.yangzhuang);
    expect(yz).toMatchObject({ received: 1, closed: 1, onTime: 1, rated: 1, satisfied: 0, onTimeRate: 100, satisfactionRate: 0, avgWorkingDays: 1 });
    const zr = year.items.find((x: { unit: { id: number } }) => x.unit.id === units.zrzyj);
    expect(zr).toMatchObject({ parts: 1, partsOnTime: 1 });
    expect((await c.office.get('/api/services/stats?year=2021&quarter=1')).json().items).toEqual([]);
    // A township sees its own unit's figures only.
    const own = (await c.zhouzhuang.get('/api/services/stats?year=2021')).json();
    expect(own.items.map((x: { unit: { id: number } }) => x.unit.id)).toEqual([units.zhouzhuang]);
    expect((await c.office.get('/api/services/stats?year=21')).statusCode).toBe(400);
  });
});

describe('enterprise accounts', () => {
  it('the township makes an account for its own firm only: enterprise role, one-time password, audited', async () => {
    const before = await count('users');
    expect((await c.daying.post('/api/services/accounts', { enterpriseId: firms.wuxing, username: 'wx2', displayName: '五星二号' })).statusCode).toBe(400);
    expect((await c.sysadmin.post('/api/services/accounts', { enterpriseId: firms.jinsheng, username: 'js1', displayName: '金盛' })).statusCode).toBe(403);
    expect((await c.daying.post('/api/services/accounts', { enterpriseId: firms.jinsheng, username: 'wuxing', displayName: '重名' })).statusCode).toBe(400);
    expect(await count('users')).toBe(before);
    const res = await c.daying.post('/api/services/accounts', {
      enterpriseId: firms.jinsheng,
      username: 'jinsheng',
      displayName: '金盛 联络员',
      phone: '13800000000',
    });
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect(temporaryPassword).toHaveLength(16);
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('action', '=', 'user.create_enterprise_account').executeTakeFirstOrThrow();
    expect(audit.entityId).toBe(String(res.json().id));
    const firm = await t.signIn('jinsheng', temporaryPassword);
    const me = (await firm.get('/api/auth/me')).json();
    expect(me.passwordChangeReason).toBe('first_login');
    expect(me.enterprise).toEqual({ id: firms.jinsheng, name: expect.any(String) });
    expect(me.roles.map((r: { code: string }) => r.code)).toEqual(['enterprise']);
    const list = (await c.daying.get('/api/services/accounts')).json();
    expect(list.items.map((a: { username: string }) => a.username)).toEqual(['jinsheng']);
    expect((await c.office.get('/api/services/accounts')).json().total).toBe(4);
  });
});

describe('categories are data the office edits', () => {
  it('edits a time limit; new requests get it', async () => {
    const res = await c.office.patch(`/api/services/categories/${general}`, { limitDays: 4 });
    expect(res.json()).toMatchObject({ code: 'general', limitDays: 4, nameZh: '一般协调' });
    expect((await c.yangzhuang.patch(`/api/services/categories/${general}`, { limitDays: 4 })).statusCode).toBe(403);
    expect((await c.office.patch(`/api/services/categories/${general}`, { limitDays: 0 })).statusCode).toBe(400);
    const r = (await c.wuxing.post('/api/services/requests', { categoryId: general, title: '招工', content: '需要技术工人' })).json();
    expect(r.dueDate).toBe('2021-10-13');
  });
});

describe('deadlines escalate through the task engine (rules.md: Tasks and service requests)', () => {
  const task = (taskId: number) =>
    t.deps.db.selectFrom('tasks').select(['id', 'status', 'dueDate', 'escalationStep']).where('id', '=', taskId).executeTakeFirstOrThrow();
  const noticesOf = (taskId: number) =>
    t.deps.db
      .selectFrom('notifications')
      .select(['kind', 'userId'])
      .where('entityType', '=', 'task')
      .where('entityId', '=', String(taskId))
      .where('kind', 'like', 'task.escalation.%')
      .execute();

  it('an overdue request and its overdue part each escalate by the engine’s job; a replied part stops', async () => {
    // Monday 1 November 2021: no holiday in the month.
    t.clock.set('2021-11-01T02:00:00Z');
    await signInAll();
    const made = await c.wuxing.post('/api/services/requests', { categoryId: general, title: '污水管网接入', content: '新厂区需接入园区污水管网' });
    expect(made.statusCode, made.body).toBe(200);
    const r = made.json();
    const owner = (await c.yangzhuang.get(`/api/services/requests/${r.id}`)).json();
    const handed = await c.yangzhuang.post(`/api/services/requests/${r.id}/parts`, { unitId: units.zrzyj, reason: '管网穿越用地', workingDays: 2 });
    expect(handed.statusCode, handed.body).toBe(200);
    const withPart = handed.json();
    const part = withPart.parts[0];
    // The request's and the part's deadlines are those of their tasks.
    expect((await task(owner.taskId)).dueDate).toBe(owner.dueDate);
    expect(owner.dueDate).toBe('2021-11-05');
    expect((await task(part.taskId)).dueDate).toBe(part.dueDate);
    expect(part.dueDate).toBe('2021-11-03');

    // Thursday 4 November: the part is overdue (step 1 to 自然资源局), the request not yet.
    t.clock.set('2021-11-04T02:00:00Z');
    await escalateTasks(t.deps);
    expect((await task(part.taskId)).escalationStep).toBe(1);
    expect((await task(owner.taskId)).escalationStep).toBe(0);
    expect((await noticesOf(part.taskId)).map((n) => n.kind)).toContain('task.escalation.1');

    // 自然资源局 replies: its part's task is done and escalates no further. (Sessions lapse as the clock moves.)
    await signInAll();
    expect((await c.zrzyj.post(`/api/services/requests/${r.id}/parts/${part.id}/reply`, { text: '已核实' })).statusCode).toBe(200);
    // Tuesday 9 November: the request is overdue by two working days (step 2, the office), the part stays at step 1.
    t.clock.set('2021-11-09T02:00:00Z');
    await signInAll();
    await escalateTasks(t.deps);
    expect((await c.yangzhuang.get(`/api/services/requests/${r.id}`)).json()).toMatchObject({ overdue: true, dueDate: '2021-11-05' });
    expect((await task(part.taskId)).escalationStep).toBe(1);
    expect((await task(owner.taskId)).escalationStep).toBe(2);
    const kinds = (await noticesOf(owner.taskId)).map((n) => n.kind);
    expect(new Set(kinds)).toEqual(new Set(['task.escalation.1', 'task.escalation.2']));
    // Run again the same day: nothing twice.
    await escalateTasks(t.deps);
    expect((await noticesOf(owner.taskId)).length).toBe(kinds.length);
    // Closing the request finishes its task: no more steps.
    expect((await c.yangzhuang.post(`/api/services/requests/${r.id}/reply`, { text: '已接入' })).json()).toMatchObject({ status: 'closed', onTime: false });
    t.clock.set('2021-11-16T02:00:00Z');
    await escalateTasks(t.deps);
    expect(await task(owner.taskId)).toMatchObject({ status: 'done', escalationStep: 2 });
  });
});
