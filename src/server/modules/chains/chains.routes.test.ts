import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, createAccount } from '../../core/setup/bootstrap';
import type { TaskClosed } from '../../core/tasks/task-events';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';

let t: TestApp;
let office: Client;
let leader: Client;
let stainless: Client;
let optics: Client;
let daying: Client;
const units: Record<string, number> = {};
let leaderId: number;
// What a module subscribed to `taskClosed` sees in the closing transaction and after its commit.
const closed: { inTransaction: TaskClosed[]; afterCommit: TaskClosed[] } = { inTransaction: [], afterCommit: [] };

const YI = 10_000_000_000; // fen in 1亿元
const WAN = 1_000_000;

beforeAll(async () => {
  t = await createTestApp();
  t.subscribe('chains-test-task-closed', {
    taskClosed: {
      inTransaction: async (_trx, _deps, _ctx, event) => void closed.inTransaction.push(event),
      afterCommit: async (_deps, _ctx, event) => void closed.afterCommit.push(event),
    },
  });
  // Monday 12 July 2021.
  t.clock.set('2021-07-12T02:00:00Z');
  for (const code of ['daying', 'chengguan', 'gxj', 'fgw', 'office', 'grp-stainless', 'team-stainless', 'team-optics', 'team-coalchem'])
    units[code] = await t.unitId(code);
  await t.deps.db.transaction().execute((trx) =>
    createAccount(t.deps, trx, {
      username: 'optics.team',
      displayName: '视光专员',
      unitCode: 'team-optics',
      roleCodes: ['service_officer'],
      password: DEMO_PASSWORD,
      mustChange: false,
    }),
  );
  [office, leader, stainless, optics, daying] = await Promise.all(['office', 'leader', 'stainless.team', 'optics.team', 'daying'].map((u) => t.signIn(u)));
  leaderId = (await t.deps.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const count = async (table: 'chains' | 'chainSegments' | 'chainLeads' | 'chainLeadEvents' | 'tasks' | 'projects' | 'auditLog') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const chain = (over: Record<string, unknown> = {}) => ({
  code: 'CL01',
  nameZh: '不锈钢产业链',
  nameEn: 'Stainless steel chain',
  teamUnitId: units['team-stainless'],
  groupUnitId: units['grp-stainless'],
  leaderUserId: leaderId,
  description: '链长制',
  ...over,
});
let stainlessId: number;
let opticsId: number;
let coalId: number;

describe('chains', () => {
  it('the office adds chains with segments, members and links; the weak and missing segments are counted', async () => {
    const res = await office.post('/api/chains', chain());
    expect(res.statusCode, res.body).toBe(200);
    stainlessId = res.json().id;
    opticsId = (
      await office.post(
        '/api/chains',
        chain({ code: 'CL05', nameZh: '视光产业链', nameEn: 'Eyewear chain', teamUnitId: units['team-optics'], groupUnitId: null }),
      )
    ).json().id;
    coalId = (
      await office.post('/api/chains', chain({ code: 'CL02', nameZh: '新型煤化工产业链', nameEn: 'Coal chemicals chain', teamUnitId: units['team-coalchem'] }))
    ).json().id;
    const firm = await t.deps.db
      .insertInto('enterprises')
      .values({
        name: '宝丰县测试不锈钢有限公司',
        uscc: '91410421MA0000001X',
        townshipUnitId: units.daying,
        address: '',
        industryCode: 'C31',
        aboveScale: 1,
        highTech: 0,
        highTechCertNo: '',
        highTechValidTo: null,
        smeTier: 'none',
        rdInstitutions: '',
        employees: null,
        serviceTeamUnitId: units['team-stainless'],
        chiefOfficerUserId: null,
        createdAt: '2021-01-01T00:00:00Z',
        updatedAt: '2021-01-01T00:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await office.post(`/api/chains/${stainlessId}/segments`, {
      tier: 'upstream',
      name: '镍铁冶炼',
      keyProducts: '镍铁',
      weak: true,
      weakNote: '原料依赖外购',
      enterpriseIds: [firm.id],
    });
    await office.post(`/api/chains/${stainlessId}/segments`, { tier: 'midstream', name: '冷轧', keyProducts: '冷轧卷', enterpriseIds: [firm.id] });
    const seg = await office.post(`/api/chains/${stainlessId}/segments`, { tier: 'downstream', name: '制品', keyProducts: '管材' });
    expect(seg.statusCode, seg.body).toBe(200);
    expect(seg.json().segments.map((s: { state: string }) => s.state)).toEqual(['weak', 'ok', 'missing']);
    expect(
      (
        await office.put(`/api/chains/${stainlessId}/members`, {
          members: [
            { unitId: units.gxj, name: '王伟', position: '科长' },
            { unitId: units.fgw, name: '李娜' },
          ],
        })
      ).statusCode,
    ).toBe(200);
    expect((await office.post(`/api/chains/${stainlessId}/links`, { kind: 'outside', outsideName: '江苏德龙', note: '镍铁' })).statusCode).toBe(200);
    const linked = await office.post(`/api/chains/${coalId}/links`, { kind: 'circular', toChainId: stainlessId, note: '焦—钢' });
    expect(linked.statusCode, linked.body).toBe(200);
    const c = (await office.get(`/api/chains/${stainlessId}`)).json();
    expect(c).toMatchObject({ firmCount: 1, segmentCount: 3, weakCount: 2, memberCount: 2, leader: { id: leaderId } });
    expect(c.links.map((l: { kind: string }) => l.kind).sort()).toEqual(['circular', 'outside']);
    const list = (await office.get('/api/chains?weak=true&sort=code')).json();
    expect(list.items.map((x: { code: string }) => x.code)).toEqual(['CL01']);
    const graph = (await office.get('/api/chains/graph')).json();
    expect(graph.chains).toHaveLength(3);
    expect(graph.links).toHaveLength(2);
    const audit = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'chain').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['chain.create', 'chain.segment_create', 'chain.members', 'chain.link_create']));
  });

  it('refuses bad chain input field by field and writes nothing', async () => {
    const before = await Promise.all([count('chains'), count('chainSegments'), count('auditLog')]);
    const cases: [string, string, Record<string, unknown>, string[]][] = [
      ['post', '/api/chains', chain({ code: 'CL09', teamUnitId: units.gxj, groupUnitId: units.daying }), ['teamUnitId', 'groupUnitId']],
      ['post', '/api/chains', chain({ code: 'CL09' }), ['teamUnitId']], // the team runs a chain already
      ['post', '/api/chains', chain({ nameZh: '', extra: 1 }), ['extra', 'nameZh']],
      ['post', `/api/chains/${stainlessId}/segments`, { tier: 'sideways', name: '' }, ['name', 'tier']],
      ['post', `/api/chains/${stainlessId}/segments`, { tier: 'upstream', name: '原料', enterpriseIds: [999999] }, ['enterpriseIds']],
      ['post', `/api/chains/${stainlessId}/links`, { kind: 'inside', toChainId: stainlessId }, ['toChainId']],
      ['post', `/api/chains/${stainlessId}/links`, { kind: 'outside' }, ['outsideName']],
      ['patch', `/api/chains/${stainlessId}`, { code: 'CL05' }, ['code']],
    ];
    for (const [method, url, body, fields] of cases) {
      const res = await (method === 'post' ? office.post(url, body) : office.patch(url, body));
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(Object.keys(res.json().fields ?? {}).sort(), JSON.stringify(body)).toEqual(fields.sort());
    }
    expect(await Promise.all([count('chains'), count('chainSegments'), count('auditLog')])).toEqual(before);
  });

  it('a team sees its own chain, townships read every chain, another team’s chain is 404', async () => {
    expect((await stainless.get('/api/chains')).json().items.map((c: { id: number }) => c.id)).toEqual([stainlessId]);
    expect((await stainless.get(`/api/chains/${opticsId}`)).statusCode).toBe(404);
    expect((await stainless.get(`/api/chains/${stainlessId}`)).statusCode).toBe(200);
    expect((await daying.get('/api/chains')).json().total).toBe(3);
    const read = (await daying.get(`/api/chains/${opticsId}`)).json();
    expect(read.can).toEqual({ manage: false, addLead: false });
    expect(read.leads).toEqual([]);
    expect((await daying.patch(`/api/chains/${opticsId}`, { nameZh: 'x' })).statusCode).toBe(403);
    expect((await stainless.post(`/api/chains/${stainlessId}/segments`, { tier: 'upstream', name: 'x' })).statusCode).toBe(403);
    expect((await leader.get('/api/chains')).json().total).toBe(3);
  });

  it('removes a segment and a link', async () => {
    const c = (await office.get(`/api/chains/${stainlessId}`)).json();
    const seg = c.segments.find((s: { state: string }) => s.state === 'missing');
    const after = (await office.delete(`/api/chains/${stainlessId}/segments/${seg.id}`)).json();
    expect(after.segments).toHaveLength(2);
    const outside = after.links.find((l: { kind: string }) => l.kind === 'outside');
    expect((await office.delete(`/api/chains/${stainlessId}/links/${outside.id}`)).json().links).toHaveLength(1);
    expect((await office.delete(`/api/chains/${opticsId}/segments/${seg.id}`)).statusCode).toBe(404);
  });
});

const lead = (over: Record<string, unknown> = {}) => ({
  name: '镍铁合金深加工项目',
  investor: '江苏德龙镍业有限公司',
  source: 'referral',
  industryCode: 'C32',
  chainId: stainlessId,
  plannedInvestmentFen: YI,
  contact: '张经理',
  ...over,
});
let leadId: number;

describe('the attraction pipeline', () => {
  it('a team records a lead whose next step is a 督办 task of the team', async () => {
    const res = await stainless.post('/api/leads', lead({ nextStep: '邀请来县考察', nextStepDate: '2021-07-20' }));
    expect(res.statusCode, res.body).toBe(200);
    const l = res.json();
    leadId = l.id;
    expect(l).toMatchObject({
      stage: 'lead',
      teamUnit: { id: units['team-stainless'] },
      task: { status: 'open', dueDate: '2021-07-20' },
      can: { write: true, convert: false },
    });
    const task = await t.deps.db.selectFrom('tasks').selectAll().where('sourceModule', '=', 'chains').executeTakeFirstOrThrow();
    expect([task.type, task.ownerUnitId]).toEqual(['chain_lead_step', units['team-stainless']]);
    expect((await stainless.get(`/api/tasks/${task.id}`)).json().sourceLabel).toMatchObject({
      zh: expect.stringMatching(/^招商线索 /),
      path: `/chains/leads/${leadId}`,
    });
    const next = (await stainless.post(`/api/leads/${leadId}/next-step`, { nextStep: '拟定协议', nextStepDate: '2021-08-02' })).json();
    expect(next.task.dueDate).toBe('2021-08-02');
    expect((await t.deps.db.selectFrom('tasks').select('status').where('id', '=', task.id).executeTakeFirstOrThrow()).status).toBe('done');
    // The replaced step is finished through the task engine: subscribers hear of it, and it is audited.
    const event = { taskId: task.id, type: 'chain_lead_step', ownerUnitId: units['team-stainless'], status: 'done', finishedDate: '2021-07-12' };
    expect(closed.inTransaction.filter((e) => e.taskId === task.id)).toEqual([expect.objectContaining(event)]);
    expect(closed.afterCommit.filter((e) => e.taskId === task.id)).toEqual([expect.objectContaining(event)]);
    const audit = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'task').where('entityId', '=', String(task.id)).execute();
    expect(audit.map((a) => a.action)).toContain('task.chain_lead_step_replaced');
  });

  it('refuses bad lead input field by field and writes nothing', async () => {
    const before = await Promise.all([count('chainLeads'), count('chainLeadEvents'), count('tasks'), count('auditLog')]);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ plannedInvestmentFen: -1 }, ['plannedInvestmentFen']],
      [{ plannedInvestmentFen: 1.5 }, ['plannedInvestmentFen']],
      [{ name: '', source: 'rumour' }, ['name', 'source']],
      [{ industryCode: 'Z99' }, ['industryCode']],
      [{ chainId: opticsId }, ['teamUnitId']], // another team's chain, so another team
      [{ teamUnitId: units.gxj }, ['teamUnitId']],
      [{ nextStep: '考察', nextStepDate: '2021-07-01' }, ['nextStepDate']],
      [{ extra: true }, ['extra']],
    ];
    for (const [over, fields] of cases) {
      const res = await stainless.post('/api/leads', lead(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(Object.keys(res.json().fields ?? {}).sort(), JSON.stringify(over)).toEqual(fields.sort());
    }
    const stage = await stainless.post(`/api/leads/${leadId}/stage`, { stage: 'contact', date: '2021-07-13' });
    expect(stage.statusCode).toBe(400);
    expect(Object.keys(stage.json().fields)).toEqual(['date']);
    expect(await Promise.all([count('chainLeads'), count('chainLeadEvents'), count('tasks'), count('auditLog')])).toEqual(before);
  });

  it('another team’s lead is 404 to read and to write; leaders and the office see all; townships none', async () => {
    expect((await optics.get(`/api/leads/${leadId}`)).statusCode).toBe(404);
    expect((await optics.patch(`/api/leads/${leadId}`, { name: 'x' })).statusCode).toBe(404);
    expect((await optics.post(`/api/leads/${leadId}/stage`, { stage: 'contact' })).statusCode).toBe(404);
    expect((await optics.get('/api/leads')).json().total).toBe(0);
    expect((await leader.get(`/api/leads/${leadId}`)).json().can.write).toBe(false);
    expect((await leader.patch(`/api/leads/${leadId}`, { name: 'x' })).statusCode).toBe(403);
    expect((await office.get('/api/leads')).json().total).toBe(1);
    expect((await daying.get('/api/leads')).statusCode).toBe(403);
  });

  it('moves forward through the stages with history; back is refused; signing on 31 Dec vs 1 Jan decides the year', async () => {
    t.clock.set('2022-01-03T02:00:00Z');
    [stainless, office, optics] = await Promise.all([t.signIn('stainless.team'), t.signIn('office'), t.signIn('optics.team')]);
    for (const [stage, date] of [
      ['contact', '2021-08-01'],
      ['inspection', '2021-09-01'],
      ['negotiation', '2021-11-01'],
    ])
      expect((await stainless.post(`/api/leads/${leadId}/stage`, { stage, date })).statusCode).toBe(200);
    const signed = (await stainless.post(`/api/leads/${leadId}/stage`, { stage: 'signed', date: '2021-12-31', contractInvestmentFen: YI })).json();
    expect(signed).toMatchObject({ stage: 'signed', signedDate: '2021-12-31', contractInvestmentFen: YI, countsInYear: 2021, can: { convert: true } });
    expect(signed.history.map((h: { toStage: string | null }) => h.toStage).filter(Boolean)).toEqual([
      'signed',
      'negotiation',
      'inspection',
      'contact',
      'lead',
    ]);
    const back = await stainless.post(`/api/leads/${leadId}/stage`, { stage: 'negotiation' });
    expect(Object.keys(back.json().fields)).toEqual(['stage']);

    const second = (await stainless.post('/api/leads', lead({ name: '不锈钢冷轧项目', plannedInvestmentFen: 3 * YI }))).json();
    await stainless.post(`/api/leads/${second.id}/stage`, { stage: 'signed', date: '2022-01-01', contractInvestmentFen: YI - 1 });
    const third = (await stainless.post('/api/leads', lead({ name: '不锈钢管材项目' }))).json();
    await stainless.post(`/api/leads/${third.id}/stage`, { stage: 'signed', date: '2022-01-01' });

    const y2021 = (await office.get('/api/leads/scoreboard?year=2021')).json();
    const row21 = y2021.rows.find((r: { teamUnit: { id: number } }) => r.teamUnit.id === units['team-stainless']);
    expect(row21).toMatchObject({ counted: 1, target: 2, met: false, countedFen: YI });
    const y2022 = (await stainless.get('/api/leads/scoreboard?year=2022')).json();
    expect(y2022.rows).toHaveLength(1);
    expect(y2022.rows[0]).toMatchObject({ counted: 1, countedFen: YI }); // 1亿 − 1 fen does not count
    expect((await optics.get('/api/leads/scoreboard?year=2021')).json().rows.map((r: { counted: number }) => r.counted)).toEqual([0]);
  });

  it('a signed lead becomes a project of the library in one action, fields carried over', async () => {
    const before = await count('projects');
    const body = {
      code: 'ZS2022-001',
      townshipUnitId: units.daying,
      responsibleUnitId: units.daying,
      annualPlanFen: 2000 * WAN,
      plannedStart: '2022-03-01',
      plannedCompletion: '2023-03-01',
      plannedProduction: '2023-06-01',
    };
    const bad = await stainless.post(`/api/leads/${leadId}/project`, { ...body, plannedStart: '2024-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(await count('projects')).toBe(before);
    const res = await stainless.post(`/api/leads/${leadId}/project`, body);
    expect(res.statusCode, res.body).toBe(200);
    const projectId = res.json().projectId;
    expect(res.json().can.convert).toBe(false);
    const p = (await office.get(`/api/projects/${projectId}`)).json();
    expect(p).toMatchObject({
      code: 'ZS2022-001',
      name: '镍铁合金深加工项目',
      library: 'strong_county',
      stage: 'preliminary',
      totalInvestmentFen: YI,
      leader: { id: leaderId },
      serviceTeamUnit: { id: units['team-stainless'] },
    });
    // The team sees the project it brought, and the chain page lists it.
    expect((await stainless.get(`/api/projects/${projectId}`)).statusCode).toBe(200);
    expect((await stainless.get(`/api/chains/${stainlessId}`)).json().projects.map((x: { id: number }) => x.id)).toContain(projectId);
    expect((await stainless.post(`/api/leads/${leadId}/project`, { ...body, code: 'ZS2022-002' })).statusCode).toBe(400);
  });

  it('flags leads not updated for the stalled days, a setting the office changes', async () => {
    t.clock.set('2022-02-10T02:00:00Z');
    [stainless, office] = await Promise.all([t.signIn('stainless.team'), t.signIn('office')]);
    const fresh = (await stainless.post('/api/leads', lead({ name: '新线索' }))).json();
    const stalled = (await stainless.get('/api/leads?stalled=true')).json();
    expect(stalled.items.map((l: { name: string }) => l.name).sort()).toEqual(['不锈钢冷轧项目', '不锈钢管材项目', '镍铁合金深加工项目'].sort());
    expect((await stainless.get('/api/leads?stalled=false')).json().items.map((l: { id: number }) => l.id)).toEqual([fresh.id]);
    const settings = { minAmountFen: YI / 2, targetCount: 1, countingStage: 'signed', stalledDays: 60 };
    expect((await stainless.put('/api/chains/settings', settings)).statusCode).toBe(403);
    expect((await office.put('/api/chains/settings', { ...settings, stalledDays: 0 })).statusCode).toBe(400);
    expect((await office.put('/api/chains/settings', settings)).statusCode).toBe(200);
    expect((await stainless.get('/api/leads?stalled=true')).json().total).toBe(0);
    const y2022 = (await stainless.get('/api/leads/scoreboard?year=2022')).json();
    expect(y2022.rows[0]).toMatchObject({ counted: 2, target: 1, met: true });
  });

  it('exports exactly the filtered list', async () => {
    const res = await office.get('/api/leads/export.xlsx?stage=signed&sort=name');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(1 + 3);
    const chains = await office.get('/api/chains/export.xlsx');
    expect(chains.statusCode).toBe(200);
  });

  it('audited every write to leads and the settings', async () => {
    const audit = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', 'in', ['lead', 'setting']).execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['lead.create', 'lead.next_step', 'lead.stage', 'lead.project', 'chain.settings']));
  });
});
