import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';
import { ensureDemoIndicators, indicatorsFile } from './indicators.demo';

let t: TestApp;
let office: Client;
let daying: Client;

beforeAll(async () => {
  t = await createTestApp();
  const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));
  await ensureDemoIndicators(t.deps, indicatorsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))), { withLedger: false });
  [office, daying] = await Promise.all([t.signIn('office'), t.signIn('daying')]);
});
afterAll(() => t.close());

type Sheet = { headers: string[]; rows: Record<string, unknown>[] };

async function readSheet(bytes: Buffer): Promise<Sheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    if (values.every((v) => v === undefined || v === null)) continue;
    rows.push(Object.fromEntries(headers.map((h, i) => [h.replace(/\*$/, ''), values[i] ?? null])));
  }
  return { headers, rows };
}

/** Writes rows under the template's two header rows, cells in the template's column order. */
async function workbook(template: Buffer, rows: Record<string, unknown>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map((h) => String(h).replace(/\*$/, ''));
  const last = Math.max(sheet.rowCount, 2 + rows.length);
  for (let r = 3; r <= last; r++) {
    for (const [c, h] of headers.entries()) sheet.getCell(r, c + 1).value = (rows[r - 3]?.[h] ?? null) as ExcelJS.CellValue;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const targetCount = async (year: number) => {
  const plan = await t.deps.db.selectFrom('indicatorPlans').select('id').where('year', '=', year).executeTakeFirst();
  if (!plan) return 0;
  const row = await t.deps.db
    .selectFrom('indicatorTargets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('planId', '=', plan.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

describe('annual plan by Excel', () => {
  let template: Buffer;
  let filled: Record<string, unknown>[];

  it('offers a new year a template that starts from the latest earlier plan’s decomposition, targets blank', async () => {
    const res = await office.get('/api/indicator-plans/2022/template.xlsx');
    expect(res.statusCode).toBe(200);
    template = res.rawPayload;
    const { headers, rows } = await readSheet(template);
    expect(headers.slice(0, 3)).toEqual(['指标*', '责任单位*', '目标值*']);
    expect(rows).toHaveLength(await targetCount(2021));
    expect(rows[0]).toMatchObject({ 指标: '规上工业增加值增速', 责任单位: '全县', 目标值: null, 分管领导: '李县长' });
    expect(rows.find((r) => r.指标 === '工业投资' && r.责任单位 === '城关镇')).toMatchObject({ 责任人: '刘海涛', 目标值: null });
    // Two years on, with no plan in between, the 2021 plan is still the starting point.
    expect((await readSheet((await office.get('/api/indicator-plans/2023/template.xlsx')).rawPayload)).rows).toHaveLength(rows.length);
  });

  it('refuses the template as it comes, row by row, and writes nothing', async () => {
    const res = await uploadFile(office, '/api/indicator-plans/2022/import', 'plan.xlsx', template);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.errors[0]).toEqual({ row: 3, column: '目标值', message: '必填' });
    expect(body.report.length).toBeGreaterThan(100);
    expect(await targetCount(2022)).toBe(0);
  });

  it('imports a filled sheet as the draft plan, audited, curve and people included', async () => {
    const { rows } = await readSheet(template);
    filled = rows.map((r, i) => ({ ...r, 目标值: r.责任单位 === '全县' ? 1000 : 10 + i, 年初值: r.责任单位 === '全县' ? 120 : null }));
    const investment = filled.find((r) => r.指标 === '工业投资' && r.责任单位 === '城关镇') as Record<string, unknown>;
    investment.目标值 = 15.5;
    investment['月度计划累计占比(%)'] = '5，10,16,24,33,42,51,60,69,78,88,100';
    const res = await uploadFile(office, '/api/indicator-plans/2022/import', 'plan.xlsx', await workbook(template, filled));
    expect(res.statusCode, JSON.stringify(res.json().errors)).toBe(200);
    expect(res.json().imported).toBe(11);

    const plan = (await office.get('/api/indicator-plans/2022')).json();
    expect(plan.status).toBe('draft');
    const inv = plan.indicators.find((p: { indicator: { code: string } }) => p.indicator.code === 'IND_INV');
    const chengguan = inv.units.find((u: { unit: { code: string } }) => u.unit.code === 'chengguan');
    expect(chengguan).toMatchObject({ target: 15.5, responsiblePerson: '刘海涛', planCurve: [5, 10, 16, 24, 33, 42, 51, 60, 69, 78, 88, 100] });
    expect(inv.county.target).toBe(1000);
    const audit = await t.deps.db.selectFrom('auditLog').select(['entityId']).where('action', '=', 'indicator_plan.import').execute();
    expect(audit).toEqual([{ entityId: '2022' }]);
  });

  it('exports the plan in the same layout, so an export imports back unchanged', async () => {
    const exported = await office.get('/api/indicator-plans/2022/export.xlsx');
    expect(exported.statusCode).toBe(200);
    const before = await targetCount(2022);
    const res = await uploadFile(office, '/api/indicator-plans/2022/import', 'plan.xlsx', exported.rawPayload);
    expect(res.statusCode, JSON.stringify(res.json().errors)).toBe(200);
    expect(await targetCount(2022)).toBe(before);
  });

  it('replaces the whole draft: an indicator left out of the sheet loses its targets', async () => {
    const withoutTax = filled.filter((r) => r.指标 !== '工业税收');
    const res = await uploadFile(office, '/api/indicator-plans/2022/import', 'plan.xlsx', await workbook(template, withoutTax));
    expect(res.statusCode, JSON.stringify(res.json().errors)).toBe(200);
    const plan = (await office.get('/api/indicator-plans/2022')).json();
    expect(plan.indicators.find((p: { indicator: { code: string } }) => p.indicator.code === 'IND_TAX').county).toBeNull();
  });

  it('lists every problem of a bad sheet by row and column and changes nothing', async () => {
    const before = await targetCount(2022);
    const bad = [
      { 指标: '工业产值', 责任单位: '全县', 目标值: 5 },
      { 指标: '工业投资', 责任单位: '全县', 目标值: '一百' },
      { 指标: '工业投资', 责任单位: '大营镇', 目标值: 3, '月度计划累计占比(%)': '10,20,30' },
      { 指标: '技改投资', 责任单位: '全县', 目标值: 20 },
      { 指标: '技改投资', 责任单位: '城关镇', 目标值: 2 },
      { 指标: '技改投资', 责任单位: '城关镇', 目标值: 4 },
      { 指标: '规上工业企业数', 责任单位: '全县', 目标值: 130 },
    ];
    const res = await uploadFile(office, '/api/indicator-plans/2022/import', 'plan.xlsx', await workbook(template, bad));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { row: 3, column: '指标', message: '不在可选项中，请从下拉列表选择' },
      { row: 4, column: '目标值', message: '须为数字' },
      { row: 5, column: '月度计划累计占比(%)', message: '月度计划须有 12 个月的累计占比' },
      { row: 8, column: '责任单位', message: '同一指标的同一单位出现多次' },
      { row: 9, column: '年初值', message: '时点值指标须填写年初数' },
    ]);
    expect(await targetCount(2022)).toBe(before);
    // Once every row parses, an indicator without its county row is named.
    const noCounty = await uploadFile(office, '/api/indicator-plans/2022/import', 'plan.xlsx', await workbook(template, [bad[4]]));
    expect(noCounty.json().errors).toEqual([{ row: 3, column: '责任单位', message: '缺少该指标的“全县”行（县级目标）' }]);
  });

  it('refuses a sheet whose headers were changed', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    book.worksheets[0].getCell(1, 3).value = '年度目标';
    const res = await uploadFile(office, '/api/indicator-plans/2022/import', 'plan.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.file).toContain('表头');
  });

  it('refuses to replace a published plan', async () => {
    const exported = await office.get('/api/indicator-plans/2021/export.xlsx');
    const res = await uploadFile(office, '/api/indicator-plans/2021/import', 'plan.xlsx', exported.rawPayload);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.file).toContain('已发布');
  });

  it('lets a township export only the county rows and its own, and import nothing', async () => {
    const res = await daying.get('/api/indicator-plans/2021/export.xlsx');
    expect(res.statusCode).toBe(200);
    const units = new Set((await readSheet(res.rawPayload)).rows.map((r) => r.责任单位));
    expect([...units].sort()).toEqual(['全县', '大营镇']);
    expect((await daying.get('/api/indicator-plans/2022/template.xlsx')).statusCode).toBe(403);
    expect((await uploadFile(daying, '/api/indicator-plans/2022/import', 'plan.xlsx', res.rawPayload)).statusCode).toBe(403);
  });
});
