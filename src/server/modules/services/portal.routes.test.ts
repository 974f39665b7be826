import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../../shared/rules/uscc';
import { clearThrottles } from '../../core/auth/throttle';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';
import { ensureServicesDemo } from './services.demo';

let t: TestApp;
const c: Record<string, Client> = {};
const units: Record<string, number> = {};
const firms: Record<string, number> = {};
let general: number;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2021-09-30T02:00:00Z');
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
  await ensureServicesDemo(t.deps);
  for (const code of ['yangzhuang', 'zhouzhuang', 'zrzyj', 'daying']) units[code] = await t.unitId(code);
  for (const u of ['office', 'wuxing', 'tiefulai', 'yangzhuang', 'zhouzhuang', 'zrzyj', 'daying']) c[u] = await t.signIn(u);
  const rows = await t.deps.db.selectFrom('enterprises').select(['id', 'uscc']).execute();
  firms.wuxing = rows.find((r) => r.uscc === '914104214773600MMQ')?.id as number;
  firms.tiefulai = rows.find((r) => r.uscc === '914104214220MM8M13')?.id as number;
  general = (await c.office.get('/api/services/categories')).json().items.find((x: { code: string }) => x.code === 'general').id;
});
afterAll(() => t.close());

const count = async (table: 'serviceRegistrations' | 'users' | 'enterprises' | 'serviceProfileCorrections' | 'auditLog') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** A credit code with a valid check character. */
const code = (n: number) => {
  const first = `91410421MA${String(n).padStart(7, '0')}`;
  return first + usccCheckChar(first);
};
const form = (over: Record<string, unknown> = {}) => ({
  firmName: '宝丰县新材料有限公司',
  uscc: code(1),
  townshipUnitId: units.zhouzhuang,
  contactName: '张经理',
  contactPhone: '13803751234',
  username: 'xincailiao',
  password: 'Xincai#2021ok',
  ...over,
});

describe('self-registration confirmed by the township', () => {
  it('bad input is 400 per field with nothing written', async () => {
    await clearThrottles(t.deps.db, ['register:127.0.0.1']);
    const before = await Promise.all([count('serviceRegistrations'), count('users'), count('auditLog')]);
    const anon = t.anonymous();
    const bad = code(2).slice(0, 17) + (code(2).endsWith('0') ? '1' : '0');
    const res = await anon.post('/api/services/registrations', form({ uscc: bad, contactPhone: '0375-1234567', username: 'a' }));
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields).sort()).toEqual(['contactPhone', 'uscc', 'username']);
    expect(res.json().fields.uscc).toMatch(/校验/);
    const weak = await anon.post('/api/services/registrations', form({ password: 'password' }));
    expect(weak.statusCode).toBe(400);
    expect(Object.keys(weak.json().fields)).toEqual(['password']);
    const taken = await anon.post('/api/services/registrations', form({ username: 'wuxing' }));
    expect(taken.json().fields).toHaveProperty('username');
    expect(await Promise.all([count('serviceRegistrations'), count('users'), count('auditLog')])).toEqual(before);
  });

  let pending: number;
  it('a new firm registers without signing in: a pending registration, no user', async () => {
    await clearThrottles(t.deps.db, ['register:127.0.0.1']);
    const users = await count('users');
    const res = await t.anonymous().post('/api/services/registrations', form());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'pending', linked: false });
    pending = res.json().id;
    expect(await count('users')).toBe(users);
    // The applicant cannot sign in yet.
    expect((await t.anonymous().post('/api/auth/login', { username: 'xincailiao', password: 'Xincai#2021ok' })).statusCode).toBe(401);
  });

  it('a duplicate is 409: a pending registration of the same firm, or a firm that has an account', async () => {
    await clearThrottles(t.deps.db, ['register:127.0.0.1']);
    const again = await t.anonymous().post('/api/services/registrations', form({ username: 'xincailiao2' }));
    expect(again.statusCode).toBe(409);
    const wuxing = await t.anonymous().post('/api/services/registrations', form({ uscc: '914104214773600MMQ', username: 'wuxing2' }));
    expect(wuxing.statusCode).toBe(409);
  });

  it('another township neither sees nor decides it (404); its own township sees it', async () => {
    expect((await c.yangzhuang.get('/api/services/registrations')).json().items.map((r: { id: number }) => r.id)).not.toContain(pending);
    expect((await c.yangzhuang.post(`/api/services/registrations/${pending}/confirm`, { industryCode: 'C30' })).statusCode).toBe(404);
    expect((await c.yangzhuang.post(`/api/services/registrations/${pending}/refuse`, { reason: 'x' })).statusCode).toBe(404);
    expect((await c.wuxing.get('/api/services/registrations')).statusCode).toBe(403);
    const own = (await c.zhouzhuang.get('/api/services/registrations?status=pending')).json().items;
    expect(own.find((r: { id: number }) => r.id === pending)).toMatchObject({ firmName: '宝丰县新材料有限公司', enterprise: null, status: 'pending' });
  });

  it('confirming files the firm (industry required) and creates a working login with the applicant’s password', async () => {
    const firms0 = await count('enterprises');
    const missing = await c.zhouzhuang.post(`/api/services/registrations/${pending}/confirm`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toHaveProperty('industryCode');
    expect(await count('enterprises')).toBe(firms0);
    const res = await c.zhouzhuang.post(`/api/services/registrations/${pending}/confirm`, { industryCode: 'C30', address: '周庄镇工业园' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', enterprise: { name: '宝丰县新材料有限公司' } });
    expect(await count('enterprises')).toBe(firms0 + 1);
    const firm = await t.deps.db.selectFrom('enterprises').selectAll().where('uscc', '=', code(1)).executeTakeFirstOrThrow();
    expect(firm).toMatchObject({ townshipUnitId: units.zhouzhuang, industryCode: 'C30', address: '周庄镇工业园' });
    const applicant = await t.signIn('xincailiao', 'Xincai#2021ok');
    const me = (await applicant.get('/api/auth/me')).json();
    expect(me.enterprise).toEqual({ id: firm.id, name: '宝丰县新材料有限公司' });
    expect(me.roles.map((r: { code: string }) => r.code)).toEqual(['enterprise']);
    expect(me.passwordChangeReason).toBeNull();
    const audit = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', 'in', ['service_registration', 'user']).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['service_registration.create', 'service_registration.confirm', 'user.create_enterprise_account']),
    );
    expect((await c.zhouzhuang.post(`/api/services/registrations/${pending}/refuse`, { reason: 'late' })).statusCode).toBe(409);
    const stored = await t.deps.db.selectFrom('serviceRegistrations').select('passwordHash').where('id', '=', pending).executeTakeFirstOrThrow();
    expect(stored.passwordHash).toBeNull();
  });

  it('a firm on file is linked and goes to its own township; refusing writes no user', async () => {
    await clearThrottles(t.deps.db, ['register:127.0.0.1']);
    const onFile = await t.deps.db
      .selectFrom('enterprises')
      .select(['id', 'uscc', 'townshipUnitId'])
      .where('townshipUnitId', '=', units.daying)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('users').select('users.id').whereRef('users.enterpriseId', '=', 'enterprises.id'))))
      .executeTakeFirstOrThrow();
    const res = await t.anonymous().post('/api/services/registrations', form({ uscc: onFile.uscc, username: 'linked01', townshipUnitId: units.zhouzhuang }));
    expect(res.json()).toMatchObject({ linked: true });
    const id = res.json().id;
    expect((await c.zhouzhuang.post(`/api/services/registrations/${id}/refuse`, { reason: 'x' })).statusCode).toBe(404);
    const users = await count('users');
    const refused = await c.daying.post(`/api/services/registrations/${id}/refuse`, { reason: '非本企业人员' });
    expect(refused.json()).toMatchObject({ status: 'refused', reason: '非本企业人员', enterprise: { id: onFile.id } });
    expect(await count('users')).toBe(users);
  });

  it('is throttled per address like sign-in', async () => {
    await clearThrottles(t.deps.db, ['register:127.0.0.1']);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await t.anonymous().post('/api/services/registrations', form({ username: 'wuxing' }))).statusCode);
    expect(statuses.slice(0, 9).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    await clearThrottles(t.deps.db, ['register:127.0.0.1']);
  });
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('files on requests and commitments', () => {
  let request: number;
  let commitment: number;
  let fileId: number;
  it('the firm and the handling units add and read files on a request; another firm gets 404', async () => {
    request = (await c.wuxing.post('/api/services/requests', { categoryId: general, title: '土地证办理', content: '请协调' })).json().id;
    const up = await uploadFile(c.wuxing, `/api/attachments/service_request/${request}`, 'plan.png', PNG, 'image/png');
    expect(up.statusCode).toBe(200);
    fileId = up.json().id;
    expect((await c.wuxing.get(`/api/services/requests/${request}`)).json().canAddFiles).toBe(true);
    const list = await c.yangzhuang.get(`/api/attachments?ownerType=service_request&ownerId=${request}`);
    expect(list.json().items.map((a: { id: number }) => a.id)).toEqual([fileId]);
    expect((await uploadFile(c.yangzhuang, `/api/attachments/service_request/${request}`, 'reply.png', PNG, 'image/png')).statusCode).toBe(200);
    // Another firm: its list, the download and an upload are all 404.
    expect((await c.tiefulai.get(`/api/attachments?ownerType=service_request&ownerId=${request}`)).statusCode).toBe(404);
    expect((await c.tiefulai.get(`/api/attachments/${fileId}/download`)).statusCode).toBe(404);
    expect((await uploadFile(c.tiefulai, `/api/attachments/service_request/${request}`, 'x.png', PNG, 'image/png')).statusCode).toBe(404);
    // A unit with no part in it does not see it either.
    expect((await c.zrzyj.get(`/api/attachments?ownerType=service_request&ownerId=${request}`)).statusCode).toBe(404);
  });

  it('basis documents of a commitment: the office files them, the firm reads its own, another firm 404', async () => {
    const res = await c.office.post('/api/services/commitments', {
      enterpriseId: firms.wuxing,
      kind: 'policy',
      title: '技改奖补',
      basis: '宝政〔2021〕8号',
      responsibleUnitId: units.zrzyj,
      amountDueFen: 100_000,
      dueDate: '2021-12-31',
    });
    commitment = res.json().id;
    expect((await uploadFile(c.office, `/api/attachments/service_commitment/${commitment}`, 'basis.png', PNG, 'image/png')).statusCode).toBe(200);
    expect((await c.wuxing.get(`/api/attachments?ownerType=service_commitment&ownerId=${commitment}`)).json().total).toBe(1);
    expect((await uploadFile(c.wuxing, `/api/attachments/service_commitment/${commitment}`, 'x.png', PNG, 'image/png')).statusCode).toBe(403);
    expect((await c.tiefulai.get(`/api/attachments?ownerType=service_commitment&ownerId=${commitment}`)).statusCode).toBe(404);
  });
});

describe('corrections of a firm’s own profile', () => {
  let id: number;
  it('bad proposals are 400 with nothing written; staff cannot propose', async () => {
    const before = await count('serviceProfileCorrections');
    expect((await c.wuxing.post('/api/services/corrections', { changes: {} })).statusCode).toBe(400);
    expect((await c.wuxing.post('/api/services/corrections', { changes: { uscc: '914104214773600MMQ' } })).statusCode).toBe(400);
    expect((await c.wuxing.post('/api/services/corrections', { changes: { employees: -1 } })).statusCode).toBe(400);
    expect((await c.yangzhuang.post('/api/services/corrections', { changes: { employees: 5 } })).statusCode).toBe(403);
    expect(await count('serviceProfileCorrections')).toBe(before);
  });

  it('the firm proposes; another township sees nothing and gets 404; its township accepts exactly the proposed fields', async () => {
    const firm0 = await t.deps.db.selectFrom('enterprises').selectAll().where('id', '=', firms.wuxing).executeTakeFirstOrThrow();
    const res = await c.wuxing.post('/api/services/corrections', { changes: { address: '杨庄镇新址 8 号', employees: 321 }, note: '搬迁' });
    expect(res.statusCode).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'pending', before: { address: firm0.address, employees: firm0.employees }, canDecide: false });
    expect((await c.wuxing.post('/api/services/corrections', { changes: { employees: 1 } })).statusCode).toBe(409);
    expect((await c.zhouzhuang.get('/api/services/corrections')).json().items.map((x: { id: number }) => x.id)).not.toContain(id);
    expect((await c.zhouzhuang.post(`/api/services/corrections/${id}/accept`)).statusCode).toBe(404);
    expect((await c.zhouzhuang.post(`/api/services/corrections/${id}/refuse`, { reason: 'x' })).statusCode).toBe(404);
    expect((await c.tiefulai.get(`/api/services/corrections/${id}`)).statusCode).toBe(404);
    expect((await c.yangzhuang.get(`/api/services/corrections/${id}`)).json().canDecide).toBe(true);
    const accepted = await c.yangzhuang.post(`/api/services/corrections/${id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    const firm1 = await t.deps.db.selectFrom('enterprises').selectAll().where('id', '=', firms.wuxing).executeTakeFirstOrThrow();
    const { address, employees, updatedAt, ...rest1 } = firm1;
    const { address: _a, employees: _e, updatedAt: _u, ...rest0 } = firm0;
    expect({ address, employees }).toEqual({ address: '杨庄镇新址 8 号', employees: 321 });
    expect(rest1).toEqual(rest0);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityType', '=', 'enterprise')
      .where('entityId', '=', String(firms.wuxing))
      .execute();
    expect(audit.map((a) => a.action)).toContain('enterprise.update');
    expect((await c.wuxing.get('/api/services/corrections')).json().items[0]).toMatchObject({ id, status: 'accepted' });
  });

  it('refusing changes nothing in the profile and gives the firm the reason', async () => {
    const firm0 = await t.deps.db.selectFrom('enterprises').selectAll().where('id', '=', firms.wuxing).executeTakeFirstOrThrow();
    const contacts0 = await t.deps.db.selectFrom('enterpriseContacts').selectAll().where('enterpriseId', '=', firms.wuxing).execute();
    const res = await c.wuxing.post('/api/services/corrections', { changes: { contacts: [{ name: '李四', phone: '13900000000' }] } });
    const refused = await c.yangzhuang.post(`/api/services/corrections/${res.json().id}/refuse`, { reason: '联系人未核实' });
    expect(refused.json()).toMatchObject({ status: 'refused', reason: '联系人未核实' });
    expect(await t.deps.db.selectFrom('enterprises').selectAll().where('id', '=', firms.wuxing).executeTakeFirstOrThrow()).toEqual(firm0);
    expect(await t.deps.db.selectFrom('enterpriseContacts').selectAll().where('enterpriseId', '=', firms.wuxing).execute()).toEqual(contacts0);
    expect((await c.wuxing.get(`/api/services/corrections/${res.json().id}`)).json()).toMatchObject({ status: 'refused', reason: '联系人未核实' });
  });
});

describe('a request lifted to a 调度会', () => {
  let id: number;
  let meeting: number;
  it('a handling unit lifts it; the office puts it on a dispatch meeting; the decision becomes the follow-up task', async () => {
    id = (await c.wuxing.post('/api/services/requests', { categoryId: general, title: '电价政策', content: '申请享受电价优惠' })).json().id;
    expect((await c.zrzyj.post(`/api/services/requests/${id}/lift`, { reason: 'x' })).statusCode).toBe(404);
    expect((await c.wuxing.post(`/api/services/requests/${id}/lift`, { reason: 'x' })).statusCode).toBe(403);
    const lifted = await c.yangzhuang.post(`/api/services/requests/${id}/lift`, { reason: '涉及电价政策，需县级研究' });
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json().lift).toMatchObject({ status: 'requested', unit: { id: units.yangzhuang }, meeting: null });
    expect((await c.yangzhuang.post(`/api/services/requests/${id}/lift`, { reason: 'again' })).statusCode).toBe(409);
    expect(lifted.json().actions).not.toContain('lift');
    expect((await c.office.get(`/api/services/requests/${id}`)).json().actions).toEqual(expect.arrayContaining(['schedule']));

    const monthly = (await c.office.post('/api/meetings', { kind: 'monthly', title: '9月月例会', meetingDate: '2021-09-29', convener: '县工信局' })).json().id;
    expect((await c.office.post(`/api/services/requests/${id}/lift/meeting`, { meetingId: monthly })).statusCode).toBe(400);
    meeting = (await c.office.post('/api/meetings', { kind: 'dispatch', title: '工业强县调度会', meetingDate: '2021-09-30', convener: '县政府' })).json().id;
    expect((await c.yangzhuang.post(`/api/services/requests/${id}/lift/meeting`, { meetingId: meeting })).statusCode).toBe(403);
    const scheduled = await c.office.post(`/api/services/requests/${id}/lift/meeting`, { meetingId: meeting });
    expect(scheduled.json().lift).toMatchObject({ status: 'scheduled', meeting: { id: meeting, title: '工业强县调度会', meetingDate: '2021-09-30' } });
    // The firm sees the meeting in its request's history, not the internal lift.
    const firmView = (await c.wuxing.get(`/api/services/requests/${id}`)).json();
    expect(firmView.lift).toBeNull();
    expect(firmView.events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'meeting']);

    const bad = await c.office.post(`/api/services/requests/${id}/lift/decision`, { text: '按政策执行', ownerUnitId: units.zrzyj, dueDate: '2021-09-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty('dueDate');
    const decided = await c.office.post(`/api/services/requests/${id}/lift/decision`, {
      text: '由自然资源局牵头落实电价政策',
      ownerUnitId: units.zrzyj,
      dueDate: '2021-10-29',
    });
    expect(decided.statusCode).toBe(200);
    const lift = decided.json().lift;
    expect(lift).toMatchObject({
      status: 'decided',
      decision: { seq: 1, text: '由自然资源局牵头落实电价政策', ownerUnit: { id: units.zrzyj }, dueDate: '2021-10-29' },
    });
    const task = await t.deps.db.selectFrom('tasks').selectAll().where('id', '=', lift.decision.taskId).executeTakeFirstOrThrow();
    expect(task).toMatchObject({ type: 'meeting_decision', ownerUnitId: units.zrzyj, dueDate: '2021-10-29' });
    const m = (await c.office.get(`/api/meetings/${meeting}`)).json();
    expect(m.decisions.map((d: { text: string }) => d.text)).toEqual(['由自然资源局牵头落实电价政策']);
    expect((await c.office.post(`/api/services/requests/${id}/lift/decision`, { text: 'x', ownerUnitId: units.zrzyj, dueDate: '2021-10-29' })).statusCode).toBe(
      409,
    );
  });
});
