import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { ensureServicesDemo } from '../services';
import { ensureInnovationDemo } from './innovation.demo';
import { notifyCertificates } from './innovation.service';

let t: TestApp;
const c: Record<string, Client> = {};
const firms: Record<string, number> = {};
const USCC = {
  wuxing: '914104214773600MMQ',
  tiefulai: '914104214220MM8M13',
  guoxi: '914104214024496021',
  xiangrui: '914104211150M1026F',
  yongsheng: '91410421725M76M874',
  changlong: '91410421649M37595X',
  derun: '9141042186M587A292',
};
// Friday 20 November 2026.
const TODAY = '2026-11-20';
let categoryId: number;

interface Entry {
  id: number;
  pipeline: string;
  enterprise: { id: number; name: string } | null;
  name: string;
  stage: string;
  certStatus: string | null;
  validTo: string | null;
  writable: boolean;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(`${TODAY}T02:00:00Z`);
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
  await ensureServicesDemo(t.deps);
  await ensureInnovationDemo(t.deps);
  const rows = await t.deps.db.selectFrom('enterprises').select(['id', 'uscc']).execute();
  for (const [k, uscc] of Object.entries(USCC)) firms[k] = rows.find((r) => r.uscc === uscc)?.id as number;
  for (const u of ['office', 'leader', 'kjj', 'gxj', 'yangzhuang', 'zhouzhuang', 'wuxing', 'tiefulai']) c[u] = await t.signIn(u);
  const programme = await c.office.post('/api/funds/programmes', {
    fund: 'innovation',
    name: '科技创新资金',
    year: 2026,
    budgetFen: 1_000_000_000,
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    categories: [{ name: '高新技术企业认定奖励', ruleKind: 'fixed', amountFen: 20_000_000 }],
  });
  expect(programme.statusCode, programme.body).toBe(200);
  categoryId = programme.json().categories[0].id;
}, 120_000);
afterAll(() => t.close());

const TABLES = ['innovationEntries', 'innovationStageChanges', 'innovationTargets', 'auditLog', 'notifications'] as const;
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
const entriesOf = async (client: Client, query = '') => (await client.get(`/api/innovation/entries?pageSize=100${query}`)).json().items as Entry[];
const entryOf = async (pipeline: string, firm: string) => {
  const all = await entriesOf(c.office, `&pipeline=${pipeline}`);
  return all.find((e) => e.enterprise?.id === firms[firm]) as Entry;
};
const profile = async (firm: string) => (await c.office.get(`/api/enterprises/${firms[firm]}`)).json();
const qualifying = async (eligibility: unknown) => {
  const res = await c.office.post('/api/funds/policies/preview', { eligibility, categoryId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: { enterprise: { id: number } }) => i.enterprise.id) as number[];
};
const target = async (pipeline: string, stage: string) =>
  ((await c.office.get('/api/innovation/targets?year=2026')).json().targets as { pipeline: string; stage: string; achieved: number; remaining: number }[]).find(
    (x) => x.pipeline === pipeline && x.stage === stage,
  );

describe('demo: entries across the pipelines, targets and 零突破', () => {
  it('has seventeen entries, one certificate in its 复审 window and one expired', async () => {
    const all = await entriesOf(c.office);
    expect(all).toHaveLength(17);
    expect(new Set(all.map((e) => e.pipeline))).toEqual(new Set(['high_tech', 'sme', 'rd', 'incubator']));
    expect((await entryOf('high_tech', 'wuxing')).certStatus).toBe('renewal_due');
    expect((await entryOf('high_tech', 'derun')).certStatus).toBe('expired');
    const expired = await entriesOf(c.office, '&certStatus=expired');
    expect(expired.map((e) => e.enterprise?.id)).toEqual([firms.derun]);
    const due = await entriesOf(c.office, '&certStatus=renewal_due');
    expect(due.map((e) => e.enterprise?.id)).toEqual([firms.wuxing]);
  });

  it('shows this year’s targets against progress and the 零突破 goals', async () => {
    const res = (await c.leader.get('/api/innovation/targets')).json();
    expect(res.year).toBe(2026);
    expect(res.targets.find((x: { pipeline: string }) => x.pipeline === 'high_tech')).toMatchObject({
      stage: 'certified',
      target: 8,
      achieved: 0,
      remaining: 8,
    });
    expect(res.breakthroughs).toEqual([
      expect.objectContaining({ pipeline: 'rd', stage: 'national', from: '2025-01-01', to: '2026-12-31', status: 'achieved', entry: expect.anything() }),
      expect.objectContaining({ pipeline: 'incubator', stage: 'national', status: 'in_progress', entry: null }),
    ]);
  });

  it('exports the list as a workbook', async () => {
    const xlsx = await c.office.get('/api/innovation/entries/export.xlsx?pipeline=high_tech');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('a promotion updates the firm’s profile, and so policy matching', () => {
  it('科技局 moves a firm from 申报 to 认定: profile 高新 with its certificate, the policy matches, the target moves', async () => {
    const entry = await entryOf('high_tech', 'xiangrui');
    expect(entry.stage).toBe('applied');
    expect(entry.writable).toBe(true);
    expect((await profile('xiangrui')).highTech).toBe(false);
    expect(await qualifying({ field: 'highTech', op: 'eq', value: true })).not.toContain(firms.xiangrui);
    const before = await target('high_tech', 'certified');

    const res = await c.kjj.post(`/api/innovation/entries/${entry.id}/stage`, {
      stage: 'certified',
      changedOn: '2026-11-18',
      certNo: 'GR202641000999',
      certDate: '2026-11-18',
      note: '通过 2026 年第二批认定',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after).toMatchObject({ stage: 'certified', certNo: 'GR202641000999', validTo: '2029-11-17', certStatus: 'valid', writable: true });
    expect(after.history[0]).toMatchObject({
      fromStage: 'applied',
      toStage: 'certified',
      changedOn: '2026-11-18',
      note: '通过 2026 年第二批认定',
      user: '郑科长',
    });

    expect(await profile('xiangrui')).toMatchObject({ highTech: true, highTechCertNo: 'GR202641000999', highTechValidTo: '2029-11-17' });
    expect(await qualifying({ field: 'highTech', op: 'eq', value: true })).toContain(firms.xiangrui);
    expect((await target('high_tech', 'certified'))?.achieved).toBe((before?.achieved ?? 0) + 1);

    const audits = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'entityId', 'actorUsername'])
      .where('action', 'in', ['innovation_entry.stage', 'enterprise.update'])
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: 'innovation_entry.stage', entityId: String(entry.id), actorUsername: 'kjj' },
        { action: 'enterprise.update', entityId: String(firms.xiangrui), actorUsername: 'kjj' },
      ]),
    );
  });

  it('a demotion takes 高新 off the profile again', async () => {
    const entry = await entryOf('high_tech', 'xiangrui');
    const res = await c.kjj.post(`/api/innovation/entries/${entry.id}/stage`, { stage: 'pool', changedOn: '2026-11-19', note: '证书撤销' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'pool', certNo: '', validTo: null });
    expect(await profile('xiangrui')).toMatchObject({ highTech: false, highTechCertNo: '', highTechValidTo: null });
    expect(await qualifying({ field: 'highTech', op: 'eq', value: true })).not.toContain(firms.xiangrui);
  });

  it('工信局 promotes a 专精特新 tier: the profile’s tier and a policy for 小巨人 follow', async () => {
    const entry = await entryOf('sme', 'guoxi');
    expect(await qualifying({ field: 'smeTier', op: 'gte', value: 'little_giant' })).not.toContain(firms.guoxi);
    const res = await c.gxj.post(`/api/innovation/entries/${entry.id}/stage`, { stage: 'little_giant', changedOn: TODAY, note: '' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await profile('guoxi')).smeTier).toBe('little_giant');
    expect(await qualifying({ field: 'smeTier', op: 'gte', value: 'little_giant' })).toContain(firms.guoxi);
  });

  it('an R&D institution’s level is written into the profile’s 研发机构', async () => {
    const entry = (await entriesOf(c.kjj, '&pipeline=rd')).find((e) => e.enterprise?.id === firms.wuxing) as Entry;
    const res = await c.kjj.post(`/api/innovation/entries/${entry.id}/stage`, { stage: 'national', changedOn: TODAY, note: '' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await profile('wuxing')).rdInstitutions).toBe('国家级 河南省石墨烯材料工程技术研究中心');
  });
});

describe('bad input and illegal moves write nothing', () => {
  it('a new entry with bad fields is 400 with a message per field', async () => {
    const before = await counts();
    const res = await c.kjj.post('/api/innovation/entries', { pipeline: 'high_tech', stage: 'certified', stageDate: '2026-12-01', certNo: '' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields).sort()).toEqual(['certDate', 'certNo', 'enterpriseId', 'stageDate']);
    const standalone = await c.kjj.post('/api/innovation/entries', { pipeline: 'incubator', stage: 'national', stageDate: TODAY });
    expect(standalone.statusCode).toBe(400);
    expect(Object.keys(standalone.json().fields).sort()).toEqual(['kind', 'name', 'operator', 'townshipUnitId']);
    const wrongStage = await c.kjj.post('/api/innovation/entries', {
      pipeline: 'rd',
      enterpriseId: firms.derun,
      name: '研发中心',
      stage: 'certified',
      stageDate: TODAY,
    });
    expect(wrongStage.json().fields).toEqual({ stage: '该阶段不属于此培育库' });
    const twice = await c.kjj.post('/api/innovation/entries', { pipeline: 'high_tech', enterpriseId: firms.wuxing, stage: 'pool', stageDate: TODAY });
    expect(twice.statusCode).toBe(400);
    expect(Object.keys(twice.json().fields)).toEqual(['enterpriseId']);
    expect(await counts()).toEqual(before);
  });

  it('a stage change with bad fields is 400; a jump is 409; both leave entry, history, profile and audit alone', async () => {
    const entry = await entryOf('high_tech', 'yongsheng');
    const firmBefore = await profile('yongsheng');
    const before = await counts();
    const bad = await c.kjj.post(`/api/innovation/entries/${entry.id}/stage`, { stage: 'applied', changedOn: '2026-11-21' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['changedOn']);
    const early = await c.kjj.post(`/api/innovation/entries/${entry.id}/stage`, { stage: 'applied', changedOn: '2020-01-01' });
    expect(early.statusCode).toBe(400);
    const noCert = await c.kjj.post(`/api/innovation/entries/${entry.id}/stage`, { stage: 'certified', changedOn: TODAY });
    expect(noCert.statusCode).toBe(400);
    expect(Object.keys(noCert.json().fields).sort()).toEqual(['certDate', 'certNo']);
    const jump = await c.kjj.post(`/api/innovation/entries/${entry.id}/stage`, { stage: 'certified', changedOn: TODAY, certNo: 'GR1', certDate: TODAY });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().fields.stage).toBe('不能从“培育库”直接变更为“认定”');
    const unknown = await c.kjj.post(`/api/innovation/entries/${entry.id}/stage`, { stage: 'nowhere', changedOn: TODAY });
    expect(unknown.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    expect((await entryOf('high_tech', 'yongsheng')).stage).toBe('pool');
    expect(await profile('yongsheng')).toEqual(firmBefore);
  });
});

describe('access', () => {
  it('a firm sees its own entries only; another firm’s entry and the targets are 404; it cannot write', async () => {
    const own = await entriesOf(c.wuxing);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e) => e.enterprise?.id === firms.wuxing && !e.writable)).toBe(true);
    const other = await entryOf('sme', 'tiefulai');
    expect((await c.wuxing.get(`/api/innovation/entries/${other.id}`)).statusCode).toBe(404);
    expect((await c.wuxing.get(`/api/innovation/entries/${own[0].id}`)).statusCode).toBe(200);
    expect((await c.wuxing.get('/api/innovation/targets')).statusCode).toBe(404);
    const before = await counts();
    expect((await c.wuxing.post(`/api/innovation/entries/${own[0].id}/stage`, { stage: 'applied', changedOn: TODAY })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('a township reads its firms’ entries (another township’s is 404) and cannot write (403)', async () => {
    const mine = await entryOf('high_tech', 'wuxing');
    const theirs = await entryOf('high_tech', 'changlong');
    expect((await c.yangzhuang.get(`/api/innovation/entries/${mine.id}`)).statusCode).toBe(200);
    expect((await c.yangzhuang.get(`/api/innovation/entries/${theirs.id}`)).statusCode).toBe(404);
    const listed = await entriesOf(c.yangzhuang);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((e) => e.id === theirs.id)).toBe(false);
    const before = await counts();
    expect((await c.yangzhuang.post(`/api/innovation/entries/${mine.id}/stage`, { stage: 'renewed', changedOn: TODAY })).statusCode).toBe(403);
    expect(
      (await c.yangzhuang.post('/api/innovation/entries', { pipeline: 'high_tech', enterpriseId: firms.derun, stage: 'pool', stageDate: TODAY })).statusCode,
    ).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('a department manages its own pipelines only: 工信局 cannot touch a 高企 entry (404), 科技局 cannot file 专精特新 (403)', async () => {
    const before = await counts();
    const ht = await entryOf('high_tech', 'changlong');
    expect((await c.gxj.post(`/api/innovation/entries/${ht.id}/stage`, { stage: 'pool', changedOn: TODAY })).statusCode).toBe(404);
    expect((await c.gxj.get(`/api/innovation/entries/${ht.id}`)).statusCode).toBe(404);
    expect((await c.kjj.post('/api/innovation/entries', { pipeline: 'sme', enterpriseId: firms.derun, stage: 'candidate', stageDate: TODAY })).statusCode).toBe(
      403,
    );
    expect((await c.kjj.put('/api/innovation/targets/2026', { items: [] })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('the office sets targets; a duplicate pipeline and stage is 400', async () => {
    const bad = await c.office.put('/api/innovation/targets/2027', {
      items: [
        { pipeline: 'high_tech', stage: 'certified', target: 8 },
        { pipeline: 'high_tech', stage: 'certified', target: 9 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const ok = await c.office.put('/api/innovation/targets/2027', { items: [{ pipeline: 'high_tech', stage: 'certified', target: 10 }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().targets).toEqual([{ pipeline: 'high_tech', stage: 'certified', target: 10, achieved: 0, remaining: 10, status: 'in_progress' }]);
  });
});

describe('racing stage changes', () => {
  it('two promotions of one entry at once: one is made, the other is 409, one history row', async () => {
    const entry = await entryOf('high_tech', 'changlong');
    expect(entry.stage).toBe('applied');
    const history = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('innovationStageChanges')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('entryId', '=', entry.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await history();
    const body = (n: number) => ({ stage: 'certified', changedOn: TODAY, certNo: `GR20264100100${n}`, certDate: TODAY, note: '' });
    const answers = await Promise.all([
      c.kjj.post(`/api/innovation/entries/${entry.id}/stage`, body(1)),
      c.office.post(`/api/innovation/entries/${entry.id}/stage`, body(2)),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(await history()).toBe(before + 1);
    const won = answers.find((a) => a.statusCode === 200)?.json().certNo;
    expect((await profile('changlong')).highTechCertNo).toBe(won);
  });
});

describe('the daily certificate job', () => {
  it('tells 科技局 once per certificate of 复审 due and expiry, and takes 高新 off an expired firm’s profile', async () => {
    const kjjUnit = await t.unitId('kjj');
    const kjjUsers = (await t.deps.db.selectFrom('users').select('id').where('unitId', '=', kjjUnit).execute()).map((u) => u.id);
    const sent = () =>
      t.deps.db
        .selectFrom('notifications')
        .select(['kind', 'titleZh'])
        .where('kind', 'like', 'innovation.%')
        .where('userId', 'in', kjjUsers)
        .orderBy('id')
        .execute();
    expect((await profile('derun')).highTech).toBe(true);
    expect(await notifyCertificates(t.deps)).toBe(2);
    const notes = await sent();
    expect(notes.map((n) => n.kind).sort()).toEqual(['innovation.cert_expired', 'innovation.cert_renewal']);
    expect(notes.find((n) => n.kind === 'innovation.cert_expired')?.titleZh).toContain('河南德润新材料科技有限公司');
    expect((await profile('derun')).highTech).toBe(false);
    expect(await notifyCertificates(t.deps)).toBe(0);
    t.clock.set('2026-11-21T02:00:00Z');
    expect(await notifyCertificates(t.deps)).toBe(0);
    expect(await sent()).toHaveLength(notes.length);
    t.clock.set(`${TODAY}T02:00:00Z`);
  });
});
