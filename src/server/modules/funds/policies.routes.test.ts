import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { ensureServicesDemo } from '../services';

let t: TestApp;
const c: Record<string, Client> = {};
const firms: Record<string, number> = {};
let programme: { id: number; categories: { id: number }[] };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T02:00:00Z');
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
  await ensureServicesDemo(t.deps);
  const rows = await t.deps.db.selectFrom('enterprises').select(['id', 'uscc']).execute();
  const byUscc = (uscc: string) => rows.find((r) => r.uscc === uscc)?.id as number;
  firms.wuxing = byUscc('914104214773600MMQ');
  firms.tiefulai = byUscc('914104214220MM8M13');
  firms.guoxi = byUscc('914104214024496021');
  for (const u of ['office', 'leader', 'wuxing', 'tiefulai', 'yangzhuang']) c[u] = await t.signIn(u);
  const res = await c.office.post('/api/funds/programmes', {
    fund: 'innovation',
    name: '科技创新资金',
    year: 2026,
    budgetFen: 1_000_000_000,
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    categories: [
      { name: '专精特新奖励', ruleKind: 'fixed', amountFen: 30_000_000 },
      { name: '小巨人奖励', ruleKind: 'fixed', amountFen: 400_000_000 },
    ],
  });
  programme = res.json();
});
afterAll(() => t.close());

const count = async (table: 'fundPolicies' | 'fundApplications' | 'notifications') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const GRAPHITE_SME = {
  all: [
    { field: 'industryCode', op: 'prefix', value: 'C30' },
    { field: 'smeTier', op: 'gte', value: 'provincial' },
  ],
};
let policyId: number;

describe('policies: eligibility as data, preview, the firm’s matched policies', () => {
  it('previews the qualifying firms of an expression before it is saved; a missing figure selects no firm', async () => {
    const res = await c.office.post('/api/funds/policies/preview', { eligibility: GRAPHITE_SME, categoryId: programme.categories[0]?.id });
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((i: { enterprise: { id: number } }) => i.enterprise.id);
    expect(ids).toEqual(expect.arrayContaining([firms.wuxing, firms.guoxi]));
    expect(ids).not.toContain(firms.tiefulai);
    const tax = (
      await c.office.post('/api/funds/policies/preview', {
        eligibility: { field: 'taxLastYearFen', op: 'gte', value: 1 },
        categoryId: programme.categories[0]?.id,
      })
    ).json();
    expect(tax.qualifying).toBe(0);
    expect(tax.undecided).toBeGreaterThanOrEqual(60);
  });

  it('bad expressions are 400 with nothing written; firms and townships cannot write or preview', async () => {
    const before = await count('fundPolicies');
    const base = { name: '坏政策', programmeId: programme.id, categoryId: programme.categories[0]?.id };
    for (const eligibility of [
      { field: 'profit', op: 'gt', value: 1 },
      { field: 'employees', op: 'between', value: 1 },
      { all: 'x' },
      { field: 'employees', op: 'gt' },
    ])
      expect((await c.office.post('/api/funds/policies', { ...base, eligibility })).statusCode, JSON.stringify(eligibility)).toBe(400);
    expect((await c.office.post('/api/funds/policies', { ...base, categoryId: 999999, eligibility: GRAPHITE_SME })).statusCode).toBe(400);
    expect((await c.wuxing.post('/api/funds/policies', { ...base, eligibility: GRAPHITE_SME })).statusCode).toBe(403);
    expect((await c.yangzhuang.post('/api/funds/policies/preview', { eligibility: GRAPHITE_SME, categoryId: 1 })).statusCode).toBe(403);
    expect((await c.wuxing.get('/api/funds/policies')).statusCode).toBe(403);
    expect(await count('fundPolicies')).toBe(before);
  });

  it('saving a policy counts and tells the qualifying firms; each firm sees on its portal the policies it qualifies for', async () => {
    const notices = await count('notifications');
    const res = await c.office.post('/api/funds/policies', {
      name: '石墨新材料专精特新企业奖励',
      summary: '省级以上专精特新的石墨企业',
      programmeId: programme.id,
      categoryId: programme.categories[0]?.id,
      eligibility: GRAPHITE_SME,
    });
    expect(res.statusCode, res.body).toBe(200);
    policyId = res.json().id;
    expect(res.json().qualifying).toBeGreaterThanOrEqual(2);
    expect(await count('notifications')).toBeGreaterThan(notices);
    const mine = (await c.wuxing.get('/api/funds/policies/mine')).json();
    expect(mine.items.map((i: { policy: { id: number } }) => i.policy.id)).toContain(policyId);
    expect(mine.items[0]).toMatchObject({ categoryId: programme.categories[0]?.id, applied: false, programme: { id: programme.id, open: true } });
    expect((await c.tiefulai.get('/api/funds/policies/mine')).json().items).toEqual([]);
    expect((await c.office.get('/api/funds/policies/mine')).statusCode).toBe(403);
  });

  it('the firm applies from the matched policy (pre-filled); the policy then shows as applied', async () => {
    const res = await c.wuxing.post('/api/funds/applications', {
      programmeId: programme.id,
      categoryId: programme.categories[0]?.id,
      title: '专精特新奖励申请',
      policyId,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await c.wuxing.get('/api/funds/policies/mine')).json().items[0].applied).toBe(true);
    const wrong = await c.wuxing.post('/api/funds/applications', { programmeId: programme.id, categoryId: programme.categories[1]?.id, title: 'x', policyId });
    expect(wrong.statusCode).toBe(400);
  });
});

describe('免申即享: the office confirms the drafted award list', () => {
  let auto: number;
  it('a policy marked so drafts its award list; confirming grants approved awards once, within the budget', async () => {
    auto = (
      await c.office.post('/api/funds/policies', {
        name: '国家级专精特新“小巨人”奖励',
        programmeId: programme.id,
        categoryId: programme.categories[0]?.id,
        eligibility: { field: 'smeTier', op: 'eq', value: 'little_giant' },
        autoGrant: true,
      })
    ).json().id;
    const draft = (await c.office.get(`/api/funds/policies/${auto}/matches`)).json();
    expect(draft.items.map((i: { enterprise: { id: number } }) => i.enterprise.id)).toContain(firms.tiefulai);
    expect(draft.amountFen).toBe(draft.qualifying * 30_000_000);
    expect((await c.wuxing.post(`/api/funds/policies/${auto}/awards`)).statusCode).toBe(403);
    const before = (await c.office.get(`/api/funds/programmes/${programme.id}`)).json().approvedFen;
    const ok = await c.office.post(`/api/funds/policies/${auto}/awards`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ granted: draft.qualifying, amountFen: draft.amountFen });
    expect((await c.office.get(`/api/funds/programmes/${programme.id}`)).json().approvedFen).toBe(before + draft.amountFen);
    const theirs = (await c.tiefulai.get('/api/funds/applications')).json().items;
    expect(theirs[0]).toMatchObject({ status: 'approved', approvedFen: 30_000_000 });
    expect((await c.office.post(`/api/funds/policies/${auto}/awards`)).json()).toEqual({ granted: 0, amountFen: 0 });
    expect((await c.office.get(`/api/funds/policies/${auto}/matches`)).json().items.every((i: { awarded: boolean }) => i.awarded)).toBe(true);
    expect((await c.office.post(`/api/funds/policies/${policyId}/awards`)).statusCode).toBe(409);
  });

  it('a list larger than what remains is refused whole: 409 with the remainder, nothing written', async () => {
    const big = (
      await c.office.post('/api/funds/policies', {
        name: '高新技术企业奖励（超预算）',
        programmeId: programme.id,
        categoryId: programme.categories[1]?.id,
        eligibility: { field: 'highTech', op: 'eq', value: true },
        autoGrant: true,
      })
    ).json().id;
    const before = await count('fundApplications');
    const res = await c.office.post(`/api/funds/policies/${big}/awards`);
    expect(res.statusCode).toBe(409);
    expect(res.json().fields.amountFen).toMatch(/[0-9,]+\.00/);
    expect(await count('fundApplications')).toBe(before);
  });
});
