import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import type { TaskClosed } from '../../core/tasks/task-events';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';
import { createScheduledMeetings } from '../meetings';
import { ensureServicesDemo } from '../services';
import { ensureFinancingDemo } from './financing.demo';
import { carryOverToComingMeetings } from './financing.service';

let t: TestApp;
const c: Record<string, Client> = {};
const firms: Record<string, number> = {};
const units: Record<string, number> = {};
const USERS = ['office', 'leader', 'wuxing', 'tiefulai', 'yangzhuang', 'zhouzhuang', 'abc', 'icbc', 'zybank', 'rcb', 'sysadmin'];

// An after-commit subscriber to `taskClosed` (as assessment will be): the module's closes must publish through
// `events.transaction`, or the close fails.
const closedAfterCommit: TaskClosed[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.subscribe('financing-test-task-closed', { taskClosed: { afterCommit: async (_deps, _ctx, event) => void closedAfterCommit.push(event) } });
  // Thursday 30 September 2021, the eve of National Day.
  t.clock.set('2021-09-30T02:00:00Z');
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
  await ensureServicesDemo(t.deps);
  await ensureFinancingDemo(t.deps);
  for (const code of ['yangzhuang', 'zhouzhuang']) units[code] = await t.unitId(code);
  for (const code of ['abc', 'icbc', 'zybank', 'rcb', 'psbc']) units[code] = await t.unitId(`bank-${code}`);
  const rows = await t.deps.db.selectFrom('enterprises').select(['id', 'uscc']).execute();
  firms.wuxing = rows.find((r) => r.uscc === '914104214773600MMQ')?.id as number;
  firms.tiefulai = rows.find((r) => r.uscc === '914104214220MM8M13')?.id as number;
  for (const u of USERS) c[u] = await t.signIn(u);
});
afterAll(() => t.close());

const TABLES = ['financingNeeds', 'financingNeedBanks', 'financingMatches', 'financingProducts', 'financingMeetingNeeds', 'tasks'] as const;
const counts = () =>
  Promise.all(
    TABLES.map(async (table) =>
      Number(
        (
          await t.deps.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ),
  );
const need = (over: Record<string, unknown> = {}) => ({
  amountFen: 3_000_000_00,
  termMonths: 12,
  purpose: '购买石墨化炉设备',
  collateral: '厂房抵押',
  urgency: 'urgent',
  contact: '张会计 13800000000',
  shareWithAll: false,
  bankUnitIds: [units.abc, units.icbc],
  consent: true,
  ...over,
});

describe('demo: banks, products and the 政银企对接会 every two months', () => {
  it('five bank branches with one bank account each, products, meetings held and the next one ahead', async () => {
    const banks = (await c.office.get('/api/financing/banks')).json().items;
    expect(banks.map((b: { nameZh: string }) => b.nameZh)).toEqual([
      '中国农业银行宝丰县支行',
      '宝丰农商银行',
      '中国工商银行宝丰县支行',
      '中原银行宝丰支行',
      '中国邮政储蓄银行宝丰县支行',
    ]);
    expect((await c.abc.get('/api/auth/me')).statusCode).toBe(200);
    const schedule = (await c.office.get('/api/meeting-schedules')).json().items.find((s: { kind: string }) => s.kind === 'matchmaking');
    expect(schedule).toMatchObject({ title: '政银企对接会', everyMonths: 2, startMonth: '2021-05' });
    expect(schedule.nextDate).toBe('2021-09-30' < schedule.nextDate ? schedule.nextDate : 'ahead');
    const meetings = (await c.office.get('/api/financing/meetings')).json().items;
    expect(meetings.map((m: { meetingDate: string; status: string }) => [m.meetingDate.slice(0, 7), m.status])).toEqual([
      ['2021-11', 'planned'],
      ['2021-07', 'held'],
      ['2021-05', 'held'],
    ]);
    // Each bank sees its own products only; firms and staff see every bank's.
    const own = (await c.abc.get('/api/financing/products')).json();
    expect(own.items.every((p: { bank: { id: number }; canEdit: boolean }) => p.bank.id === units.abc && p.canEdit)).toBe(true);
    expect((await c.wuxing.get('/api/financing/products?pageSize=100')).json().total).toBe(8);
  });

  it('loads once: a second run adds no bank, account, product, meeting or need', async () => {
    const tables = ['orgUnits', 'users', 'financingProducts', 'financingNeeds', 'financingMatches', 'meetings', 'meetingSchedules'] as const;
    const sizes = () =>
      Promise.all(
        tables.map(async (table) =>
          Number(
            (
              await t.deps.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const before = await sizes();
    await ensureFinancingDemo(t.deps);
    expect(await sizes()).toEqual(before);
    // The demo's needs are at every stage, with the placed one's working days counted on the county calendar.
    const states = (await c.office.get('/api/financing/needs?pageSize=100')).json().items.map((n: { status: string }) => n.status);
    expect(new Set(states)).toEqual(new Set(['pending', 'matching', 'credited', 'loaned', 'failed']));
  });
});

let productId: number;
describe('products: the bank maintains its own', () => {
  it('a bank adds one; bad ranges are a 400 per field with nothing written; others cannot', async () => {
    const body = {
      name: '科创积分贷',
      type: 'tech',
      minAmountFen: 10_000_000,
      maxAmountFen: 500_000_000,
      termMonths: 12,
      rateMinBp: 380,
      rateMaxBp: 450,
      contact: '王经理',
    };
    const before = await counts();
    const bad = await c.abc.post('/api/financing/products', { ...body, maxAmountFen: 1_000, rateMaxBp: 100 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['maxAmountFen', 'rateMaxBp']);
    const worse = await c.abc.post('/api/financing/products', { ...body, type: 'mortgage', minAmountFen: 1.5, name: '' });
    expect(Object.keys(worse.json().fields).sort()).toEqual(['minAmountFen', 'name', 'type']);
    expect((await c.office.post('/api/financing/products', body)).statusCode).toBe(403);
    expect((await c.wuxing.post('/api/financing/products', body)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    const res = await c.abc.post('/api/financing/products', body);
    expect(res.statusCode).toBe(200);
    productId = res.json().id;
    expect(res.json()).toMatchObject({ bank: { id: units.abc }, conditions: '', active: true, canEdit: true });
  });

  it('another bank’s product is not found; its own is patched field by field', async () => {
    expect((await c.icbc.patch(`/api/financing/products/${productId}`, { name: '改名' })).statusCode).toBe(404);
    const res = await c.abc.patch(`/api/financing/products/${productId}`, { active: false });
    expect(res.json()).toMatchObject({ name: '科创积分贷', active: false });
    expect((await c.abc.patch(`/api/financing/products/${productId}`, { minAmountFen: 900_000_000 })).statusCode).toBe(400);
    expect((await c.abc.get('/api/financing/products/export.xlsx')).statusCode).toBe(200);
  });
});

let needId: number;
let onlyZy: number;
describe('needs: a firm records one on the portal and shares it with two banks', () => {
  it('bad input is a 400 per field with nothing written', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ amountFen: 1.5 }, ['amountFen']],
      [{ amountFen: 0, termMonths: 0 }, ['amountFen', 'termMonths']],
      [{ purpose: '  ', contact: '' }, ['contact', 'purpose']],
      [{ consent: false }, ['consent']],
      [{ urgency: 'yesterday' }, ['urgency']],
      [{ bankUnitIds: [] }, ['bankUnitIds']],
      [{ bankUnitIds: [units.yangzhuang] }, ['bankUnitIds']],
    ];
    for (const [over, fields] of cases) {
      const res = await c.wuxing.post('/api/financing/needs', need(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(Object.keys(res.json().fields).sort(), JSON.stringify(over)).toEqual(fields);
    }
    expect((await c.wuxing.post('/api/financing/needs', need({ extra: 1 }))).statusCode).toBe(400);
    // A firm speaks for itself only; staff name a firm in their scope.
    expect((await c.wuxing.post('/api/financing/needs', need({ enterpriseId: firms.tiefulai }))).statusCode).toBe(404);
    expect((await c.yangzhuang.post('/api/financing/needs', need())).json().fields).toHaveProperty('enterpriseId');
    expect((await c.yangzhuang.post('/api/financing/needs', need({ enterpriseId: firms.tiefulai }))).statusCode).toBe(400);
    expect((await c.abc.post('/api/financing/needs', need({ enterpriseId: firms.wuxing }))).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('the need is pending, the township is responsible with a 督办 task, the two banks are told', async () => {
    const res = await c.wuxing.post('/api/financing/needs', need());
    expect(res.statusCode).toBe(200);
    const n = res.json();
    needId = n.id;
    expect(n).toMatchObject({ status: 'pending', enterprise: { id: firms.wuxing }, ownerUnit: { id: units.yangzhuang }, amountFen: 300_000_000, taskId: null });
    expect(n.banks.map((b: { id: number }) => b.id)).toEqual([units.abc, units.icbc]);
    expect(n.consentBy).toBe('五星石墨 企业联络员');
    const staff = (await c.yangzhuang.get(`/api/financing/needs/${needId}`)).json();
    const task = await t.deps.db.selectFrom('tasks').selectAll().where('id', '=', staff.taskId).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ type: 'financing_need', ownerUnitId: units.yangzhuang, enterpriseId: firms.wuxing, status: 'open' });
    const told = await t.deps.db
      .selectFrom('notifications')
      .select('userId')
      .where('entityType', '=', 'financing_need')
      .where('entityId', '=', String(needId))
      .execute();
    expect(told.length).toBeGreaterThanOrEqual(2);
  });

  it('a township officer records one for a firm of its own, shared only with 中原银行', async () => {
    const res = await c.yangzhuang.post('/api/financing/needs', need({ enterpriseId: firms.wuxing, bankUnitIds: [units.zybank], amountFen: 100_000_000 }));
    expect(res.statusCode).toBe(200);
    onlyZy = res.json().id;
    expect(res.json().ownerUnit.id).toBe(units.yangzhuang);
  });
});

describe('correcting a need', () => {
  it('the firm corrects its own before credit; another firm or a bank cannot; bad input is a 400 with nothing changed', async () => {
    expect((await c.tiefulai.patch(`/api/financing/needs/${needId}`, { termMonths: 6 })).statusCode).toBe(404);
    expect((await c.abc.patch(`/api/financing/needs/${needId}`, { termMonths: 6 })).statusCode).toBe(403);
    const bad = await c.wuxing.patch(`/api/financing/needs/${needId}`, { amountFen: -1, purpose: '' });
    expect(Object.keys(bad.json().fields).sort()).toEqual(['amountFen', 'purpose']);
    const res = await c.wuxing.patch(`/api/financing/needs/${needId}`, { termMonths: 18 });
    expect(res.json()).toMatchObject({ termMonths: 18, amountFen: 300_000_000, purpose: '购买石墨化炉设备', actions: ['edit', 'banks'] });
    expect((await c.yangzhuang.patch(`/api/financing/needs/${needId}`, { termMonths: 12 })).json().termMonths).toBe(12);
  });
});

describe('who sees what', () => {
  it('a bank sees only needs shared with it: another bank’s answers 404', async () => {
    expect((await c.abc.get(`/api/financing/needs/${needId}`)).statusCode).toBe(200);
    expect((await c.zybank.get(`/api/financing/needs/${needId}`)).statusCode).toBe(404);
    expect((await c.zybank.post(`/api/financing/needs/${needId}/outcome`, { outcome: 'intention' })).statusCode).toBe(404);
    expect((await c.abc.get(`/api/financing/needs/${onlyZy}`)).statusCode).toBe(404);
    expect((await c.abc.post(`/api/financing/needs/${onlyZy}/outcome`, { outcome: 'intention' })).statusCode).toBe(404);
    const ids = (await c.zybank.get('/api/financing/needs?pageSize=200')).json().items.map((n: { id: number }) => n.id);
    expect(ids).toContain(onlyZy);
    expect(ids).not.toContain(needId);
    // A bank does not see which other banks a need went to, nor the task.
    expect((await c.abc.get(`/api/financing/needs/${needId}`)).json()).toMatchObject({ banks: [], taskId: null, actions: ['outcome'] });
  });

  it('a firm sees only its own needs; a township only its firms’', async () => {
    expect((await c.tiefulai.get(`/api/financing/needs/${needId}`)).statusCode).toBe(404);
    expect(
      (await c.tiefulai.get('/api/financing/needs?pageSize=200')).json().items.every((n: { enterprise: { id: number } }) => n.enterprise.id === firms.tiefulai),
    ).toBe(true);
    expect((await c.zhouzhuang.get(`/api/financing/needs/${needId}`)).statusCode).toBe(404);
    expect((await c.leader.get(`/api/financing/needs/${needId}`)).statusCode).toBe(200);
    expect((await c.sysadmin.get('/api/financing/needs')).statusCode).toBe(403);
    expect((await c.wuxing.get(`/api/financing/needs/${needId}/../999999`)).statusCode).toBe(404);
  });
});

const ids = (banks: { id: number }[]) => banks.map((b) => b.id).sort((a, b) => a - b);
const sorted = (...xs: number[]) => [...xs].sort((a, b) => a - b);

describe('changing the banks a need is shared with', () => {
  it('bad input is a 400 per field with nothing written; a bank, another firm or another township cannot', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ shareWithAll: false, bankUnitIds: [], consent: true }, ['bankUnitIds']],
      [{ shareWithAll: false, bankUnitIds: [units.yangzhuang], consent: true }, ['bankUnitIds']],
      [{ shareWithAll: false, bankUnitIds: [units.abc], consent: false }, ['consent']],
      [{ shareWithAll: 'yes', bankUnitIds: [units.abc], consent: true }, ['shareWithAll']],
    ];
    for (const [body, fields] of cases) {
      const res = await c.wuxing.put(`/api/financing/needs/${needId}/banks`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json().fields).sort(), JSON.stringify(body)).toEqual(fields);
    }
    const body = { shareWithAll: false, bankUnitIds: [units.abc], consent: true };
    expect((await c.wuxing.put(`/api/financing/needs/${needId}/banks`, { ...body, extra: 1 })).statusCode).toBe(400);
    expect((await c.abc.put(`/api/financing/needs/${needId}/banks`, body)).statusCode).toBe(403);
    expect((await c.leader.put(`/api/financing/needs/${needId}/banks`, body)).statusCode).toBe(403);
    expect((await c.tiefulai.put(`/api/financing/needs/${needId}/banks`, body)).statusCode).toBe(404);
    expect((await c.zhouzhuang.put(`/api/financing/needs/${needId}/banks`, body)).statusCode).toBe(404);
    expect((await c.wuxing.put('/api/financing/needs/999999/banks', body)).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    expect(ids((await c.wuxing.get(`/api/financing/needs/${needId}`)).json().banks)).toEqual(sorted(units.abc, units.icbc));
  });

  it('the firm swaps 工商银行 for 中原银行: consent recorded again, audited, 中原银行 told; 工商银行 then finds no need', async () => {
    t.clock.set('2021-09-30T02:10:00Z');
    const res = await c.wuxing.put(`/api/financing/needs/${needId}/banks`, { shareWithAll: false, bankUnitIds: [units.abc, units.zybank], consent: true });
    expect(res.statusCode).toBe(200);
    expect(ids(res.json().banks)).toEqual(sorted(units.abc, units.zybank));
    expect(res.json()).toMatchObject({ consentAt: '2021-09-30T02:10:00.000Z', consentBy: '五星石墨 企业联络员', shareWithAll: false });
    expect((await c.icbc.get(`/api/financing/needs/${needId}`)).statusCode).toBe(404);
    expect((await c.icbc.post(`/api/financing/needs/${needId}/outcome`, { outcome: 'intention' })).statusCode).toBe(404);
    expect((await c.icbc.get('/api/financing/needs?pageSize=200')).json().items.map((n: { id: number }) => n.id)).not.toContain(needId);
    expect((await c.zybank.get(`/api/financing/needs/${needId}`)).statusCode).toBe(200);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['afterJson', 'beforeJson'])
      .where('action', '=', 'financing_need.banks')
      .where('entityId', '=', String(needId))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.afterJson ?? '{}')).toMatchObject({ added: [units.zybank], removed: [units.icbc] });
    expect(JSON.parse(audit.beforeJson ?? '{}').bankUnitIds.sort()).toEqual(sorted(units.abc, units.icbc));
    const zyUsers = await t.deps.db.selectFrom('users').select('id').where('unitId', '=', units.zybank).execute();
    const told = await t.deps.db
      .selectFrom('notifications')
      .select('userId')
      .where('entityType', '=', 'financing_need')
      .where('entityId', '=', String(needId))
      .where(
        'userId',
        'in',
        zyUsers.map((u) => u.id),
      )
      .execute();
    expect(told.length).toBeGreaterThan(0);
    // The responsible township puts it back as it was.
    const back = await c.yangzhuang.put(`/api/financing/needs/${needId}/banks`, { shareWithAll: false, bankUnitIds: [units.abc, units.icbc], consent: true });
    expect(ids(back.json().banks)).toEqual(sorted(units.abc, units.icbc));
    expect(back.json().consentBy).not.toBe('五星石墨 企业联络员');
    expect((await c.zybank.get(`/api/financing/needs/${needId}`)).statusCode).toBe(404);
    expect((await c.icbc.get(`/api/financing/needs/${needId}`)).statusCode).toBe(200);
  });

  it('a bank that has answered cannot be taken off (409, nothing changed); sharing with all banks adds the rest', async () => {
    const id = (await c.wuxing.post('/api/financing/needs', need({ amountFen: 50_000_000 }))).json().id;
    expect((await c.icbc.post(`/api/financing/needs/${id}/outcome`, { outcome: 'intention', note: '已电话联系' })).statusCode).toBe(200);
    const before = await counts();
    const refused = await c.wuxing.put(`/api/financing/needs/${id}/banks`, { shareWithAll: false, bankUnitIds: [units.abc], consent: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fields.bankUnitIds).toContain('中国工商银行宝丰县支行');
    expect(await counts()).toEqual(before);
    expect((await c.icbc.get(`/api/financing/needs/${id}`)).statusCode).toBe(200);
    const all = await c.yangzhuang.put(`/api/financing/needs/${id}/banks`, { shareWithAll: true, consent: true });
    expect(all.json()).toMatchObject({ shareWithAll: true });
    expect(all.json().banks).toHaveLength(5);
    expect((await c.rcb.get(`/api/financing/needs/${id}`)).statusCode).toBe(200);
    // A closed need keeps its banks.
    await c.yangzhuang.post(`/api/financing/needs/${id}/close`, { reason: '企业暂缓' });
    expect((await c.wuxing.put(`/api/financing/needs/${id}/banks`, { shareWithAll: true, consent: true })).statusCode).toBe(409);
  });
});

describe('files on a need', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  it('the firm and its township add files; the banks it is shared with read them; another bank or firm finds nothing', async () => {
    const up = await uploadFile(c.wuxing, `/api/attachments/financing_need/${needId}`, '财务报表2021.pdf', pdf, 'application/pdf');
    expect(up.statusCode).toBe(200);
    expect((await uploadFile(c.yangzhuang, `/api/attachments/financing_need/${needId}`, '走访记录.pdf', pdf, 'application/pdf')).statusCode).toBe(200);
    const list = (await c.abc.get(`/api/attachments?ownerType=financing_need&ownerId=${needId}`)).json();
    expect(list.items.map((a: { fileName: string }) => a.fileName).sort()).toEqual(['财务报表2021.pdf', '走访记录.pdf']);
    expect((await c.abc.get(`/api/attachments/${up.json().id}/download`)).statusCode).toBe(200);
    expect((await c.leader.get(`/api/attachments?ownerType=financing_need&ownerId=${needId}`)).statusCode).toBe(200);
    // Readers who are not the firm or its responsible unit cannot add or remove.
    expect((await uploadFile(c.abc, `/api/attachments/financing_need/${needId}`, 'x.pdf', pdf, 'application/pdf')).statusCode).toBe(403);
    expect((await uploadFile(c.leader, `/api/attachments/financing_need/${needId}`, 'x.pdf', pdf, 'application/pdf')).statusCode).toBe(403);
    expect((await c.abc.delete(`/api/attachments/${up.json().id}`)).statusCode).toBe(403);
    // Another bank, another firm, another township: not found.
    for (const who of ['zybank', 'tiefulai', 'zhouzhuang'] as const) {
      expect((await c[who].get(`/api/attachments?ownerType=financing_need&ownerId=${needId}`)).statusCode, who).toBe(404);
      expect((await c[who].get(`/api/attachments/${up.json().id}/download`)).statusCode, who).toBe(404);
      expect((await uploadFile(c[who], `/api/attachments/financing_need/${needId}`, 'x.pdf', pdf, 'application/pdf')).statusCode, who).toBe(404);
    }
    expect((await c.wuxing.get('/api/attachments?ownerType=financing_need&ownerId=999999')).statusCode).toBe(404);
  });
});

let nextMeeting: number;
describe('the office puts the need on the next 政银企对接会', () => {
  it('on the list it is 对接中; the meeting shows its banks and firms', async () => {
    const meetings = (await c.office.get('/api/financing/meetings')).json().items;
    nextMeeting = meetings.find((m: { status: string }) => m.status === 'planned').id;
    expect((await c.abc.post(`/api/financing/meetings/${nextMeeting}/needs`, { needIds: [needId] })).statusCode).toBe(403);
    expect((await c.office.post(`/api/financing/meetings/${nextMeeting}/needs`, { needIds: [999999] })).statusCode).toBe(400);
    const res = await c.office.post(`/api/financing/meetings/${nextMeeting}/needs`, { needIds: [needId] });
    expect(res.statusCode).toBe(200);
    expect(res.json().needList.map((n: { id: number }) => n.id)).toContain(needId);
    expect(res.json().firms.map((f: { id: number }) => f.id)).toContain(firms.wuxing);
    expect(res.json().bankList).toHaveLength(5);
    expect((await c.wuxing.get(`/api/financing/needs/${needId}`)).json().status).toBe('matching');
    // A bank sees the meeting it takes part in, with only the needs shared with it.
    const forZy = (await c.zybank.get(`/api/financing/meetings/${nextMeeting}`)).json();
    expect(forZy.needList.map((n: { id: number }) => n.id)).not.toContain(needId);
  });

  it('unresolved needs of earlier meetings carry over to the next one', async () => {
    const before = (await c.office.get(`/api/financing/meetings/${nextMeeting}`)).json().needList.map((n: { id: number }) => n.id);
    const carried = before.find((id: number) => id !== needId);
    const del = await c.office.delete(`/api/financing/meetings/${nextMeeting}/needs/${carried}`);
    expect(del.statusCode).toBe(200);
    expect((await c.office.delete(`/api/financing/meetings/${nextMeeting}/needs/${carried}`)).statusCode).toBe(404);
    const res = await c.office.post(`/api/financing/meetings/${nextMeeting}/carry-over`);
    expect(res.json()).toEqual({ added: 1 });
    expect((await c.office.post(`/api/financing/meetings/${nextMeeting}/carry-over`)).json()).toEqual({ added: 0 });
  });
});

describe('outcomes: one bank declines, the other grants a loan', () => {
  it('a decline needs a reason; 工商银行 declines', async () => {
    const missing = await c.icbc.post(`/api/financing/needs/${needId}/outcome`, { outcome: 'declined' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().fields)).toEqual(['declineReason']);
    const res = await c.icbc.post(`/api/financing/needs/${needId}/outcome`, {
      outcome: 'declined',
      declineReason: 'collateral',
      meetingId: nextMeeting,
      note: '抵押物估值不足',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().matches).toHaveLength(1);
    expect(res.json().status).toBe('matching');
  });

  it('granted above requested is a 400 with nothing written; loan fields are each required', async () => {
    const before = await counts();
    const above = await c.abc.post(`/api/financing/needs/${needId}/outcome`, { outcome: 'loan', amountFen: 300_000_001, rateBp: 435, loanDate: '2021-09-30' });
    expect(above.statusCode).toBe(400);
    expect(Object.keys(above.json().fields)).toEqual(['amountFen']);
    const empty = await c.abc.post(`/api/financing/needs/${needId}/outcome`, { outcome: 'loan' });
    expect(Object.keys(empty.json().fields).sort()).toEqual(['amountFen', 'loanDate', 'rateBp']);
    const foreign = await c.abc.post(`/api/financing/needs/${needId}/outcome`, { outcome: 'intention', productId: 1_000_000, meetingId: 1_000_000 });
    expect(Object.keys(foreign.json().fields).sort()).toEqual(['meetingId', 'productId']);
    expect(await counts()).toEqual(before);
  });

  it('农业银行 grants the loan: the need is placed, its task done, each bank sees only its own match', async () => {
    const res = await c.abc.post(`/api/financing/needs/${needId}/outcome`, {
      outcome: 'loan',
      amountFen: 250_000_000,
      rateBp: 435,
      loanDate: '2021-09-30',
      productId,
      meetingId: nextMeeting,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().matches.map((m: { bank: { id: number } }) => m.bank.id)).toEqual([units.abc]);
    const firm = (await c.wuxing.get(`/api/financing/needs/${needId}`)).json();
    expect(firm).toMatchObject({ status: 'loaned', grantedFen: 250_000_000, loanDate: '2021-09-30', workingDays: 0 });
    expect(firm.matches).toHaveLength(2);
    const staff = (await c.yangzhuang.get(`/api/financing/needs/${needId}`)).json();
    const task = await t.deps.db.selectFrom('tasks').select('status').where('id', '=', staff.taskId).executeTakeFirstOrThrow();
    expect(task.status).toBe('done');
    expect(closedAfterCommit.map((e) => e.taskId)).toContain(staff.taskId);
    const icbcMatches = (await c.icbc.get('/api/financing/matches?pageSize=200')).json().items;
    expect(icbcMatches.every((m: { bank: { id: number } }) => m.bank.id === units.icbc)).toBe(true);
    expect((await c.icbc.get(`/api/financing/needs/${needId}`)).json().matches.map((m: { bank: { id: number } }) => m.bank.id)).toEqual([units.icbc]);
    // Another bank's loan would take the total above the request.
    const over = await c.icbc.post(`/api/financing/needs/${needId}/outcome`, { outcome: 'loan', amountFen: 60_000_000, rateBp: 450, loanDate: '2021-09-30' });
    expect(over.statusCode).toBe(400);
    expect((await c.icbc.get('/api/financing/matches/export.xlsx')).statusCode).toBe(200);
    expect((await c.wuxing.patch(`/api/financing/needs/${needId}`, { termMonths: 6 })).statusCode).toBe(409);
  });
});

describe('closing a need that failed', () => {
  it('the responsible township closes it with a reason; a firm or a bank cannot; twice is a conflict', async () => {
    expect((await c.wuxing.post(`/api/financing/needs/${onlyZy}/close`, { reason: '不需要了' })).statusCode).toBe(403);
    expect((await c.zybank.post(`/api/financing/needs/${onlyZy}/close`, { reason: '不需要了' })).statusCode).toBe(403);
    expect((await c.zhouzhuang.post(`/api/financing/needs/${onlyZy}/close`, { reason: '不需要了' })).statusCode).toBe(404);
    expect((await c.yangzhuang.post(`/api/financing/needs/${onlyZy}/close`, { reason: ' ' })).statusCode).toBe(400);
    const res = await c.yangzhuang.post(`/api/financing/needs/${onlyZy}/close`, { reason: '企业自有资金解决' });
    expect(res.json()).toMatchObject({ status: 'failed', failReason: '企业自有资金解决', actions: [] });
    expect((await c.yangzhuang.post(`/api/financing/needs/${onlyZy}/close`, { reason: '再关' })).statusCode).toBe(409);
    expect((await c.zybank.post(`/api/financing/needs/${onlyZy}/outcome`, { outcome: 'intention' })).statusCode).toBe(409);
  });
});

describe('statistics', () => {
  it('by bank: received, placed, requested and granted, days to loan, declines; a bank sees its own row', async () => {
    const all = (await c.office.get('/api/financing/stats?by=bank')).json();
    const abc = all.items.find((r: { key: { id: number } }) => r.key.id === units.abc);
    // The demo's 500 万 loan and today's 250 万.
    expect(abc).toMatchObject({ placed: 2, grantedFen: 750_000_000 });
    expect(all.items).toHaveLength(5);
    expect(all.declineReasons.find((r: { reason: string }) => r.reason === 'collateral').count).toBe(2);
    const own = (await c.abc.get('/api/financing/stats?by=bank')).json();
    expect(own.items.map((r: { key: { id: number } }) => r.key.id)).toEqual([units.abc]);
    expect(own.declineReasons).toEqual([]);
  });

  it('by township, meeting and chain; with a date window; Excel export', async () => {
    const town = (await c.office.get('/api/financing/stats?by=township')).json();
    const yz = town.items.find((r: { key: { id: number } }) => r.key.id === units.yangzhuang);
    expect(yz).toMatchObject({ placed: 2, grantedFen: 750_000_000 });
    expect((await c.yangzhuang.get('/api/financing/stats?by=township')).json().items.map((r: { key: { id: number } }) => r.key.id)).toEqual([units.yangzhuang]);
    const meeting = (await c.office.get('/api/financing/stats?by=meeting')).json();
    expect(meeting.items.find((r: { key: { id: number } }) => r.key.id === nextMeeting)).toMatchObject({ placed: 1, grantedFen: 250_000_000 });
    expect((await c.office.get('/api/financing/stats?by=chain')).json().items.length).toBeGreaterThan(0);
    expect(
      (await c.office.get('/api/financing/stats?by=bank&from=2021-09-01&to=2021-09-30'))
        .json()
        .items.find((r: { key: { id: number } }) => r.key.id === units.abc),
    ).toMatchObject({
      placed: 1,
    });
    expect((await c.office.get('/api/financing/stats?by=galaxy')).statusCode).toBe(400);
    const xlsx = await c.office.get('/api/financing/stats/export.xlsx?by=bank');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await c.office.get('/api/financing/needs/export.xlsx?status=loaned')).statusCode).toBe(200);
  });
});

describe('the cockpit panel', () => {
  type Row = { received: number; placed: number; requestedFen: number; grantedFen: number };
  const total = (items: Row[], k: keyof Row) => items.reduce((sum, r) => sum + r[k], 0);
  it('a year’s figures equal the statistics for that year; the next 政银企对接会; within the caller’s scope', async () => {
    for (const who of ['office', 'yangzhuang', 'abc', 'wuxing'] as const) {
      const panel = (await c[who].get('/api/financing/panel?year=2021')).json();
      const stats = (await c[who].get('/api/financing/stats?by=township&from=2021-01-01&to=2021-12-31')).json();
      expect(panel, who).toMatchObject({
        year: 2021,
        received: total(stats.items, 'received'),
        placed: total(stats.items, 'placed'),
        requestedFen: total(stats.items, 'requestedFen'),
        grantedFen: total(stats.items, 'grantedFen'),
        declineReasons: stats.declineReasons.slice(0, 3),
      });
      const loaned = (await c[who].get('/api/financing/needs?status=loaned&pageSize=200')).json().items as { workingDays: number; receivedDate: string }[];
      const days = loaned.filter((n) => n.receivedDate.startsWith('2021')).map((n) => n.workingDays);
      expect(panel.avgWorkingDays, who).toBe(days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null);
    }
    const office = (await c.office.get('/api/financing/panel')).json();
    expect(office.year).toBe(2021);
    expect(office.received).toBeGreaterThan(office.placed);
    expect(office.placed).toBe(2);
    expect(office.nextMeeting).toMatchObject({ id: nextMeeting });
    expect(office.nextMeeting.meetingDate.slice(0, 7)).toBe('2021-11');
    // The bank's own figures: needs shared with it, not the county's.
    expect((await c.abc.get('/api/financing/panel?year=2021')).json().received).toBeLessThan(office.received);
    expect((await c.office.get('/api/financing/panel?year=2020')).json()).toMatchObject({ received: 0, placed: 0, avgWorkingDays: null, declineReasons: [] });
    expect((await c.office.get('/api/financing/panel?year=1999')).statusCode).toBe(400);
    expect((await c.office.get('/api/financing/panel?year=2021&x=1')).statusCode).toBe(400);
    expect((await c.sysadmin.get('/api/financing/panel')).statusCode).toBe(403);
  });
});

describe('the next meeting, created by its schedule two months on', () => {
  it('invites the schedule’s banks, and the job carries the unresolved needs onto its list once', async () => {
    t.clock.set('2022-01-14T02:00:00Z');
    const office = await t.signIn('office');
    expect(await createScheduledMeetings(t.deps)).toBe(1);
    const january = (await office.get('/api/financing/meetings')).json().items[0];
    expect(january).toMatchObject({ status: 'planned', needs: 0, banks: 5 });
    expect(january.meetingDate.slice(0, 7)).toBe('2022-01');
    const open = (await office.get(`/api/financing/needs?open=true&meetingId=${nextMeeting}`)).json().total;
    expect(open).toBeGreaterThan(0);
    expect(await carryOverToComingMeetings(t.deps)).toBe(open);
    expect(await carryOverToComingMeetings(t.deps)).toBe(0);
    const list = (await office.get(`/api/financing/meetings/${january.id}`)).json();
    expect(list.needList.every((n: { status: string }) => ['pending', 'matching', 'credited'].includes(n.status))).toBe(true);
    // A bank invited by the schedule sees the meeting.
    const bank = await t.signIn('rcb');
    expect((await bank.get(`/api/financing/meetings/${january.id}`)).statusCode).toBe(200);
  });
});
