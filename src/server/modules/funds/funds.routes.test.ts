import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import type { TaskClosed } from '../../core/tasks/task-events';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { ensureServicesDemo } from '../services';

let t: TestApp;
const c: Record<string, Client> = {};
const firms: Record<string, number> = {};
const units: Record<string, number> = {};

const USERS = ['office', 'leader', 'wuxing', 'tiefulai', 'guoxi', 'yangzhuang', 'zhouzhuang', 'gxj', 'sysadmin'];

// An after-commit subscriber to `taskClosed` (as assessment will be): the module's closes must publish through
// `events.transaction`, or the close fails.
const closedAfterCommit: TaskClosed[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.subscribe('funds-test-task-closed', { taskClosed: { afterCommit: async (_deps, _ctx, event) => void closedAfterCommit.push(event) } });
  t.clock.set('2026-03-02T02:00:00Z');
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
  await ensureServicesDemo(t.deps);
  for (const code of ['yangzhuang', 'zhouzhuang', 'gxj', 'kjj', 'office']) units[code] = await t.unitId(code);
  const rows = await t.deps.db.selectFrom('enterprises').select(['id', 'uscc']).execute();
  const byUscc = (uscc: string) => rows.find((r) => r.uscc === uscc)?.id as number;
  firms.wuxing = byUscc('914104214773600MMQ');
  firms.tiefulai = byUscc('914104214220MM8M13');
  for (const u of USERS) c[u] = await t.signIn(u);
});
afterAll(() => t.close());

type Table = 'fundProgrammes' | 'fundCategories' | 'fundApplications' | 'fundApplicationEvents' | 'fundDisbursements' | 'tasks' | 'auditLog';
const count = async (table: Table) =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const TABLES: Table[] = ['fundProgrammes', 'fundCategories', 'fundApplications', 'fundApplicationEvents', 'fundDisbursements', 'tasks'];
const counts = () => Promise.all(TABLES.map(count));

let serial = 0;
async function programme(over: Record<string, unknown> = {}) {
  const res = await c.office.post('/api/funds/programmes', {
    fund: 'industry',
    name: `工业发展资金 ${++serial}`,
    year: 2026,
    budgetFen: 2_000_000_000,
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    materials: '申请表；审计报告',
    basis: '宝政〔2021〕8 号',
    categories: [
      { name: '技术改造补助', ruleKind: 'share', shareBp: 1000, capFen: 500_000_000 },
      { name: '新增规上工业企业奖励', ruleKind: 'fixed', amountFen: 10_000_000 },
    ],
    ...over,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; categories: { id: number; name: string }[]; remainingFen: number };
}

let p: Awaited<ReturnType<typeof programme>>;
let appId: number;

describe('programmes', () => {
  it('the office opens a programme with award categories; firms read it', async () => {
    p = await programme();
    expect(p.remainingFen).toBe(2_000_000_000);
    const seen = (await c.wuxing.get(`/api/funds/programmes/${p.id}`)).json();
    expect(seen).toMatchObject({ name: p.categories ? `工业发展资金 ${serial}` : '', open: true, budgetFen: 2_000_000_000 });
    expect(seen.categories.map((x: { name: string }) => x.name)).toEqual(['技术改造补助', '新增规上工业企业奖励']);
    const list = (await c.office.get('/api/funds/programmes?year=2026&sort=budgetFen&order=desc')).json();
    expect(list.total).toBeGreaterThanOrEqual(1);
  });

  it('negative money, fractional fen, incomplete rules and bad dates are 400 with nothing written; firms cannot create', async () => {
    const before = await counts();
    const cases: Record<string, unknown>[] = [
      { budgetFen: -100 },
      { budgetFen: 100.5 },
      { budgetFen: 0 },
      { categories: [{ name: 'x', ruleKind: 'fixed', amountFen: -1 }] },
      { categories: [{ name: 'x', ruleKind: 'fixed', amountFen: 1.5 }] },
      { categories: [{ name: 'x', ruleKind: 'share', shareBp: 1000 }] },
      { categories: [] },
      { opensOn: '2026-06-01', closesOn: '2026-05-01' },
      { reviewUnitId: units.yangzhuang },
    ];
    for (const over of cases) {
      const res = await c.office.post('/api/funds/programmes', {
        fund: 'industry',
        name: `坏 ${++serial}`,
        year: 2026,
        budgetFen: 1000,
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
        categories: [{ name: '奖励', ruleKind: 'fixed', amountFen: 100 }],
        ...over,
      });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
    }
    expect((await c.wuxing.post('/api/funds/programmes', { fund: 'industry' })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

describe('a firm applies on its portal; the application passes three steps and is paid twice', () => {
  it('applies: the amount follows the rule (10 % of 30,000,000 元 capped at 5,000,000 元), preliminary review by its township as a task', async () => {
    const res = await c.wuxing.post('/api/funds/applications', {
      programmeId: p.id,
      categoryId: p.categories[0]?.id,
      title: '高纯石墨生产线技术改造',
      investmentFen: 6_000_000_000,
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    appId = a.id;
    expect(a).toMatchObject({ status: 'preliminary', requestedFen: 500_000_000, enterprise: { id: firms.wuxing }, reviewUnit: { id: units.yangzhuang } });
    expect(a.taskId).toBeNull(); // the firm follows its status, not the reviewers' tasks
    expect(a.actions).toEqual([]);
    const staff = (await c.yangzhuang.get(`/api/funds/applications/${appId}`)).json();
    expect(staff.actions).toEqual(['preliminary', 'reject']);
    const task = await t.deps.db.selectFrom('tasks').selectAll().where('id', '=', staff.taskId).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ type: 'fund_review', ownerUnitId: units.yangzhuang, enterpriseId: firms.wuxing, status: 'open' });
    expect(task.dueDate > '2026-03-02').toBe(true);
  });

  it('another firm cannot read it (404) nor see it listed; a firm cannot apply for another firm', async () => {
    expect((await c.tiefulai.get(`/api/funds/applications/${appId}`)).statusCode).toBe(404);
    expect((await c.tiefulai.get('/api/funds/applications')).json().items.some((x: { id: number }) => x.id === appId)).toBe(false);
    expect((await c.wuxing.get('/api/funds/applications')).json().items.map((x: { id: number }) => x.id)).toContain(appId);
    expect((await c.zhouzhuang.get(`/api/funds/applications/${appId}`)).statusCode).toBe(404);
    const before = await counts();
    const res = await c.wuxing.post('/api/funds/applications', {
      enterpriseId: firms.tiefulai,
      programmeId: p.id,
      categoryId: p.categories[1]?.id,
      title: 'x',
    });
    expect(res.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('bad applications are refused with nothing written: negative or fractional money, a closed programme, a foreign category, no investment', async () => {
    const closed = await programme({ opensOn: '2026-01-01', closesOn: '2026-02-28' });
    const before = await counts();
    const cases: [Record<string, unknown>, number][] = [
      [{ programmeId: p.id, categoryId: p.categories[0]?.id, title: 'x', investmentFen: -5 }, 400],
      [{ programmeId: p.id, categoryId: p.categories[0]?.id, title: 'x', investmentFen: 10.5 }, 400],
      [{ programmeId: p.id, categoryId: p.categories[0]?.id, title: 'x' }, 400],
      [{ programmeId: p.id, categoryId: closed.categories[1]?.id, title: 'x' }, 400],
      [{ programmeId: p.id, categoryId: p.categories[1]?.id, title: '  ' }, 400],
      [{ programmeId: 999999, categoryId: p.categories[1]?.id, title: 'x' }, 400],
      [{ programmeId: closed.id, categoryId: closed.categories[1]?.id, title: 'x' }, 409],
    ];
    for (const [body, status] of cases) expect((await c.wuxing.post('/api/funds/applications', body)).statusCode, JSON.stringify(body)).toBe(status);
    expect(await counts()).toEqual(before);
  });

  it('only the step’s unit acts: the leader or a firm cannot review, another step is 403 or 409, a return needs its reason', async () => {
    const before = await counts();
    expect((await c.leader.post(`/api/funds/applications/${appId}/preliminary`, { decision: 'pass' })).statusCode).toBe(403);
    expect((await c.wuxing.post(`/api/funds/applications/${appId}/preliminary`, { decision: 'pass' })).statusCode).toBe(403);
    expect((await c.yangzhuang.post(`/api/funds/applications/${appId}/approval`, { decision: 'pass' })).statusCode).toBe(403);
    expect((await c.gxj.post(`/api/funds/applications/${appId}/preliminary`, { decision: 'pass' })).statusCode).toBe(404);
    expect((await c.office.post(`/api/funds/applications/${appId}/office-review`, { decision: 'pass' })).statusCode).toBe(409);
    expect((await c.leader.post(`/api/funds/applications/${appId}/approval`, { decision: 'pass' })).statusCode).toBe(409);
    expect((await c.yangzhuang.post(`/api/funds/applications/${appId}/preliminary`, { decision: 'return' })).statusCode).toBe(400);
    expect((await c.yangzhuang.post(`/api/funds/applications/${appId}/preliminary`, { decision: 'return', reason: '   ' })).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('a return goes back to the firm with its reason; the firm resubmits', async () => {
    const ret = await c.yangzhuang.post(`/api/funds/applications/${appId}/preliminary`, { decision: 'return', reason: '缺少投资审计报告' });
    expect(ret.statusCode, ret.body).toBe(200);
    const mine = (await c.wuxing.get(`/api/funds/applications/${appId}`)).json();
    expect(mine).toMatchObject({ status: 'returned', actions: ['resubmit'] });
    expect(mine.events.at(-1)).toMatchObject({ kind: 'preliminary_return', text: '缺少投资审计报告' });
    const again = await c.wuxing.post(`/api/funds/applications/${appId}/resubmit`, { investmentFen: 3_000_000_000 });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'preliminary', requestedFen: 300_000_000 });
    expect((await c.tiefulai.post(`/api/funds/applications/${appId}/resubmit`, {})).statusCode).toBe(404);
  });

  it('township → office (recommends an amount) → leader approves; each step a new task; the firm sees its status', async () => {
    expect((await c.yangzhuang.post(`/api/funds/applications/${appId}/preliminary`, { decision: 'pass' })).json().status).toBe('office');
    const over = await c.office.post(`/api/funds/applications/${appId}/office-review`, { decision: 'pass', amountFen: 300_000_001 });
    expect(over.statusCode).toBe(400);
    const office = await c.office.post(`/api/funds/applications/${appId}/office-review`, { decision: 'pass', amountFen: 280_000_000 });
    expect(office.json()).toMatchObject({ status: 'leader', recommendedFen: 280_000_000, actions: [] });
    const leaderView = (await c.leader.get(`/api/funds/applications/${appId}`)).json();
    expect(leaderView.actions).toEqual(['leader', 'reject']);
    const task = await t.deps.db.selectFrom('tasks').selectAll().where('id', '=', leaderView.taskId).executeTakeFirstOrThrow();
    expect(task.ownerUnitId).toBe(await t.unitId('baofeng'));
    const waiting = (await c.leader.get('/api/funds/applications?mine=true')).json();
    expect(waiting.items.map((x: { id: number }) => x.id)).toContain(appId);
    const approved = await c.leader.post(`/api/funds/applications/${appId}/approval`, { decision: 'pass' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedFen: 280_000_000 });
    const steps = await t.deps.db.selectFrom('tasks').select(['status']).where('type', '=', 'fund_review').where('sourceId', 'like', `${appId}/%`).execute();
    expect(steps.length).toBe(4); // preliminary (returned), preliminary again, office, leader
    expect(steps.every((s) => s.status === 'done')).toBe(true);
    expect((await c.wuxing.get(`/api/funds/applications/${appId}`)).json().status).toBe('approved');
    const budget = (await c.office.get('/api/funds/budget?year=2026')).json();
    expect(budget.items.find((r: { programme: { id: number } }) => r.programme.id === p.id)).toMatchObject({
      budgetFen: 2_000_000_000,
      approvedFen: 280_000_000,
      remainingFen: 1_720_000_000,
      disbursedFen: 0,
    });
  });

  it('paid in two disbursements up to the approved amount; more is a 409 with what remains, nothing written', async () => {
    expect((await c.wuxing.post(`/api/funds/applications/${appId}/disbursements`, { amountFen: 1, paidDate: '2026-03-02' })).statusCode).toBe(403);
    const first = await c.office.post(`/api/funds/applications/${appId}/disbursements`, { amountFen: 180_000_000, paidDate: '2026-03-01', note: '第一笔' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'approved', disbursedFen: 180_000_000 });
    const before = await counts();
    const over = await c.office.post(`/api/funds/applications/${appId}/disbursements`, { amountFen: 100_000_001, paidDate: '2026-03-02' });
    expect(over.statusCode).toBe(409);
    expect(over.json().fields.amountFen).toContain('1,000,000.00');
    expect((await c.office.post(`/api/funds/applications/${appId}/disbursements`, { amountFen: -1, paidDate: '2026-03-02' })).statusCode).toBe(400);
    expect((await c.office.post(`/api/funds/applications/${appId}/disbursements`, { amountFen: 0.5, paidDate: '2026-03-02' })).statusCode).toBe(400);
    expect((await c.office.post(`/api/funds/applications/${appId}/disbursements`, { amountFen: 1, paidDate: '2026-03-03' })).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    const second = await c.office.post(`/api/funds/applications/${appId}/disbursements`, { amountFen: 100_000_000, paidDate: '2026-03-02' });
    expect(second.json()).toMatchObject({ status: 'paid', disbursedFen: 280_000_000 });
    expect(second.json().disbursements).toHaveLength(2);
    const mine = (await c.wuxing.get(`/api/funds/applications/${appId}`)).json();
    expect(mine).toMatchObject({ status: 'paid', disbursedFen: 280_000_000 });
    const budget = (await c.leader.get('/api/funds/budget?year=2026')).json();
    expect(budget.items.find((r: { programme: { id: number } }) => r.programme.id === p.id)).toMatchObject({
      approvedFen: 280_000_000,
      disbursedFen: 280_000_000,
    });
    expect((await c.wuxing.get('/api/funds/budget')).statusCode).toBe(403);
    const xlsx = await c.office.get('/api/funds/budget/export.xlsx?year=2026');
    expect(xlsx.statusCode).toBe(200);
    expect((await c.office.get('/api/funds/applications/export.xlsx?status=paid')).statusCode).toBe(200);
  });

  it('every approval and amount change is audited', async () => {
    const rows = await t.deps.db
      .selectFrom('auditLog')
      .select(['action'])
      .where('entityType', '=', 'fund_application')
      .where('entityId', '=', String(appId))
      .execute();
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'fund_application.create',
        'fund_application.return',
        'fund_application.resubmit',
        'fund_application.preliminary_pass',
        'fund_application.office_pass',
        'fund_application.approve',
        'fund_application.disburse',
      ]),
    );
    expect(actions.filter((a) => a === 'fund_application.disburse')).toHaveLength(2);
  });

  it('the budget cannot be cut below what is approved (409), and a department reviews what its programme names', async () => {
    const before = await counts();
    expect((await c.office.patch(`/api/funds/programmes/${p.id}`, { budgetFen: 279_999_999 })).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    const sci = await programme({
      fund: 'innovation',
      reviewUnitId: units.gxj,
      categories: [{ name: '研发机构奖励', ruleKind: 'fixed', amountFen: 50_000_000 }],
    });
    const a = (await c.wuxing.post('/api/funds/applications', { programmeId: sci.id, categoryId: sci.categories[0]?.id, title: '研究中心' })).json();
    expect(a.reviewUnit.id).toBe(units.gxj);
    // The firm's township sees it but does not review it.
    expect((await c.yangzhuang.get(`/api/funds/applications/${a.id}`)).json().actions).toEqual([]);
    expect((await c.yangzhuang.post(`/api/funds/applications/${a.id}/preliminary`, { decision: 'pass' })).statusCode).toBe(403);
    expect((await c.gxj.post(`/api/funds/applications/${a.id}/preliminary`, { decision: 'pass' })).json().status).toBe('office');
  });
});

describe('budgets hold under concurrency', () => {
  it('20 concurrent approvals whose sum exceeds the remainder: Σ approved ≤ budget exactly, the losers 409 with the remainder', async () => {
    const race = await programme({ budgetFen: 1_050_000, categories: [{ name: '定额奖励', ruleKind: 'fixed', amountFen: 100_000 }] });
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await c.office.post('/api/funds/applications', {
        enterpriseId: firms.wuxing,
        programmeId: race.id,
        categoryId: race.categories[0]?.id,
        title: `竞争 ${i}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      ids.push(res.json().id);
    }
    await t.deps.db.updateTable('fundApplications').set({ status: 'leader' }).where('id', 'in', ids).execute();
    const results = await Promise.all(ids.map((id) => c.leader.post(`/api/funds/applications/${id}/approval`, { decision: 'pass' })));
    const won = results.filter((r) => r.statusCode === 200);
    const lost = results.filter((r) => r.statusCode === 409);
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(10);
    for (const r of lost) expect(r.json().fields.amountFen).toContain('500.00');
    const row = await t.deps.db.selectFrom('fundProgrammes').selectAll().where('id', '=', race.id).executeTakeFirstOrThrow();
    const sum = await t.deps.db
      .selectFrom('fundApplications')
      .select((eb) => eb.fn.sum<number>('approvedFen').as('s'))
      .where('programmeId', '=', race.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.approvedFen)).toBe(1_000_000);
    expect(Number(sum.s)).toBe(1_000_000);
    expect(Number(sum.s)).toBeLessThanOrEqual(Number(row.budgetFen));
  });

  it('20 concurrent disbursements against one application: Σ disbursed ≤ approved, the losers 409', async () => {
    const race = await programme({ budgetFen: 10_000_000, categories: [{ name: '定额奖励', ruleKind: 'fixed', amountFen: 100_000 }] });
    const a = (
      await c.office.post('/api/funds/applications', {
        enterpriseId: firms.tiefulai,
        programmeId: race.id,
        categoryId: race.categories[0]?.id,
        title: '拨付竞争',
      })
    ).json();
    await t.deps.db.updateTable('fundApplications').set({ status: 'leader' }).where('id', '=', a.id).execute();
    expect((await c.leader.post(`/api/funds/applications/${a.id}/approval`, { decision: 'pass' })).statusCode).toBe(200);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => c.office.post(`/api/funds/applications/${a.id}/disbursements`, { amountFen: 7_000, paidDate: '2026-03-02' })),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(14);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(6);
    const row = await t.deps.db.selectFrom('fundApplications').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    const paid = await t.deps.db
      .selectFrom('fundDisbursements')
      .select((eb) => eb.fn.sum<number>('amountFen').as('s'))
      .where('applicationId', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.disbursedFen)).toBe(98_000);
    expect(Number(paid.s)).toBe(98_000);
    const prog = await t.deps.db.selectFrom('fundProgrammes').selectAll().where('id', '=', race.id).executeTakeFirstOrThrow();
    expect(Number(prog.disbursedFen)).toBe(98_000);
  });
});

describe('a final rejection (不予支持)', () => {
  it('only the reviewer of the current step rejects, with a reason; the task is done, the firm told, the budget untouched', async () => {
    const prog = await programme({ budgetFen: 50_000_000, categories: [{ name: '定额奖励', ruleKind: 'fixed', amountFen: 1_000_000 }] });
    const a = (await c.wuxing.post('/api/funds/applications', { programmeId: prog.id, categoryId: prog.categories[0]?.id, title: '拒绝测试' })).json();
    const staff = (await c.yangzhuang.get(`/api/funds/applications/${a.id}`)).json();
    expect(staff.actions).toEqual(['preliminary', 'reject']);
    const before = await counts();
    // Not the reviewer of this step: the office, the leader, the firm itself (403); a unit that cannot see it (404).
    expect((await c.office.post(`/api/funds/applications/${a.id}/reject`, { reason: '不符合条件' })).statusCode).toBe(403);
    expect((await c.leader.post(`/api/funds/applications/${a.id}/reject`, { reason: '不符合条件' })).statusCode).toBe(403);
    expect((await c.wuxing.post(`/api/funds/applications/${a.id}/reject`, { reason: '不符合条件' })).statusCode).toBe(403);
    expect((await c.zhouzhuang.post(`/api/funds/applications/${a.id}/reject`, { reason: '不符合条件' })).statusCode).toBe(404);
    expect((await c.yangzhuang.post(`/api/funds/applications/${a.id}/reject`, { reason: '  ' })).statusCode).toBe(400);
    expect((await c.yangzhuang.post(`/api/funds/applications/${a.id}/reject`, {})).statusCode).toBe(400);
    expect(await counts()).toEqual(before);

    const firmNotices = async () =>
      (
        await t.deps.db
          .selectFrom('notifications')
          .select('titleZh')
          .where('entityType', '=', 'fund_application')
          .where('entityId', '=', String(a.id))
          .execute()
      ).map((n) => n.titleZh);
    const res = await c.yangzhuang.post(`/api/funds/applications/${a.id}/reject`, { reason: '企业不在支持范围内' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', actions: [] });
    expect(res.json().events.at(-1)).toMatchObject({ kind: 'preliminary_reject', text: '企业不在支持范围内' });
    const task = await t.deps.db.selectFrom('tasks').select('status').where('id', '=', staff.taskId).executeTakeFirstOrThrow();
    expect(task.status).toBe('done');
    expect(await firmNotices()).toContainEqual(expect.stringContaining('未通过（企业不在支持范围内）'));
    const after = (await c.office.get(`/api/funds/programmes/${prog.id}`)).json();
    expect(after).toMatchObject({ approvedFen: 0, remainingFen: 50_000_000 });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityType', '=', 'fund_application')
      .where('entityId', '=', String(a.id))
      .execute();
    expect(audit.map((x) => x.action)).toContain('fund_application.reject');
    // Rejected for good: no second rejection, no review, no resubmission.
    expect((await c.yangzhuang.post(`/api/funds/applications/${a.id}/reject`, { reason: '再次' })).statusCode).toBe(409);
    expect((await c.yangzhuang.post(`/api/funds/applications/${a.id}/preliminary`, { decision: 'pass' })).statusCode).toBe(409);
    expect((await c.wuxing.post(`/api/funds/applications/${a.id}/resubmit`, {})).statusCode).toBe(409);
  });

  it('the office and the leader reject at their own steps', async () => {
    const prog = await programme({ budgetFen: 50_000_000, categories: [{ name: '定额奖励', ruleKind: 'fixed', amountFen: 1_000_000 }] });
    const a = (await c.wuxing.post('/api/funds/applications', { programmeId: prog.id, categoryId: prog.categories[0]?.id, title: '办公室拒绝' })).json();
    await c.yangzhuang.post(`/api/funds/applications/${a.id}/preliminary`, { decision: 'pass' });
    expect((await c.yangzhuang.post(`/api/funds/applications/${a.id}/reject`, { reason: 'x' })).statusCode).toBe(403);
    expect((await c.office.post(`/api/funds/applications/${a.id}/reject`, { reason: '材料不实' })).json().status).toBe('rejected');
    const b = (await c.wuxing.post('/api/funds/applications', { programmeId: prog.id, categoryId: prog.categories[0]?.id, title: '领导拒绝' })).json();
    await c.yangzhuang.post(`/api/funds/applications/${b.id}/preliminary`, { decision: 'pass' });
    await c.office.post(`/api/funds/applications/${b.id}/office-review`, { decision: 'pass' });
    expect((await c.office.post(`/api/funds/applications/${b.id}/reject`, { reason: 'x' })).statusCode).toBe(403);
    expect((await c.leader.post(`/api/funds/applications/${b.id}/reject`, { reason: '资金安排调整' })).json()).toMatchObject({
      status: 'rejected',
      approvedFen: null,
    });
    expect((await c.office.get(`/api/funds/programmes/${prog.id}`)).json().approvedFen).toBe(0);
  });
});
