import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { ensureDemoIndicators, indicatorsFile } from './indicators.demo';

let t: TestApp;
let office: Client;
let daying: Client;
let units: Record<string, number>;

const investment = {
  code: 'T_INV',
  nameZh: '测试工业投资',
  nameEn: 'Test industrial investment',
  unitZh: '亿元',
  unitEn: '100 million yuan',
  kind: 'cumulative',
};

beforeAll(async () => {
  t = await createTestApp();
  office = await t.signIn('office');
  daying = await t.signIn('daying');
  units = Object.fromEntries(await Promise.all(['daying', 'chengguan', 'gxj', 'team-stainless', 'tjj'].map(async (c) => [c, await t.unitId(c)])));
});
afterAll(() => t.close());

async function auditCount(action: string) {
  const row = await t.deps.db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('indicator catalogue', () => {
  let id: number;

  it('lets the office add an indicator, audited, and refuses a duplicate code per field', async () => {
    const res = await office.post('/api/indicators', { ...investment, sourceUnitId: units.tjj, definitionZh: '固定资产投资中的工业投资' });
    expect(res.statusCode).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ code: 'T_INV', direction: 'higher', decimals: 2, active: true, sourceUnit: { id: units.tjj } });
    expect(await auditCount('indicator.create')).toBe(1);

    const dup = await office.post('/api/indicators', investment);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields).toHaveProperty('code');
  });

  it('rejects bad input per field and writes nothing', async () => {
    const before = await auditCount('indicator.create');
    const res = await office.post('/api/indicators', { code: 'x', nameZh: '', unitZh: '%', kind: 'average', minValue: 5, maxValue: 1, colour: 'red' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields)).toEqual(expect.arrayContaining(['code', 'nameZh', 'nameEn', 'kind']));
    const bounds = await office.post('/api/indicators', { ...investment, code: 'T_B', minValue: 5, maxValue: 1 });
    expect(bounds.json().fields).toHaveProperty('maxValue');
    expect(await auditCount('indicator.create')).toBe(before);
  });

  it('lets townships read the catalogue but not change it', async () => {
    const list = await daying.get('/api/indicators?q=T_INV');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { code: string }) => i.code)).toEqual(['T_INV']);
    expect((await daying.patch(`/api/indicators/${id}`, { nameZh: '改名' })).statusCode).toBe(403);
    const auditor = await t.signIn('auditor');
    expect((await auditor.get('/api/indicators')).statusCode).toBe(403);
  });

  it('changes only the English name when a PATCH names only it (issue 16)', async () => {
    const created = await office.post('/api/indicators', {
      ...investment,
      code: 'T_EN',
      sourceUnitId: units.tjj,
      definitionZh: '口径',
      definitionEn: 'Definition',
      decimals: 1,
      sortOrder: 3,
    });
    expect(created.statusCode).toBe(200);
    const { updatedAt: _b, ...before } = created.json();
    const res = await office.patch(`/api/indicators/${before.id}`, { nameEn: 'x' });
    expect(res.statusCode).toBe(200);
    const { updatedAt: _a, ...after } = (await office.get(`/api/indicators/${before.id}`)).json();
    expect(after).toEqual({ ...before, nameEn: 'x' });
    expect(after).toMatchObject({ unitEn: '100 million yuan', sourceUnit: { id: units.tjj }, definitionZh: '口径', decimals: 1, sortOrder: 3 });
  });

  it('exports the filtered catalogue', async () => {
    const res = await office.get('/api/indicators/export.xlsx?kind=cumulative');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('annual plan', () => {
  const YEAR = 2031; // a year no demo data touches
  let inv: number;
  let firms: number;

  beforeAll(async () => {
    inv = (await office.post('/api/indicators', { ...investment, code: 'P_INV' })).json().id;
    firms = (
      await office.post('/api/indicators', {
        ...investment,
        code: 'P_FIRMS',
        nameZh: '规上企业数',
        nameEn: 'Above-scale firms',
        unitZh: '家',
        kind: 'stock',
        decimals: 0,
      })
    ).json().id;
  });

  const share = (unit: string, target: number, extra = {}) => ({
    unitId: units[unit],
    target,
    responsiblePerson: '张三',
    leadLeader: '李副县长',
    measures: '抓项目',
    ...extra,
  });

  it('decomposes a county target to units and reports the coverage shortfall', async () => {
    const res = await office.put(`/api/indicator-plans/${YEAR}/indicators/${inv}`, {
      county: { target: 100 },
      units: [share('daying', 40), share('chengguan', 35)],
    });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.status).toBe('draft');
    const row = plan.indicators.find((i: { indicator: { id: number } }) => i.indicator.id === inv);
    expect(row.county.target).toBe(100);
    expect(row.units.map((u: { unit: { code: string } }) => u.unit.code)).toEqual(['chengguan', 'daying']);
    expect(row.coverage).toEqual({ applies: true, sum: 75, shortfall: 25, ok: false });
  });

  it('refuses bad decompositions per field and keeps the old one', async () => {
    const bad = [
      [{ county: { target: 100 }, units: [share('daying', 40), share('daying', 60)] }, 'units'],
      [{ county: { target: 100 }, units: [share('team-stainless', 100)] }, 'units.0.unitId'],
      [{ county: { target: 100, planCurve: [10, 20, 30] }, units: [] }, 'county.planCurve'],
      [{ county: { target: 100, planCurve: [5, 4, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] }, units: [] }, 'county.planCurve'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await office.put(`/api/indicator-plans/${YEAR}/indicators/${inv}`, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().fields, field).toHaveProperty(field);
    }
    const stock = await office.put(`/api/indicator-plans/${YEAR}/indicators/${firms}`, { county: { target: 50 }, units: [] });
    expect(stock.json().fields).toHaveProperty(['county.startOfYear']);
    const plan = (await office.get(`/api/indicator-plans/${YEAR}`)).json();
    expect(plan.indicators.find((i: { indicator: { id: number } }) => i.indicator.id === inv).units).toHaveLength(2);
  });

  it('shows a township the county targets and only its own share', async () => {
    const plan = (await daying.get(`/api/indicator-plans/${YEAR}`)).json();
    const row = plan.indicators.find((i: { indicator: { id: number } }) => i.indicator.id === inv);
    expect(plan.complete).toBe(false);
    expect(row.county.target).toBe(100);
    expect(row.units.map((u: { unit: { code: string } }) => u.unit.code)).toEqual(['daying']);
    // The shortfall is the county's, whatever the township sees.
    expect(row.coverage.shortfall).toBe(25);
    expect((await daying.put(`/api/indicator-plans/${YEAR}/indicators/${inv}`, { county: { target: 1 }, units: [] })).statusCode).toBe(403);
  });

  it('blocks publishing a short plan unless the office records a reason', async () => {
    const refused = await office.post(`/api/indicator-plans/${YEAR}/publish`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.coverageReason).toContain('测试工业投资');
    expect((await office.get(`/api/indicator-plans/${YEAR}`)).json().status).toBe('draft');

    const published = await office.post(`/api/indicator-plans/${YEAR}/publish`, { coverageReason: '产业集聚区承担余量，待区划调整后分解' });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 1, coverageReason: '产业集聚区承担余量，待区划调整后分解' });
    expect((await office.post(`/api/indicator-plans/${YEAR}/publish`, { coverageReason: 'again' })).statusCode).toBe(409);
  });

  it('does not apply the coverage check to a target kept at county level', async () => {
    const plan = (await office.put(`/api/indicator-plans/${YEAR + 2}/indicators/${inv}`, { county: { target: 100 }, units: [] })).json();
    expect(plan.indicators.find((i: { indicator: { id: number } }) => i.indicator.id === inv).coverage).toMatchObject({ applies: false, ok: true });
  });

  it('publishes a fully covered plan without a reason', async () => {
    const year = YEAR + 1;
    await office.put(`/api/indicator-plans/${year}/indicators/${inv}`, { county: { target: 100 }, units: [share('daying', 60), share('gxj', 40)] });
    const res = await office.post(`/api/indicator-plans/${year}/publish`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().coverageReason).toBeNull();
  });

  it('needs a reason to change a published plan, and numbers each change as a version', async () => {
    const body = { county: { target: 100 }, units: [share('daying', 40), share('chengguan', 60)] };
    const noReason = await office.put(`/api/indicator-plans/${YEAR}/indicators/${inv}`, body);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toHaveProperty('reason');

    const changed = await office.put(`/api/indicator-plans/${YEAR}/indicators/${inv}`, { ...body, reason: '城关镇新增两个技改项目' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().version).toBe(2);
    const versions = (await daying.get(`/api/indicator-plans/${YEAR}/versions`)).json().items;
    expect(versions.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual([
      [2, '城关镇新增两个技改项目'],
      [1, '产业集聚区承担余量，待区划调整后分解'],
    ]);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'indicator_plan.set_targets')
      .where('entityId', '=', `${YEAR}/P_INV`)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.afterJson as string).reason).toBe('城关镇新增两个技改项目');
    expect(JSON.parse(audit.beforeJson as string)).toHaveLength(3);
  });

  it('refuses a kind change once targets use the indicator', async () => {
    const res = await office.patch(`/api/indicators/${inv}`, { kind: 'growth' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toHaveProperty('kind');
  });

  it('answers 404 for an unknown indicator or plan', async () => {
    expect((await office.put(`/api/indicator-plans/${YEAR}/indicators/999999`, { county: { target: 1 }, units: [] })).statusCode).toBe(404);
    expect((await office.post('/api/indicator-plans/2099/publish', {})).statusCode).toBe(404);
    expect((await office.get('/api/indicator-plans/2099')).json()).toMatchObject({ status: 'none', version: 0 });
    const years = (await daying.get('/api/indicator-plans')).json().items.map((p: { year: number; status: string }) => [p.year, p.status]);
    expect(years).toEqual([
      [YEAR + 2, 'draft'],
      [YEAR + 1, 'published'],
      [YEAR, 'published'],
    ]);
  });
});

describe('demo indicators', () => {
  it('load once into a county with a published, fully covered 2021 plan', async () => {
    const demo = await createTestApp();
    try {
      const file = indicatorsFile.parse(
        JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url)), 'utf8')),
      );
      expect(await ensureDemoIndicators(demo.deps, file)).toBe(true);
      expect(await ensureDemoIndicators(demo.deps, file)).toBe(false);
      const plan = (await (await demo.signIn('office')).get('/api/indicator-plans/2021')).json();
      expect(plan).toMatchObject({ status: 'published', version: 1 });
      expect(plan.indicators).toHaveLength(11);
      for (const row of plan.indicators) expect(row.coverage.ok, row.indicator.code).toBe(true);
      const investment = plan.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'IND_INV');
      expect(investment.units).toHaveLength(13);
      expect(investment.county.planCurve[5]).toBe(42);

      // The demo ledger runs to October, September locked: the board has every colour and county totals.
      const board = (await (await demo.signIn('office')).get('/api/indicator-warnings?month=2021-10')).json();
      expect(board.locked).toBe(false);
      const levels = new Set(board.indicators.flatMap((r: { units: { level: string }[] }) => r.units.map((c) => c.level)));
      expect(levels).toEqual(new Set(['green', 'yellow', 'red']));
      const inv = board.indicators.find((r: { indicator: { code: string } }) => r.indicator.code === 'IND_INV');
      const townshipSum = inv.units.reduce((sum: number, c: { ytd: number }) => sum + c.ytd, 0);
      expect(inv.county.ytd).toBeCloseTo(townshipSum, 1);
      expect((await (await demo.signIn('office')).get('/api/indicator-warnings?month=2021-09')).json().locked).toBe(true);
      const years = (await (await demo.signIn('daying')).get('/api/indicator-plans')).json().items;
      expect(years).toEqual([{ year: 2021, status: 'published', version: 1, latestReportedMonth: '2021-10', latestLockedMonth: '2021-09' }]);
    } finally {
      await demo.close();
    }
  });
});
