import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskClosed } from '../../core/tasks/task-events';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { taskOverdueCommitments } from './commitments.service';
import { ensureServicesDemo } from './services.demo';

let t: TestApp;
const c: Record<string, Client> = {};
const firms: Record<string, number> = {};
const units: Record<string, number> = {};
// What a module subscribed to `taskClosed` sees in the closing transaction and after its commit.
const closed: { inTransaction: TaskClosed[]; afterCommit: TaskClosed[] } = { inTransaction: [], afterCommit: [] };

beforeAll(async () => {
  t = await createTestApp();
  t.subscribe('commitments-test-task-closed', {
    taskClosed: {
      inTransaction: async (_trx, _deps, _ctx, event) => void closed.inTransaction.push(event),
      afterCommit: async (_deps, _ctx, event) => void closed.afterCommit.push(event),
    },
  });
  t.clock.set('2021-12-31T02:00:00Z');
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
  await ensureServicesDemo(t.deps);
  // The demo's own items would blur the counts below: this file enters its own.
  await t.deps.db.deleteFrom('serviceCommitments').execute();
  for (const code of ['czj', 'gxj', 'yangzhuang']) units[code] = await t.unitId(code);
  const rows = await t.deps.db.selectFrom('enterprises').select(['id', 'uscc']).execute();
  firms.wuxing = rows.find((r) => r.uscc === '914104214773600MMQ')?.id as number;
  firms.tiefulai = rows.find((r) => r.uscc === '914104214220MM8M13')?.id as number;
  for (const u of ['office', 'wuxing', 'tiefulai', 'gxj', 'yangzhuang', 'zhouzhuang']) c[u] = await t.signIn(u);
});
afterAll(() => t.close());

const item = (over: Record<string, unknown> = {}) => ({
  enterpriseId: firms.wuxing,
  kind: 'arrears',
  title: '2020 年技改补助资金',
  basis: '宝政〔2020〕12 号',
  responsibleUnitId: units.gxj,
  amountDueFen: 50_000_000,
  dueDate: '2021-09-01',
  ...over,
});
const count = async (table: 'serviceCommitments' | 'serviceCommitmentPayments') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let id: number;

describe('the commitments ledger', () => {
  it('the office enters items; ages are counted from the due date (30/31, 90/91, 180/181 days)', async () => {
    const res = await c.office.post('/api/services/commitments', item());
    expect(res.statusCode).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ outstandingFen: 50_000_000, daysPastDue: 121, age: 'd91_180', canPay: true });
    const ages: [string, string][] = [
      ['2021-12-01', 'd0_30'],
      ['2021-11-30', 'd31_90'],
      ['2021-10-02', 'd31_90'],
      ['2021-10-01', 'd91_180'],
      ['2021-07-04', 'd91_180'],
      ['2021-07-03', 'd181_plus'],
      ['2022-01-31', 'not_due'],
    ];
    for (const [dueDate, age] of ages) {
      const r = await c.office.post('/api/services/commitments', item({ dueDate, enterpriseId: firms.tiefulai, kind: 'policy', responsibleUnitId: units.czj }));
      expect(r.json().age, dueDate).toBe(age);
    }
    const filtered = (await c.office.get('/api/services/commitments?age=d31_90')).json();
    expect(filtered.items.map((x: { dueDate: string }) => x.dueDate).sort()).toEqual(['2021-10-02', '2021-11-30']);
  });

  it('bad input writes nothing; only the office enters items', async () => {
    const before = await count('serviceCommitments');
    expect((await c.office.post('/api/services/commitments', item({ amountDueFen: 0 }))).statusCode).toBe(400);
    expect((await c.office.post('/api/services/commitments', item({ amountDueFen: 1.5 }))).statusCode).toBe(400);
    expect((await c.office.post('/api/services/commitments', item({ enterpriseId: 999999 }))).statusCode).toBe(400);
    expect((await c.office.post('/api/services/commitments', item({ title: ' ' }))).statusCode).toBe(400);
    expect((await c.gxj.post('/api/services/commitments', item())).statusCode).toBe(403);
    expect(await count('serviceCommitments')).toBe(before);
  });

  it('a firm sees its own items only; the responsible unit and the township see theirs', async () => {
    expect((await c.wuxing.get(`/api/services/commitments/${id}`)).statusCode).toBe(200);
    expect((await c.tiefulai.get(`/api/services/commitments/${id}`)).statusCode).toBe(404);
    expect((await c.wuxing.get('/api/services/commitments')).json().total).toBe(1);
    expect((await c.tiefulai.get('/api/services/commitments')).json().total).toBe(7);
    expect((await c.gxj.get('/api/services/commitments')).json().total).toBe(1);
    expect((await c.yangzhuang.get(`/api/services/commitments/${id}`)).statusCode).toBe(200);
    expect((await c.zhouzhuang.get(`/api/services/commitments/${id}`)).statusCode).toBe(404);
    expect((await c.wuxing.post(`/api/services/commitments/${id}/payments`, { paidDate: '2021-12-30', amountFen: 1 })).statusCode).toBe(403);
  });

  it('payments, partial then whole; never more than owed; paid in full settles it and finishes its task', async () => {
    expect(await taskOverdueCommitments(t.deps)).toBe(7);
    // Once per item.
    expect(await taskOverdueCommitments(t.deps)).toBe(0);
    const tasked = (await c.office.get(`/api/services/commitments/${id}`)).json();
    const task = await t.deps.db.selectFrom('tasks').selectAll().where('id', '=', tasked.taskId).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ type: 'service_commitment', ownerUnitId: units.gxj, status: 'open' });
    const before = await count('serviceCommitmentPayments');
    expect((await c.gxj.post(`/api/services/commitments/${id}/payments`, { paidDate: '2021-12-30', amountFen: 50_000_001 })).statusCode).toBe(400);
    expect((await c.yangzhuang.post(`/api/services/commitments/${id}/payments`, { paidDate: '2021-12-30', amountFen: 1 })).statusCode).toBe(403);
    expect(await count('serviceCommitmentPayments')).toBe(before);
    const part = await c.gxj.post(`/api/services/commitments/${id}/payments`, { paidDate: '2021-12-30', amountFen: 20_000_000, note: '第一笔' });
    expect(part.json()).toMatchObject({ paidFen: 20_000_000, outstandingFen: 30_000_000, settledDate: null, age: 'd91_180' });
    const whole = await c.gxj.post(`/api/services/commitments/${id}/payments`, { paidDate: '2021-12-31', amountFen: 30_000_000 });
    expect(whole.json()).toMatchObject({ paidFen: 50_000_000, outstandingFen: 0, settledDate: '2021-12-31', age: null, canPay: false });
    expect(whole.json().payments).toHaveLength(2);
    const done = await t.deps.db.selectFrom('tasks').select('status').where('id', '=', tasked.taskId).executeTakeFirstOrThrow();
    expect(done.status).toBe('done');
    // Finished through the task engine: subscribers hear of it, in the transaction and after the commit, and it is audited.
    const event = { taskId: task.id, type: 'service_commitment', ownerUnitId: units.gxj, status: 'done', finishedDate: '2021-12-31' };
    expect(closed.inTransaction.filter((e) => e.taskId === task.id)).toEqual([expect.objectContaining(event)]);
    expect(closed.afterCommit.filter((e) => e.taskId === task.id)).toEqual([expect.objectContaining(event)]);
    const audit = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'task').where('entityId', '=', String(task.id)).execute();
    expect(audit.map((a) => a.action)).toContain('task.service_commitment_settled');
    expect((await c.gxj.post(`/api/services/commitments/${id}/payments`, { paidDate: '2021-12-31', amountFen: 1 })).statusCode).toBe(409);
  });

  it('the office sees outstanding totals by unit and age, and exports the ledger', async () => {
    const summary = (await c.office.get('/api/services/commitments/summary')).json();
    const czj = summary.items.find((x: { unit: { id: number } }) => x.unit.id === units.czj);
    expect(czj).toMatchObject({ count: 7, outstandingFen: 7 * 50_000_000 });
    expect(czj.byAge).toEqual({ not_due: 50_000_000, d0_30: 50_000_000, d31_90: 100_000_000, d91_180: 100_000_000, d181_plus: 50_000_000 });
    expect(summary.items.some((x: { unit: { id: number } }) => x.unit.id === units.gxj)).toBe(false);
    const xlsx = await c.office.get('/api/services/commitments/export.xlsx?settled=false');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
