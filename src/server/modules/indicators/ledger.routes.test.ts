import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { indicatorProgress } from '../../../shared/rules/indicator-progress';
import { ensureDemoIndicators, indicatorsFile } from './indicators.demo';

let t: TestApp;
let office: Client;
let daying: Client;
let tjj: Client;
const ids: Record<string, number> = {};
const units: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));
  await ensureDemoIndicators(t.deps, indicatorsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))), { withLedger: false });
  for (const row of await t.deps.db.selectFrom('indicators').select(['id', 'code']).execute()) ids[row.code] = row.id;
  for (const code of ['daying', 'chengguan', 'baofeng', 'tjj']) units[code] = await t.unitId(code);
  [office, daying, tjj] = await Promise.all([t.signIn('office'), t.signIn('daying'), t.signIn('tjj')]);
});
afterAll(() => t.close());

const save = (client: Client, unit: string, values: { code: string; month: string; value: number; explanation?: string }[], reason?: string) =>
  client.put('/api/indicator-ledger/values', {
    unitId: units[unit],
    values: values.map(({ code, ...v }) => ({ indicatorId: ids[code], ...v })),
    ...(reason ? { reason } : {}),
  });

describe('monthly ledger', () => {
  it('gives a township its own sheet: one row per indicator it has a target for', async () => {
    const res = await daying.get('/api/indicator-ledger?year=2021');
    expect(res.statusCode).toBe(200);
    const sheet = res.json();
    expect(sheet.unit.code).toBe('daying');
    expect(sheet.rows.map((r: { indicator: { code: string } }) => r.indicator.code)).toEqual([
      'IND_INV',
      'TECH_INV',
      'POWER',
      'ABOVE_SCALE',
      'NEW_ABOVE_SCALE',
    ]);
    expect(sheet.rows.every((r: { writable: boolean }) => r.writable)).toBe(true);
    expect(sheet.units.map((u: { id: number }) => u.id)).toEqual([units.daying]);
    expect((await daying.get(`/api/indicator-ledger?year=2021&unitId=${units.chengguan}`)).statusCode).toBe(404);
  });

  it('saves drafts, including last year as the baseline, and refuses rows without a target', async () => {
    const res = await save(daying, 'daying', [
      { code: 'IND_INV', month: '2020-01', value: 1.2 },
      { code: 'IND_INV', month: '2021-01', value: 1.5 },
      { code: 'IND_INV', month: '2021-02', value: 1.6 },
    ]);
    expect(res.statusCode).toBe(204);
    const row = (await daying.get('/api/indicator-ledger?year=2021')).json().rows[0];
    expect(row.values[0]).toMatchObject({ value: 1.5, status: 'draft' });
    expect(row.lastYear[0]).toBe(1.2);

    const bad = await save(daying, 'daying', [
      { code: 'IND_INV', month: '2021-03', value: 1 },
      { code: 'IND_INV', month: '2019-12', value: 1 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['values.1.indicatorId']);
    // Growth is kept at county level: the township has no VA_GROWTH target to report against.
    const growth = await save(daying, 'daying', [{ code: 'VA_GROWTH', month: '2021-03', value: 1 }]);
    expect(growth.json().fields).toEqual({ 'values.0.indicatorId': expect.stringContaining('没有此指标的目标') });
    expect((await save(daying, 'baofeng', [{ code: 'VA_GROWTH', month: '2021-03', value: 1 }])).statusCode).toBe(404); // the county total is 统计局's
    const row2 = (await daying.get('/api/indicator-ledger?year=2021')).json().rows[0];
    expect(row2.values[2]).toBeNull();
  });

  it('keeps one township out of another township’s values (404)', async () => {
    expect((await save(daying, 'chengguan', [{ code: 'IND_INV', month: '2021-01', value: 99 }])).statusCode).toBe(404);
    expect((await daying.post('/api/indicator-ledger/submit', { unitId: units.chengguan, month: '2021-01' })).statusCode).toBe(404);
    const chengguan = await t.deps.db.selectFrom('indicatorValues').selectAll().where('unitId', '=', units.chengguan).execute();
    expect(chengguan).toHaveLength(0);
  });

  it('lets the data-source department enter the county total', async () => {
    expect((await save(tjj, 'baofeng', [{ code: 'VA_GROWTH', month: '2021-01', value: 9.1 }])).statusCode).toBe(204);
    expect((await save(tjj, 'baofeng', [{ code: 'IND_INV', month: '2021-01', value: 9.1 }])).statusCode).toBe(404); // 发改委's, not 统计局's
    const sheet = (await tjj.get(`/api/indicator-ledger?year=2021&unitId=${units.baofeng}`)).json();
    expect(sheet.rows.map((r: { indicator: { code: string } }) => r.indicator.code)).toEqual(['VA_GROWTH', 'ABOVE_SCALE', 'NEW_ABOVE_SCALE']);
    // Its sheets: the county's, through the indicators it is the data source of (it has no target of its own).
    expect(sheet.units.map((u: { id: number }) => u.id)).toEqual([units.baofeng]);
    // The office may open every unit with a target in the plan, and the county.
    const plan = await t.deps.db.selectFrom('indicatorPlans').select('id').where('year', '=', 2021).executeTakeFirstOrThrow();
    const withTargets = await t.deps.db.selectFrom('indicatorTargets').select('unitId').distinct().where('planId', '=', plan.id).execute();
    const officeSheet = (await office.get('/api/indicator-ledger?year=2021')).json();
    expect(officeSheet.units.map((u: { id: number }) => u.id).sort((a: number, b: number) => a - b)).toEqual(
      withTargets.map((r) => r.unitId).sort((a, b) => a - b),
    );
  });

  it('asks for an explanation of a large jump before submitting, then submits', async () => {
    await save(daying, 'daying', [{ code: 'IND_INV', month: '2021-02', value: 3.1 }]); // +107 % on January
    const refused = await daying.post('/api/indicator-ledger/submit', { unitId: units.daying, month: '2021-02' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[`values.${ids.IND_INV}`]).toContain('请填写说明');

    await save(daying, 'daying', [{ code: 'IND_INV', month: '2021-02', value: 3.1, explanation: '平高电气二期设备集中到货入账' }]);
    const ok = await daying.post('/api/indicator-ledger/submit', { unitId: units.daying, month: '2021-02' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ submitted: 1 });
    const again = await daying.post('/api/indicator-ledger/submit', { unitId: units.daying, month: '2021-02' });
    expect(again.json().fields).toHaveProperty('month');
  });

  it('locks a month: the office only, once', async () => {
    expect((await daying.post('/api/indicator-ledger/locks', { month: '2021-02' })).statusCode).toBe(403);
    const locked = await office.post('/api/indicator-ledger/locks', { month: '2021-02' });
    expect(locked.statusCode).toBe(200);
    // Nobody but 大营镇 reported February, and not everything: all 13 townships lag and each gets one task; so do the
    // four departments answering for indicators not decomposed to townships (统计局, 发改委, 科技局, 财政局), whose
    // county figures are missing.
    expect(locked.json()).toEqual({ units: 17, tasks: 17 });
    expect((await office.post('/api/indicator-ledger/locks', { month: '2021-02' })).statusCode).toBe(409);
    expect((await office.post('/api/indicator-ledger/locks', { month: '2021-13' })).statusCode).toBe(400);
    expect((await daying.get('/api/indicator-ledger?year=2021')).json().lockedMonths).toEqual(['2021-02']);
    expect((await daying.post('/api/indicator-ledger/submit', { unitId: units.daying, month: '2021-02' })).json().fields.month).toBeDefined();
  });

  it('follows up a locked month: a notice and a 督办 task answering in 5 working days per lagging unit', async () => {
    const tasks = await t.deps.db.selectFrom('tasks').selectAll().where('sourceModule', '=', 'indicators').where('ownerUnitId', '=', units.daying).execute();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ type: 'indicator_warning', sourceId: `2021-02/${units.daying}`, status: 'open' });
    expect(tasks[0].description).toContain('技改投资：未按期报送');
    // The task names its source as people do, with the page that shows it.
    expect((await daying.get(`/api/tasks/${tasks[0].id}`)).json().sourceLabel).toEqual({
      zh: '预警看板 2021年2月 大营镇',
      en: 'Warnings board 2021-02 Daying Town',
      path: '/indicators/warnings',
    });
    const inbox = (await daying.get('/api/notifications')).json();
    expect(inbox.items.some((n: { kind: string; titleZh: string }) => n.kind === 'indicator.warning' && n.titleZh.includes('2021-02'))).toBe(true);
    // 城关镇 cannot see 大营镇's task.
    const chengguan = await t.signIn('chengguan');
    expect((await chengguan.get(`/api/tasks/${tasks[0].id}`)).statusCode).toBe(404);
  });

  it('changes a locked value only with a reason, audited and kept in the value’s history', async () => {
    const noReason = await save(daying, 'daying', [{ code: 'IND_INV', month: '2021-02', value: 3.0, explanation: '平高电气二期设备集中到货入账' }]);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toHaveProperty('reason');
    expect((await daying.get('/api/indicator-ledger?year=2021')).json().rows[0].values[1].value).toBe(3.1);

    const withReason = await save(
      daying,
      'daying',
      [{ code: 'IND_INV', month: '2021-02', value: 3.0, explanation: '平高电气二期设备集中到货入账' }],
      '统计局反馈重复计入 0.1 亿元',
    );
    expect(withReason.statusCode).toBe(204);
    const cell = (await daying.get('/api/indicator-ledger?year=2021')).json().rows[0].values[1];
    expect(cell).toMatchObject({ value: 3, status: 'submitted' });

    const history = (await office.get(`/api/indicator-ledger/history?indicatorId=${ids.IND_INV}&unitId=${units.daying}&month=2021-02`)).json().items;
    expect(
      history.map((h: { action: string; beforeValue: number | null; afterValue: number; reason: string }) => [h.action, h.beforeValue, h.afterValue, h.reason]),
    ).toEqual([
      ['correct', 3.1, 3, '统计局反馈重复计入 0.1 亿元'],
      ['submit', null, 3.1, ''],
    ]);
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('action', '=', 'indicator_value.correct').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.afterJson as string).reason).toBe('统计局反馈重复计入 0.1 亿元');
  });

  it('hides another township’s value history (404)', async () => {
    const chengguan = await t.signIn('chengguan');
    const res = await chengguan.get(`/api/indicator-ledger/history?indicatorId=${ids.IND_INV}&unitId=${units.daying}&month=2021-02`);
    expect(res.statusCode).toBe(404);
  });

  it('rejects malformed values per field', async () => {
    const res = await daying.put('/api/indicator-ledger/values', { unitId: units.daying, values: [{ indicatorId: ids.IND_INV, month: '2021-2', value: 'x' }] });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields).sort()).toEqual(['values.0.month', 'values.0.value']);
  });
});

describe('warnings board', () => {
  // Technological upgrading investment, 2021, back-loaded plan (42 % by June). Each township's plan share comes from the demo.
  const months = ['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06'];
  const series: Record<string, number[]> = {
    zhouzhuang: [0.3, 0.4, 0.5, 0.6, 0.6, 0.8], // ahead of its plan
    yangzhuang: [0.1, 0.1, 0.2, 0.2, 0.2, 0.3], // far behind, two months running
  };

  beforeAll(async () => {
    const now = new Date().toISOString();
    for (const [code, values] of Object.entries(series)) {
      units[code] = await t.unitId(code);
      await t.deps.db
        .insertInto('indicatorValues')
        .values(
          values.map((value, i) => ({
            indicatorId: ids.TECH_INV,
            unitId: units[code],
            month: months[i],
            value,
            explanation: '',
            status: 'submitted' as const,
            updatedBy: null,
            updatedAt: now,
            submittedAt: now,
          })),
        )
        .execute();
    }
  });

  it('computes each unit’s progress with the shared rules, ranks units and flags persistent red', async () => {
    const res = await office.get('/api/indicator-warnings?month=2021-06');
    expect(res.statusCode).toBe(200);
    const board = res.json();
    const tech = board.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'TECH_INV');
    const plan = (await office.get('/api/indicator-plans/2021'))
      .json()
      .indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'TECH_INV');
    for (const code of Object.keys(series)) {
      const target = plan.units.find((u: { unit: { code: string } }) => u.unit.code === code);
      const expected = indicatorProgress({
        kind: 'cumulative',
        direction: 'higher',
        target: target.target,
        month: 6,
        values: [...series[code], ...Array(6).fill(null)],
        planCurve: target.planCurve,
      });
      const cell = tech.units.find((c: { unit: { id: number } }) => c.unit.id === units[code]);
      expect(cell, code).toMatchObject({ ytd: expected.ytd, completion: expected.completion, gapPp: expected.gapPp, level: expected.level, timeProgress: 42 });
    }
    const [first, second] = tech.units;
    expect([first.unit.id, first.rank, second.unit.id, second.rank]).toEqual([units.zhouzhuang, 1, units.yangzhuang, 2]);
    const yangzhuang = tech.units.find((c: { unit: { id: number } }) => c.unit.id === units.yangzhuang);
    expect(yangzhuang).toMatchObject({ level: 'red', persistentRed: true });
    // Units that reported nothing are missing and unranked; drafts do not count as reported.
    const dayingCell = tech.units.find((c: { unit: { id: number } }) => c.unit.id === units.daying);
    expect(dayingCell).toMatchObject({ level: 'missing', rank: null });
    expect(tech.units).toHaveLength(13);
  });

  it('filters by level and shows a township only its own cells and the county', async () => {
    const red = (await office.get('/api/indicator-warnings?month=2021-06&level=red')).json();
    const tech = red.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'TECH_INV');
    expect(tech.units.map((c: { unit: { id: number } }) => c.unit.id)).toEqual([units.yangzhuang]);

    const mine = (await daying.get('/api/indicator-warnings?month=2021-06')).json();
    for (const row of mine.indicators) for (const cell of row.units) expect(cell.unit.id).toBe(units.daying);
    const growth = mine.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'VA_GROWTH');
    expect(growth.county.unit.id).toBe(units.baofeng);
    expect((await daying.get('/api/indicator-warnings?month=2021-6')).statusCode).toBe(400);
  });

  it('gives an indicator’s trend: plan against actual by month, within scope', async () => {
    const res = await office.get(`/api/indicator-trend?year=2021&indicatorId=${ids.TECH_INV}&unitId=${units.yangzhuang}`);
    expect(res.statusCode).toBe(200);
    const trend = res.json();
    expect(trend.months).toHaveLength(12);
    expect(trend.months[5]).toMatchObject({ month: '2021-06', actual: 1.1, level: 'red' });
    expect(trend.months[5].planned).toBeCloseTo(trend.target * 0.42, 2);
    expect(trend.months[6]).toMatchObject({ actual: null, level: 'missing' });
    expect((await daying.get(`/api/indicator-trend?year=2021&indicatorId=${ids.TECH_INV}&unitId=${units.yangzhuang}`)).statusCode).toBe(404);
    expect((await daying.get(`/api/indicator-trend?year=2021&indicatorId=${ids.VA_GROWTH}`)).statusCode).toBe(200);
  });

  it('exports the board as shown', async () => {
    const res = await office.get('/api/indicator-warnings/export.xlsx?month=2021-06&level=red');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const units = sheet.getColumn(3).values.slice(2);
    // County lines first, then the red units only: 杨庄镇 is the one red township.
    expect(units).toContain('杨庄镇');
    expect(units).not.toContain('周庄镇');
  });
});

describe('departments held to their indicators', () => {
  const insertValue = (code: string, unitId: number, month: string, value: number) =>
    t.deps.db
      .insertInto('indicatorValues')
      .values({
        indicatorId: ids[code],
        unitId,
        month,
        value,
        explanation: '',
        status: 'submitted',
        updatedBy: null,
        updatedAt: '2021-04-06T00:00:00Z',
        submittedAt: '2021-04-06T00:00:00Z',
      })
      .execute();

  it('puts the responsible department beside a county figure not decomposed to units, and gives it a task when red', async () => {
    units.kjj = await t.unitId('kjj');
    const plan = (await office.get('/api/indicator-plans/2021')).json();
    const rd = plan.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'RD');
    expect(rd.units).toHaveLength(0);
    // 研发经费投入 by March: a tenth of the year's target against a quarter of the time.
    await insertValue('RD', units.baofeng, '2021-03', Math.round(rd.county.target * 10) / 100);
    const board = (await office.get('/api/indicator-warnings?month=2021-03')).json();
    const row = board.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'RD');
    expect(row.county).toMatchObject({ level: 'red', answersForCounty: false });
    expect(row.units).toEqual([
      { ...row.county, unit: expect.objectContaining({ id: units.kjj, nameZh: '县科技局', kind: 'department' }), answersForCounty: true },
    ]);
    // Decomposed indicators are answered for by their townships, not by the data source.
    const tech = board.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'TECH_INV');
    expect(tech.units.some((c: { answersForCounty: boolean }) => c.answersForCounty)).toBe(false);
    // A department sees its own cells: 统计局 answers for 规上工业增加值增速, whose county figure for March is missing.
    const own = (await tjj.get('/api/indicator-warnings?month=2021-03')).json();
    const growth = own.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'VA_GROWTH');
    expect(growth.units).toMatchObject([{ unit: { id: units.tjj }, level: 'missing', answersForCounty: true }]);
    // The trend of the department's cell is the county figure it answers for.
    expect((await office.get(`/api/indicator-trend?year=2021&indicatorId=${ids.RD}&unitId=${units.kjj}`)).json().unit.id).toBe(units.baofeng);

    expect((await office.post('/api/indicator-ledger/locks', { month: '2021-03' })).statusCode).toBe(200);
    const task = await t.deps.db
      .selectFrom('tasks')
      .selectAll()
      .where('sourceModule', '=', 'indicators')
      .where('sourceId', '=', `2021-03/${units.kjj}`)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ type: 'indicator_warning', ownerUnitId: units.kjj, title: '2021-03 指标落后整改说明（县科技局）' });
    expect(task.description).toMatch(/研发经费投入（全县）：完成 10\.0%，序时进度 25\.0%/);
    const notice = await t.deps.db
      .selectFrom('notifications')
      .select('titleZh')
      .where('kind', '=', 'indicator.warning')
      .where('entityId', '=', '2021-03')
      .execute();
    expect(notice.length).toBeGreaterThan(0);
  });

  it('sums the county row from the units when the indicator says so: computed, never entered', async () => {
    const patched = await office.patch(`/api/indicators/${ids.VA_GROWTH}`, { countyValue: 'sum' });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().fields).toEqual({ countyValue: '只有累计值和时点值指标的全县数可以由各单位相加得出' });
    expect((await daying.patch(`/api/indicators/${ids.POWER}`, { countyValue: 'sum' })).statusCode).toBe(403);
    expect((await office.patch(`/api/indicators/${ids.POWER}`, { countyValue: 'sum' })).json().countyValue).toBe('sum');

    const townships = (await office.get('/api/indicator-plans/2021'))
      .json()
      .indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'POWER').units;
    const month = '2021-05';
    // All but one township in: no county figure yet.
    for (const [i, u] of townships.slice(1).entries()) await insertValue('POWER', u.unit.id, month, 100 + i);
    const partial = (await office.get(`/api/indicator-warnings?month=${month}`)).json();
    expect(partial.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'POWER').county.ytd).toBeNull();
    const partialSheet = (await office.get(`/api/indicator-ledger?year=2021&unitId=${units.baofeng}`)).json();
    expect(partialSheet.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'POWER').values[4]).toBeNull();
    await insertValue('POWER', townships[0].unit.id, month, 50);
    const expected = 50 + townships.slice(1).reduce((sum: number, _u: unknown, i: number) => sum + 100 + i, 0);
    const board = (await office.get(`/api/indicator-warnings?month=${month}`)).json();
    const county = board.indicators.find((i: { indicator: { code: string } }) => i.indicator.code === 'POWER').county;
    // Cumulative: the year to date is the sum of the months, here May alone.
    expect(county.ytd).toBe(expected);

    const sheet = (await office.get(`/api/indicator-ledger?year=2021&unitId=${units.baofeng}`)).json();
    const row = sheet.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'POWER');
    expect(row).toMatchObject({ countyIsSum: true, writable: false });
    expect(row.values[4]).toMatchObject({ value: expected, status: 'submitted' });
    // The cell's time is the latest of the units' values: the last township's.
    const latest = await t.deps.db
      .selectFrom('indicatorValues')
      .select((eb) => eb.fn.max('updatedAt').as('at'))
      .where('month', '=', month)
      .where('indicatorId', '=', ids.POWER)
      .where(
        'unitId',
        'in',
        townships.map((u: { unit: { id: number } }) => u.unit.id),
      )
      .executeTakeFirstOrThrow();
    expect(row.values[4].updatedAt).toBe(latest.at);
    const refused = await save(office, 'baofeng', [{ code: 'POWER', month: '2021-06', value: 1 }]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields['values.0.value']).toBe('该指标的全县数由各单位数据相加得出，不能直接填报');
  });
});
