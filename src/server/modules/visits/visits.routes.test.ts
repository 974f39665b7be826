import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';
import { ensureServicesDemo } from '../services';
import { ensureVisitsDemo } from './visits.demo';
import { remindUnvisited } from './visits.service';

let t: TestApp;
const c: Record<string, Client> = {};
const units: Record<string, number> = {};
const users: Record<string, number> = {};
const USERS = ['office', 'leader', 'stainless.team', 'stainless.li', 'graphite.team', 'daying', 'yangzhuang', 'wuxing', 'gxj'];
// Friday 20 November 2026: the fourth quarter runs to 31 December.
const TODAY = '2026-11-20';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(`${TODAY}T02:00:00Z`);
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
  await ensureServicesDemo(t.deps);
  await ensureVisitsDemo(t.deps);
  for (const code of ['team-stainless', 'team-graphite', 'daying', 'yangzhuang', 'jtysj', 'gxj', 'office']) units[code] = await t.unitId(code);
  for (const u of await t.deps.db.selectFrom('users').select(['id', 'username']).execute()) users[u.username] = u.id;
  for (const u of USERS) c[u] = await t.signIn(u);
}, 120_000);
afterAll(() => t.close());

const TABLES = ['visits', 'visitOfficers', 'visitProblems', 'visitAssignments', 'visitExchanges', 'tasks', 'serviceRequests', 'auditLog'] as const;
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
const firmOf = async (client: Client) => (await client.get('/api/visits/firms')).json().items as { id: number; name: string; team: { id: number } | null }[];

describe('demo: officers, assignments, exchanges and visits dated from today', () => {
  it('assigns the stainless and graphite firms to three officers, one handed over', async () => {
    const page = (await c.office.get('/api/visits/assignments?pageSize=100')).json();
    expect(page.total).toBe(22);
    expect(page.items.every((a: { current: boolean }) => a.current)).toBe(true);
    const history = (await c.office.get('/api/visits/assignments?pageSize=100&current=false')).json();
    expect(history.total).toBe(23);
    const ended = history.items.filter((a: { toDate: string | null }) => a.toDate !== null);
    expect(ended).toHaveLength(1);
    expect(ended[0].officer.displayName).toBe('李专员');
  });

  it('has visits, none after today, and open problems as tasks and requests', async () => {
    const visits = (await c.office.get('/api/visits?pageSize=100&sort=visitDate&order=desc')).json();
    expect(visits.total).toBeGreaterThanOrEqual(28);
    expect(visits.items[0].visitDate <= TODAY).toBe(true);
    const withProblems = (await c.office.get('/api/visits?withProblems=true')).json();
    expect(withProblems.total).toBe(4);
    expect(withProblems.items.every((v: { openProblems: number }) => v.openProblems === 1)).toBe(true);
  });

  it('a cadre exchange list with filters and export', async () => {
    const all = (await c.office.get('/api/visits/exchanges')).json();
    expect(all.total).toBe(4);
    const current = (await c.office.get('/api/visits/exchanges?current=true&direction=to_firm')).json();
    expect(current.items.map((e: { personName: string }) => e.personName).sort()).toEqual(['孙立华', '赵明远'].sort());
    const xlsx = await c.office.get('/api/visits/exchanges/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('access: teams, townships, the office', () => {
  it('an officer sees their team’s visits only; another team’s visit is 404', async () => {
    const own = (await c['graphite.team'].get('/api/visits?pageSize=100')).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((v: { team: { id: number } }) => v.team.id === units['team-graphite'])).toBe(true);
    const stainless = (await c['stainless.team'].get('/api/visits?pageSize=100')).json();
    expect(stainless.items.every((v: { team: { id: number } }) => v.team.id === units['team-stainless'])).toBe(true);
    const other = stainless.items[0].id;
    expect((await c['stainless.team'].get(`/api/visits/${other}`)).statusCode).toBe(200);
    expect((await c['graphite.team'].get(`/api/visits/${other}`)).statusCode).toBe(404);
    // Its files are not found either.
    expect((await c['graphite.team'].get(`/api/attachments?ownerType=visit&ownerId=${other}`)).statusCode).toBe(404);
  });

  it('a township sees visits to its firms; leaders and the office all; firms and departments none', async () => {
    const daying = (await c.daying.get('/api/visits?pageSize=100')).json();
    expect(daying.total).toBeGreaterThan(0);
    expect(daying.items.every((v: { township: { id: number } }) => v.township.id === units.daying)).toBe(true);
    const all = (await c.office.get('/api/visits')).json().total;
    expect((await c.leader.get('/api/visits')).json().total).toBe(all);
    expect((await c.wuxing.get('/api/visits')).statusCode).toBe(403);
    expect((await c.gxj.get('/api/visits')).statusCode).toBe(403);
    expect((await c.leader.post('/api/visits', {})).statusCode).toBe(403);
    expect((await c['stainless.team'].post('/api/visits/assignments', {})).statusCode).toBe(403);
  });

  it('an officer may log visits only to their team’s firms', async () => {
    const firms = await firmOf(c['graphite.team']);
    expect(firms.length).toBe(10);
    expect(firms.every((f) => f.team?.id === units['team-graphite'])).toBe(true);
  });
});

describe('logging a visit', () => {
  it('refuses bad input per field and writes nothing', async () => {
    const before = await counts();
    const [firm] = await firmOf(c['stainless.team']);
    const graphiteFirm = (await firmOf(c['graphite.team']))[0];
    const res = await c['stainless.team'].post('/api/visits', {
      enterpriseId: graphiteFirm?.id,
      visitDate: '2026-11-21',
      peopleMet: '总经理',
      discussion: '了解情况',
      problems: [{ text: '道路破损', ownerUnitId: 999_999, workingDays: 10 }],
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields).sort()).toEqual(['enterpriseId', 'problems.0.ownerUnitId', 'visitDate']);
    const empty = await c['stainless.team'].post('/api/visits', {
      enterpriseId: firm?.id,
      visitDate: TODAY,
      peopleMet: '总经理',
      discussion: '了解情况',
      problems: [{ text: '   ', ownerUnitId: units.jtysj, workingDays: 10 }],
    });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().fields)).toEqual(['problems.0.text']);
    const unknown = await c.office.post('/api/visits', { enterpriseId: 999_999, visitDate: TODAY, peopleMet: '总经理', discussion: '了解情况' });
    expect(unknown.statusCode).toBe(400);
    expect(Object.keys(unknown.json().fields)).toEqual(['enterpriseId']);
    expect(await counts()).toEqual(before);
  });

  it('a visit with a problem creates its task and the service request in one transaction, and coverage moves', async () => {
    const coverageBefore = (await c['stainless.team'].get('/api/visits/coverage')).json();
    const mine = coverageBefore.officers.find((o: { officer: { id: number } }) => o.officer.id === users['stainless.team']);
    expect(mine.unvisited.length).toBeGreaterThan(0);
    const firm = mine.unvisited[0];
    const res = await c['stainless.team'].post('/api/visits', {
      enterpriseId: firm.id,
      visitDate: TODAY,
      officerUserIds: [users['stainless.li']],
      peopleMet: '总经理 张三',
      discussion: '了解四季度生产情况',
      problems: [{ text: '厂区门前道路积水严重，影响货车通行', ownerUnitId: units.jtysj, workingDays: 5 }],
    });
    expect(res.statusCode).toBe(200);
    const visit = res.json();
    expect(visit.officers.map((o: { id: number }) => o.id).sort()).toEqual([users['stainless.team'], users['stainless.li']].sort());
    const [problem] = visit.problemList;
    expect(problem).toMatchObject({ seq: 1, ownerUnit: { id: units.jtysj }, taskStatus: 'open', requestStatus: 'open' });
    const task = (await c.office.get(`/api/tasks/${problem.taskId}`)).json();
    expect(task).toMatchObject({ type: 'visit_problem', ownerUnit: { id: units.jtysj } });
    expect(task.sourceLabel).toEqual({ zh: `走访 ${TODAY} ${firm.name}`, en: `Visit ${TODAY} ${firm.name}`, path: `/visits/${visit.id}` });
    const request = (await c['stainless.team'].get(`/api/services/requests/${problem.requestId}`)).json();
    expect(request).toMatchObject({ channel: 'visit', status: 'open', enterprise: { id: firm.id }, ownerUnit: { id: units['team-stainless'] } });
    const audit = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'visit').where('entityId', '=', String(visit.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['visit.create']);
    const coverageAfter = (await c['stainless.team'].get('/api/visits/coverage')).json();
    const after = coverageAfter.officers.find((o: { officer: { id: number } }) => o.officer.id === users['stainless.team']);
    expect(after.visited).toBe(mine.visited + 1);
    expect(after.unvisited.map((f: { id: number }) => f.id)).not.toContain(firm.id);
  });

  it('rolls the visit back when its service request cannot be written', async () => {
    const before = await counts();
    await t.deps.db.updateTable('serviceCategories').set({ active: 0 }).where('code', '=', 'general').execute();
    const [firm] = await firmOf(c['stainless.team']);
    const res = await c['stainless.team'].post('/api/visits', {
      enterpriseId: firm?.id,
      visitDate: TODAY,
      peopleMet: '总经理',
      discussion: '了解情况',
      problems: [{ text: '用电增容', ownerUnitId: units.gxj, workingDays: 5 }],
    });
    await t.deps.db.updateTable('serviceCategories').set({ active: 1 }).where('code', '=', 'general').execute();
    expect(res.statusCode).toBe(500);
    expect(await counts()).toEqual(before);
  });

  it('photos hang off the visit: its team uploads, a leader reads, another team cannot', async () => {
    const visit = (await c['stainless.team'].get('/api/visits?withProblems=true&sort=id&order=desc')).json().items[0];
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const up = await uploadFile(c['stainless.team'], `/api/attachments/visit/${visit.id}`, 'photo.png', png, 'image/png');
    expect(up.statusCode).toBe(200);
    expect((await c.leader.get(`/api/attachments?ownerType=visit&ownerId=${visit.id}`)).json().items).toHaveLength(1);
    expect((await uploadFile(c.leader, `/api/attachments/visit/${visit.id}`, 'x.png', png, 'image/png')).statusCode).toBe(403);
    expect((await uploadFile(c['graphite.team'], `/api/attachments/visit/${visit.id}`, 'x.png', png, 'image/png')).statusCode).toBe(404);
  });
});

describe('assignments', () => {
  it('the office assigns firms in bulk: the current assignment ends the day before; the history is kept', async () => {
    const firms = (await firmOf(c['graphite.team'])).slice(0, 2);
    const before = (await c.office.get(`/api/visits/assignments?current=false&enterpriseId=${firms[0]?.id}`)).json().total;
    const res = await c.office.post('/api/visits/assignments', {
      enterpriseIds: firms.map((f) => f.id),
      officerUserId: users['stainless.li'],
      fromDate: TODAY,
    });
    expect(res.json()).toEqual({ assigned: 2 });
    const history = (await c.office.get(`/api/visits/assignments?current=false&enterpriseId=${firms[0]?.id}&sort=fromDate`)).json();
    expect(history.total).toBe(before + 1);
    expect(history.items.map((a: { toDate: string | null; current: boolean }) => [a.toDate, a.current])).toEqual([
      ['2026-11-19', false],
      [null, true],
    ]);
    const profile = (await c.office.get(`/api/enterprises/${firms[0]?.id}`)).json();
    expect(profile.chiefOfficer.displayName).toBe('李专员');
    // Now held by the stainless team: its officers may visit it (the graphite team still serves it by its profile).
    expect((await firmOf(c['stainless.li'])).map((f) => f.id)).toContain(firms[0]?.id);
    const again = await c.office.post('/api/visits/assignments', {
      enterpriseIds: [firms[0]?.id],
      officerUserId: users['graphite.team'],
      fromDate: '2026-11-01',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().fields).toHaveProperty('enterpriseIds.0');
    const bad = await c.office.post('/api/visits/assignments', { enterpriseIds: [999_999], officerUserId: users.wuxing, fromDate: TODAY });
    expect(Object.keys(bad.json().fields).sort()).toEqual(['enterpriseIds.0', 'officerUserId']);
    const xlsx = await c.office.get('/api/visits/assignments/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
  });

  it('the office ends an assignment; an end before the start is refused', async () => {
    const [a] = (await c.office.get('/api/visits/assignments?sort=id')).json().items;
    expect((await c.office.post(`/api/visits/assignments/${a.id}/end`, { toDate: '2000-01-01' })).statusCode).toBe(400);
    const ended = await c.office.post(`/api/visits/assignments/${a.id}/end`, { toDate: '2026-12-31' });
    expect(ended.json()).toMatchObject({ toDate: '2026-12-31', current: true });
    expect((await c.office.post('/api/visits/assignments/999999/end', { toDate: '2026-12-31' })).statusCode).toBe(404);
  });
});

describe('cadre exchanges', () => {
  it('the office records, edits and deletes an exchange; bad input is per field', async () => {
    const [firm] = await firmOf(c.office);
    const bad = await c.office.post('/api/visits/exchanges', {
      personName: '',
      direction: 'to_firm',
      unitId: 999_999,
      enterpriseId: firm?.id,
      role: '驻企',
      fromDate: '2026-11-01',
      toDate: '2026-10-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['personName']);
    const bad2 = await c.office.post('/api/visits/exchanges', {
      personName: '吴某',
      direction: 'to_firm',
      unitId: 999_999,
      enterpriseId: firm?.id,
      role: '驻企',
      fromDate: '2026-11-01',
      toDate: '2026-10-01',
    });
    expect(Object.keys(bad2.json().fields).sort()).toEqual(['toDate', 'unitId']);
    const made = await c.office.post('/api/visits/exchanges', {
      personName: '吴某',
      direction: 'to_firm',
      unitId: units.gxj,
      enterpriseId: firm?.id,
      role: '驻企',
      fromDate: '2026-11-01',
    });
    expect(made.json()).toMatchObject({ personName: '吴某', current: true, toDate: null });
    const edited = await c.office.patch(`/api/visits/exchanges/${made.json().id}`, { role: '驻企联络员' });
    expect(edited.json()).toMatchObject({ role: '驻企联络员', personName: '吴某' });
    expect((await c['stainless.team'].delete(`/api/visits/exchanges/${made.json().id}`)).statusCode).toBe(403);
    expect((await c.office.delete(`/api/visits/exchanges/${made.json().id}`)).json()).toEqual({ ok: true });
    expect((await c.office.delete(`/api/visits/exchanges/${made.json().id}`)).statusCode).toBe(404);
  });
});

describe('coverage and the reminder', () => {
  it('reports per team and officer, for past quarters too; a future or malformed period is 400', async () => {
    const now = (await c.office.get('/api/visits/coverage')).json();
    expect(now.period).toMatchObject({ key: '2026-Q4', start: '2026-10-01', end: '2026-12-31', kind: 'quarter' });
    expect(now.asOf).toBe(TODAY);
    expect(now.periods[0]).toBe('2026-Q4');
    expect(now.total.firms).toBe(22);
    expect(now.total.visited).toBeLessThan(22);
    const team = (await c.office.get(`/api/visits/coverage?teamUnitId=${units['team-graphite']}`)).json();
    expect(team.teams.map((x: { team: { id: number } }) => x.team.id)).toEqual([units['team-graphite']]);
    const last = (await c.office.get('/api/visits/coverage?period=2026-Q3')).json();
    expect(last.asOf).toBe('2026-09-30');
    expect(last.total.visited).toBeGreaterThan(0);
    expect((await c.office.get('/api/visits/coverage?period=2027-Q1')).statusCode).toBe(400);
    expect((await c.office.get('/api/visits/coverage?period=2026-13')).statusCode).toBe(400);
    // An officer sees their team only.
    const mine = (await c['graphite.team'].get('/api/visits/coverage')).json();
    expect(mine.officers.every((o: { team: { id: number } }) => o.team.id === units['team-graphite'])).toBe(true);
  });

  it('reminds each officer once per quarter when ten working days remain', async () => {
    expect(await remindUnvisited(t.deps)).toBe(0);
    t.clock.set('2026-12-17T02:00:00Z');
    const sent = await remindUnvisited(t.deps);
    expect(sent).toBeGreaterThan(0);
    t.clock.set('2026-12-18T02:00:00Z');
    expect(await remindUnvisited(t.deps)).toBe(0);
    const notes = await t.deps.db.selectFrom('notifications').select(['userId', 'titleZh']).where('kind', '=', 'visit.coverage_reminder').execute();
    expect(notes).toHaveLength(sent);
    expect(new Set(notes.map((n) => n.userId)).size).toBe(sent);
    expect(notes[0]?.titleZh).toContain('2026-Q4');
    t.clock.set(`${TODAY}T02:00:00Z`);
  });

  it('the office changes the coverage setting (audited); others may not', async () => {
    expect((await c.office.get('/api/visits/settings')).json()).toEqual({ period: 'quarter', remindWorkingDays: 10, editDays: 7 });
    expect((await c['stainless.team'].put('/api/visits/settings', { period: 'month', remindWorkingDays: 5 })).statusCode).toBe(403);
    expect((await c.office.put('/api/visits/settings', { period: 'month', remindWorkingDays: 5 })).json()).toEqual({
      period: 'month',
      remindWorkingDays: 5,
      editDays: 7,
    });
    expect((await c.office.get('/api/visits/coverage')).json().period.key).toBe('2026-11');
    await c.office.put('/api/visits/settings', { period: 'quarter', remindWorkingDays: 10 });
  });
});

describe('editing and deleting a visit', () => {
  const log = async (who: Client, problems: unknown[] = []) => {
    const [firm] = await firmOf(who);
    const res = await who.post('/api/visits', { enterpriseId: firm?.id, visitDate: TODAY, peopleMet: '总经理', discussion: '了解生产情况', problems });
    expect(res.statusCode).toBe(200);
    return res.json() as { id: number; canEdit: boolean; canDelete: boolean; editableUntil: string };
  };
  const audits = (id: number) =>
    t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'afterJson'])
      .where('entityType', '=', 'visit')
      .where('entityId', '=', String(id))
      .orderBy('id')
      .execute();

  it('only the author or the office: another officer of the team is 403, another team 404, nothing written', async () => {
    const visit = await log(c['stainless.team']);
    expect(visit).toMatchObject({ canEdit: true, canDelete: true, editableUntil: '2026-11-27' });
    expect((await c['stainless.li'].get(`/api/visits/${visit.id}`)).json()).toMatchObject({ canEdit: false, canDelete: false });
    const before = await counts();
    expect((await c['stainless.li'].patch(`/api/visits/${visit.id}`, { peopleMet: '改' })).statusCode).toBe(403);
    expect((await c['stainless.li'].post(`/api/visits/${visit.id}/delete`, { reason: '重复' })).statusCode).toBe(403);
    expect((await c['graphite.team'].patch(`/api/visits/${visit.id}`, { peopleMet: '改' })).statusCode).toBe(404);
    expect((await c['graphite.team'].post(`/api/visits/${visit.id}/delete`, { reason: '重复' })).statusCode).toBe(404);
    expect((await c.leader.patch(`/api/visits/${visit.id}`, { peopleMet: '改' })).statusCode).toBe(403);
    expect((await c.daying.post(`/api/visits/${visit.id}/delete`, { reason: '重复' })).statusCode).toBe(403);
    expect((await c.office.patch('/api/visits/999999', { peopleMet: '改' })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    expect((await c['stainless.team'].get(`/api/visits/${visit.id}`)).json().peopleMet).toBe('总经理');
  });

  it('bad input is 400 per field and writes nothing; the author and the office edit, audited', async () => {
    const visit = await log(c['stainless.team']);
    const before = await counts();
    const bad = await c['stainless.team'].patch(`/api/visits/${visit.id}`, { visitDate: '2026-11-21', discussion: '  ', officerUserIds: [users.wuxing] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['discussion']);
    const bad2 = await c['stainless.team'].patch(`/api/visits/${visit.id}`, { visitDate: '2026-11-21', officerUserIds: [users.wuxing] });
    expect(Object.keys(bad2.json().fields).sort()).toEqual(['officerUserIds.0', 'visitDate']);
    expect((await c['stainless.team'].post(`/api/visits/${visit.id}/delete`, { reason: ' ' })).statusCode).toBe(400);
    expect((await c['stainless.team'].post(`/api/visits/${visit.id}/delete`, {})).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    const edited = await c['stainless.team'].patch(`/api/visits/${visit.id}`, { peopleMet: '董事长', officerUserIds: [users['stainless.li']] });
    expect(edited.json()).toMatchObject({ peopleMet: '董事长', discussion: '了解生产情况' });
    // The author stays one of the officers.
    expect(
      edited
        .json()
        .officers.map((o: { id: number }) => o.id)
        .sort(),
    ).toEqual([users['stainless.team'], users['stainless.li']].sort());
    expect((await c.office.patch(`/api/visits/${visit.id}`, { visitDate: '2026-11-19' })).json().visitDate).toBe('2026-11-19');
    expect((await audits(visit.id)).map((a) => a.action)).toEqual(['visit.create', 'visit.update', 'visit.update']);
  });

  it('the author deletes with a reason, audited; a visit whose problems were filed is 409 and only edited', async () => {
    const visit = await log(c['stainless.team']);
    const deleted = await c['stainless.team'].post(`/api/visits/${visit.id}/delete`, { reason: '重复登记' });
    expect(deleted.json()).toEqual({ ok: true });
    expect((await c['stainless.team'].get(`/api/visits/${visit.id}`)).statusCode).toBe(404);
    const officers = await t.deps.db.selectFrom('visitOfficers').select('userId').where('visitId', '=', visit.id).execute();
    expect(officers).toEqual([]);
    const trail = await audits(visit.id);
    expect(trail.map((a) => a.action)).toEqual(['visit.create', 'visit.delete']);
    expect(JSON.parse(trail[1]?.afterJson ?? '{}')).toEqual({ reason: '重复登记' });

    const filed = await log(c['stainless.team'], [{ text: '道路积水', ownerUnitId: units.jtysj, workingDays: 5 }]);
    expect(filed).toMatchObject({ canEdit: true, canDelete: false });
    const before = await counts();
    const refused = await c['stainless.team'].post(`/api/visits/${filed.id}/delete`, { reason: '登记错了' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fields.problems).toBe('该走访发现的问题已转为督办任务和企业诉求，不能删除，只能修改');
    expect((await c.office.post(`/api/visits/${filed.id}/delete`, { reason: '登记错了' })).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    expect((await c['stainless.team'].patch(`/api/visits/${filed.id}`, { discussion: '补充：企业订单饱满' })).statusCode).toBe(200);
  });

  it('after the setting’s days neither the author nor the office may change it; the office widens the window', async () => {
    const visit = await log(c['stainless.team']);
    t.clock.set('2026-11-28T02:00:00Z');
    // Sessions lapse over eight idle days: sign in again on the later day, and once more back on today.
    const resign = async () => {
      for (const u of ['office', 'stainless.team']) c[u] = await t.signIn(u);
    };
    await resign();
    try {
      const before = await counts();
      const late = await c['stainless.team'].patch(`/api/visits/${visit.id}`, { peopleMet: '改' });
      expect(late.statusCode).toBe(409);
      expect(late.json().fields.createdAt).toBe('走访记录登记 7 天后不能再修改或删除');
      expect((await c.office.post(`/api/visits/${visit.id}/delete`, { reason: '重复' })).statusCode).toBe(409);
      expect(await counts()).toEqual(before);
      expect((await c['stainless.team'].get(`/api/visits/${visit.id}`)).json()).toMatchObject({ canEdit: false, canDelete: false });
      await c.office.put('/api/visits/settings', { period: 'quarter', remindWorkingDays: 10, editDays: 10 });
      expect((await c['stainless.team'].patch(`/api/visits/${visit.id}`, { peopleMet: '改' })).statusCode).toBe(200);
    } finally {
      await c.office.put('/api/visits/settings', { period: 'quarter', remindWorkingDays: 10, editDays: 7 });
      t.clock.set(`${TODAY}T02:00:00Z`);
      await resign();
    }
  });
});

describe('importing chief-officer assignments', () => {
  const filled = async (rows: unknown[][]) => {
    const template = await c.office.get('/api/visits/assignments/template.xlsx');
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    rows.forEach((r, i) => {
      if (sheet) sheet.getRow(3 + i).values = r as ExcelJS.CellValue[];
    });
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const upload = async (rows: unknown[][], who = c.office) => uploadFile(who, '/api/visits/assignments/import', 'a.xlsx', await filled(rows));
  const firmsOf = async (n: number) =>
    t.deps.db.selectFrom('enterprises').select(['id', 'uscc', 'name']).where('townshipUnitId', '=', units.yangzhuang).orderBy('id').limit(n).execute();

  it('one unknown credit code or account writes nothing and names each row', async () => {
    const [a, b] = await firmsOf(2);
    const before = await counts();
    const res = await upload([
      [a?.uscc, a?.name, 'graphite.team', '2026-11-20'],
      [b?.uscc, b?.name, 'nobody.here'],
      ['91410421MA9XXXXXXQ', '无此企业', 'stainless.li'],
      [a?.uscc, a?.name, 'wuxing'],
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { row: 4, column: '首席服务官账号', message: '账号不存在、已停用或不是工作人员' },
      { row: 5, column: '统一社会信用代码', message: '统一社会信用代码不在企业名录中' },
      { row: 6, column: '首席服务官账号', message: '账号不存在、已停用或不是工作人员' },
      { row: 6, column: '统一社会信用代码', message: '同一企业在文件中出现多次' },
    ]);
    expect(await counts()).toEqual(before);
    expect((await upload([[a?.uscc, a?.name, 'graphite.team']], c['stainless.team'])).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('a good file assigns every row, ends the current assignments, audits once and tells each officer', async () => {
    const [a, b] = await firmsOf(2);
    const notesBefore = await t.deps.db.selectFrom('notifications').select('id').where('kind', '=', 'visit.assigned').execute();
    const res = await upload([
      [a?.uscc, a?.name, 'graphite.team', '', '批量导入'],
      [b?.uscc, b?.name, 'graphite.team', '2026-11-01'],
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    const current = (await c.office.get(`/api/visits/assignments?enterpriseId=${a?.id}`)).json().items;
    expect(current).toMatchObject([{ officer: { id: users['graphite.team'] }, fromDate: TODAY, note: '批量导入', team: { id: units['team-graphite'] } }]);
    expect((await c.office.get(`/api/enterprises/${b?.id}`)).json().chiefOfficer.displayName).toBe('王专员');
    const audit = await t.deps.db.selectFrom('auditLog').select('afterJson').where('action', '=', 'visit_assignment.import').execute();
    expect(audit).toHaveLength(1);
    const notes = await t.deps.db.selectFrom('notifications').select('id').where('kind', '=', 'visit.assigned').execute();
    expect(notes.length).toBe(notesBefore.length + 1);
    // Again from an earlier day: the current assignment started later, so the row is refused.
    const again = await upload([[a?.uscc, a?.name, 'stainless.li', '2026-11-10']]);
    expect(again.json().errors).toEqual([{ row: 3, column: '起始日期', message: '起始日期须晚于该企业现任首席服务官的起始日期' }]);
  });
});
