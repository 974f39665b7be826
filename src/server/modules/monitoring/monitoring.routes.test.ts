import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';

let t: TestApp;
const c: Record<string, Client> = {};
const units: Record<string, number> = {};

// 宝丰永安金属材料 and 宝丰县金盛不锈钢制品: 大营镇, 不锈钢产业链服务专班; 河南铁福来装备制造: 周庄镇, 装备制造专班.
const YONGAN = '91410421836663398H';
const JINSHENG = '9141042145138A107U';
const TIEFULAI = '914104214220MM8M13';
// A well-formed credit code (its check character holds) of no firm in the directory.
const UNKNOWN = '91410421MA9XXXXXXQ';
const firms: Record<string, number> = {};

type Table = 'monitoringFigures' | 'monitoringFlags' | 'tasks' | 'notifications' | 'auditLog';
const count = async (table: Table) =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const counts = () => Promise.all((['monitoringFigures', 'monitoringFlags', 'tasks', 'notifications', 'auditLog'] as const).map(count));

beforeAll(async () => {
  t = await createTestApp();
  // The 10th of November 2026: October is the last closed month.
  t.clock.set('2026-11-10T02:00:00Z');
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
  for (const code of ['daying', 'zhouzhuang', 'team-stainless', 'team-equipment']) units[code] = await t.unitId(code);
  const rows = await t.deps.db.selectFrom('enterprises').select(['id', 'uscc']).execute();
  for (const [name, code] of Object.entries({ yongan: YONGAN, jinsheng: JINSHENG, tiefulai: TIEFULAI }))
    firms[name] = rows.find((r) => r.uscc === code)?.id as number;
  for (const u of ['office', 'leader', 'daying', 'chengguan', 'stainless.team', 'tjj']) c[u] = await t.signIn(u);
}, 60_000);
afterAll(() => t.close());

/** The template of a source, filled with rows of [credit code, name, month, value]. */
async function filled(source: string, rows: unknown[][]) {
  const template = await c.office.get(`/api/monitoring/figures/${source}/template.xlsx`);
  expect(template.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  rows.forEach((r, i) => {
    sheet.getRow(3 + i).values = r as ExcelJS.CellValue[];
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
const upload = async (source: string, rows: unknown[][], who = c.office) =>
  uploadFile(who, `/api/monitoring/figures/${source}/import`, `${source}.xlsx`, await filled(source, rows));

describe('imports: all or nothing, per field, by credit code', { timeout: 120_000 }, () => {
  it('a file with one unknown credit code writes nothing and names the row', async () => {
    const before = await counts();
    const res = await upload('output', [
      [YONGAN, '永安', '2026-10', 800],
      [UNKNOWN, '无此企业', '2026-10', 100],
      [JINSHENG, '金盛', '2026-10', 900],
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ row: 4, column: '统一社会信用代码', message: '统一社会信用代码不在企业名录中' }]);
    expect(await counts()).toEqual(before);
  });

  it('bad cells are refused per row and column, nothing written', async () => {
    const before = await counts();
    const res = await upload('output', [
      [YONGAN, '', '2026-13', 800],
      [JINSHENG, '', '2026-10', -1],
      ['91410421836663398X', '', '2026-10', 1],
      [TIEFULAI, '', '2026-11', 1],
      [TIEFULAI, '', '2026-09', 1.0000001],
      [YONGAN, '', '2026-10', 1],
      [YONGAN, '', '2026年10月', 1],
    ]);
    expect(res.statusCode).toBe(400);
    const problems = res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column]);
    expect(problems).toEqual([
      [3, '月份'],
      [4, '工业产值（万元）'],
      [5, '统一社会信用代码'],
      [6, '月份'],
      [7, '工业产值（万元）'],
      [9, '月份'],
    ]);
    expect(await counts()).toEqual(before);
    // Electricity is whole kWh; taxes have at most fen.
    expect((await upload('electricity', [[YONGAN, '', '2026-10', 10.5]])).statusCode).toBe(400);
    expect((await upload('taxes', [[YONGAN, '', '2026-10', 10.005]])).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('only the office imports; a township and a department cannot', async () => {
    expect((await upload('output', [[YONGAN, '', '2026-10', 1]], c.daying)).statusCode).toBe(403);
    expect((await upload('output', [[YONGAN, '', '2026-10', 1]], c.tjj)).statusCode).toBe(403);
    expect((await c.daying.get('/api/monitoring/figures/output/template.xlsx')).statusCode).toBe(403);
    expect((await c.office.get('/api/monitoring/figures/water/template.xlsx')).statusCode).toBe(400);
  });
});

describe('flags, tasks and notices', { timeout: 120_000 }, () => {
  it('history imports with months in any form; nothing is flagged without two months down', async () => {
    const res = await upload('output', [
      [YONGAN, '永安', '2025-09', 1000],
      [YONGAN, '永安', '2025年10月', 1000],
      [YONGAN, '永安', '2026/09', 800], // −20 % exactly
      [JINSHENG, '金盛', '2025-09', 1000],
      [JINSHENG, '金盛', '2025-10', 1000],
      [JINSHENG, '金盛', '2026-09', 800],
      [TIEFULAI, '铁福来', '2025-10', 2000],
    ]);
    expect(res.json()).toEqual({ imported: 7 });
    const fig = await t.deps.db.selectFrom('monitoringFigures').selectAll().where('enterpriseId', '=', firms.yongan).orderBy('month').execute();
    expect(fig.map((f) => [f.month, Number(f.outputFen), f.electricityKwh])).toEqual([
      ['2025-09', 10_000_000_00, null],
      ['2025-10', 10_000_000_00, null],
      ['2026-09', 8_000_000_00, null],
    ]);
    expect(await count('monitoringFlags')).toBe(0);
  });

  it('−20 % exactly two months running flags 下滑 and gives the firm’s service team a task and a notice; −19.99 % does not', async () => {
    const tasksBefore = await count('tasks');
    const res = await upload('output', [
      [YONGAN, '永安', '2026-10', 800],
      [JINSHENG, '金盛', '2026-10', 800.1],
    ]);
    expect(res.json()).toEqual({ imported: 2 });
    const flags = await t.deps.db.selectFrom('monitoringFlags').selectAll().execute();
    expect(flags.map((f) => [f.enterpriseId, f.month, f.flag, f.active])).toEqual([[firms.yongan, '2026-10', 'decline', 1]]);
    expect(await count('tasks')).toBe(tasksBefore + 1);
    const task = await t.deps.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', flags[0].taskId as number)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ type: 'monitoring_flag', ownerUnitId: units['team-stainless'], enterpriseId: firms.yongan, sourceModule: 'monitoring' });
    expect(task.title).toContain('走访核实');
    const seen = (await c['stainless.team'].get(`/api/tasks/${task.id}`)).json();
    expect(seen.sourceLabel).toEqual({
      zh: '运行监测 2026年10月 宝丰永安金属材料有限公司',
      en: 'Monitoring 2026-10 宝丰永安金属材料有限公司',
      path: `/monitoring/firms/${firms.yongan}`,
    });
    const notices = await t.deps.db.selectFrom('notifications').selectAll().where('kind', '=', 'monitoring.flag').execute();
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every((n) => n.link === `/monitoring/firms/${firms.yongan}`)).toBe(true);
  });

  it('a re-import raises nothing twice; a correction clears the flag, the audit keeps the value replaced', async () => {
    const before = await Promise.all([count('tasks'), count('notifications'), count('monitoringFlags')]);
    expect((await upload('output', [[YONGAN, '永安', '2026-10', 800]])).statusCode).toBe(200);
    expect(await Promise.all([count('tasks'), count('notifications'), count('monitoringFlags')])).toEqual(before);

    expect((await upload('output', [[YONGAN, '永安', '2026-10', 950]])).statusCode).toBe(200);
    const flag = await t.deps.db.selectFrom('monitoringFlags').selectAll().executeTakeFirstOrThrow();
    expect(flag.active).toBe(0);
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('action', '=', 'monitoring.import').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.afterJson ?? '{}')).toMatchObject({
      source: 'output',
      overwritten: 1,
      changes: [{ enterpriseId: firms.yongan, month: '2026-10', before: 8_000_000_00, after: 9_500_000_00 }],
      flagsCleared: 1,
    });
    expect((await c.office.get('/api/monitoring/flags?month=2026-10')).json().total).toBe(0);

    // Back to 800: the flag is active again, with its first task; no second task or notice.
    expect((await upload('output', [[YONGAN, '永安', '2026-10', 800]])).statusCode).toBe(200);
    expect(await Promise.all([count('tasks'), count('notifications'), count('monitoringFlags')])).toEqual(before);
    expect((await c.office.get('/api/monitoring/flags?month=2026-10')).json().total).toBe(1);
  });

  it('electricity: 停产 at 5 % of last year, 半停产 below half; one task per firm and month', async () => {
    const tasksBefore = await count('tasks');
    expect(
      (
        await upload('electricity', [
          [YONGAN, '', '2025-10', 100_000],
          [YONGAN, '', '2026-10', 5_000],
          [JINSHENG, '', '2025-10', 100_000],
          [JINSHENG, '', '2026-10', 49_999],
          [TIEFULAI, '', '2025-10', 100_000],
          [TIEFULAI, '', '2026-10', 50_000],
        ])
      ).statusCode,
    ).toBe(200);
    const flags = await t.deps.db.selectFrom('monitoringFlags').select(['enterpriseId', 'flag', 'active']).where('active', '=', 1).orderBy('id').execute();
    expect(flags).toEqual([
      { enterpriseId: firms.yongan, flag: 'decline', active: 1 },
      { enterpriseId: firms.yongan, flag: 'stopped', active: 1 },
      // 金盛: output −20 % in September, electricity −50 % in October: down two months running, by either measure.
      { enterpriseId: firms.jinsheng, flag: 'decline', active: 1 },
      { enterpriseId: firms.jinsheng, flag: 'half_stopped', active: 1 },
    ]);
    // 永安 had its task for October already; 金盛 gets one.
    expect(await count('tasks')).toBe(tasksBefore + 1);
    const list = (await c.office.get('/api/monitoring/flags?month=2026-10&sort=name')).json();
    expect(list.counts).toEqual({ decline: 2, stopped: 1, half_stopped: 1 });
    const yongan = list.items.find((i: { enterprise: { id: number } }) => i.enterprise.id === firms.yongan);
    expect(yongan).toMatchObject({
      flags: ['decline', 'stopped'],
      outputFen: 8_000_000_00,
      outputLastYearFen: 10_000_000_00,
      outputYoY: -20,
      electricityYoY: -95,
    });
    expect(
      (await c.office.get('/api/monitoring/flags?month=2026-10&flag=half_stopped')).json().items.map((i: { enterprise: { id: number } }) => i.enterprise.id),
    ).toEqual([firms.jinsheng]);
    const exported = await c.office.get('/api/monitoring/flags/export.xlsx?month=2026-10');
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount).toBe(3);
  });
});

describe('who reads what', () => {
  it('a township reads only its firms; another firm is 404', async () => {
    const daying = (await c.daying.get('/api/monitoring/flags?month=2026-10')).json();
    expect(daying.items.map((i: { townshipUnit: { id: number } }) => i.townshipUnit.id)).toEqual([units.daying, units.daying]);
    expect((await c.daying.get(`/api/monitoring/firms/${firms.yongan}`)).statusCode).toBe(200);
    expect((await c.daying.get(`/api/monitoring/firms/${firms.tiefulai}`)).statusCode).toBe(404);
    expect((await c.chengguan.get(`/api/monitoring/firms/${firms.yongan}`)).statusCode).toBe(404);
    expect((await c.chengguan.get('/api/monitoring/flags?month=2026-10')).json()).toMatchObject({
      total: 0,
      counts: { decline: 0, stopped: 0, half_stopped: 0 },
    });
    // The service team reads the firms it serves, the leader all; a department without the permission none.
    expect((await c['stainless.team'].get(`/api/monitoring/firms/${firms.jinsheng}`)).statusCode).toBe(200);
    expect((await c['stainless.team'].get(`/api/monitoring/firms/${firms.tiefulai}`)).statusCode).toBe(404);
    expect((await c.leader.get(`/api/monitoring/firms/${firms.tiefulai}`)).statusCode).toBe(200);
    expect((await c.tjj.get('/api/monitoring/flags')).statusCode).toBe(403);
  });

  it('a firm’s page has 24 months up to the last closed month with their flags', async () => {
    const page = (await c.office.get(`/api/monitoring/firms/${firms.yongan}`)).json();
    expect(page.lastMonth).toBe('2026-10');
    expect(page.months).toHaveLength(24);
    expect(page.months[0].month).toBe('2024-11');
    expect(page.months[23]).toEqual({ month: '2026-10', outputFen: 8_000_000_00, electricityKwh: 5_000, taxesFen: null, flags: ['decline', 'stopped'] });
  });

  it('bad queries and paths are 400', async () => {
    for (const url of [
      '/api/monitoring/flags?month=2026-13',
      '/api/monitoring/flags?flag=closed',
      '/api/monitoring/flags?sort=uscc',
      '/api/monitoring/flags?townshipUnitId=x',
      '/api/monitoring/firms/abc',
      '/api/monitoring/firms/0',
    ])
      expect((await c.office.get(url)).statusCode, url).toBe(400);
  });
});

describe('thresholds (setting monitoring.thresholds)', { timeout: 120_000 }, () => {
  it('the office changes them, audited; bad values are 400 per field and change nothing', async () => {
    expect((await c.daying.get('/api/monitoring/settings')).json()).toEqual({ declinePct: 20, stoppedPct: 5, stoppedKwh: 1000, halfPct: 50 });
    const bad = await c.office.put('/api/monitoring/settings', { declinePct: 120, stoppedPct: 5, stoppedKwh: -1, halfPct: 50 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['declinePct', 'stoppedKwh']);
    const crossed = await c.office.put('/api/monitoring/settings', { declinePct: 20, stoppedPct: 60, stoppedKwh: 0, halfPct: 50 });
    expect(crossed.statusCode).toBe(400);
    expect(Object.keys(crossed.json().fields)).toEqual(['stoppedPct']);
    expect((await c.daying.put('/api/monitoring/settings', { declinePct: 30, stoppedPct: 5, stoppedKwh: 0, halfPct: 50 })).statusCode).toBe(403);
    const ok = await c.office.put('/api/monitoring/settings', { declinePct: 30, stoppedPct: 5, stoppedKwh: 0, halfPct: 50 });
    expect(ok.json()).toEqual({ declinePct: 30, stoppedPct: 5, stoppedKwh: 0, halfPct: 50 });
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('action', '=', 'monitoring.settings').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.beforeJson ?? '{}')).toMatchObject({ declinePct: 20 });
    // Under 30 % the re-imported October no longer shows 永安 declining (金盛, not re-imported, keeps its flag).
    const declining = async () =>
      (await c.office.get('/api/monitoring/flags?month=2026-10&flag=decline'))
        .json()
        .items.map((i: { enterprise: { id: number } }) => i.enterprise.id)
        .sort((a: number, b: number) => a - b);
    expect(await declining()).toEqual([firms.yongan, firms.jinsheng].sort((a, b) => a - b));
    expect((await upload('output', [[YONGAN, '永安', '2026-10', 800]])).statusCode).toBe(200);
    expect(await declining()).toEqual([firms.jinsheng]);
  });
});
