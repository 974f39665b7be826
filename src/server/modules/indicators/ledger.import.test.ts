import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';
import { ensureDemoIndicators, indicatorsFile } from './indicators.demo';

let t: TestApp;
let daying: Client;
let daying2021: string;
const units: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));
  await ensureDemoIndicators(t.deps, indicatorsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))), { withLedger: true });
  for (const code of ['daying', 'chengguan']) units[code] = await t.unitId(code);
  daying = await t.signIn('daying');
  daying2021 = `/api/indicator-ledger/sheets/2021/${units.daying}`;
});
afterAll(() => t.close());

const HEADERS = ['指标', '计量单位', '年度目标', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)];

/** The sheet's data rows keyed by header, and a function that writes cells into it by indicator name and header. */
async function openSheet(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: Record<string, unknown>[] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    const cells = (sheet.getRow(r).values as unknown[]).slice(1);
    if (cells.length) rows.push(Object.fromEntries(HEADERS.map((h, i) => [h, cells[i] ?? null])));
  }
  const set = (indicator: string, header: string, value: ExcelJS.CellValue) => {
    const index = rows.findIndex((row) => row.指标 === indicator);
    sheet.getCell(3 + index, HEADERS.indexOf(header) + 1).value = value;
  };
  return { sheet, rows, set, bytes: async () => Buffer.from(await book.xlsx.writeBuffer()) };
}

const value = async (unit: string, code: string, month: string) =>
  t.deps.db
    .selectFrom('indicatorValues')
    .innerJoin('indicators', 'indicators.id', 'indicatorValues.indicatorId')
    .select(['indicatorValues.value', 'indicatorValues.status'])
    .where('indicatorValues.unitId', '=', units[unit])
    .where('indicators.code', '=', code)
    .where('indicatorValues.month', '=', month)
    .executeTakeFirst();

const audits = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entityType', '=', 'indicator_value')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('ledger sheet by Excel', () => {
  it('exports a township’s year as the grid shows it', async () => {
    const res = await daying.get(`${daying2021}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const { sheet, rows } = await openSheet(res.rawPayload);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['指标*', ...HEADERS.slice(1)]);
    const ledger = (await daying.get('/api/indicator-ledger?year=2021')).json();
    expect(rows.map((r) => r.指标)).toEqual(ledger.rows.map((r: { indicator: { nameZh: string } }) => r.indicator.nameZh));
    const investment = ledger.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'IND_INV');
    expect(rows.find((r) => r.指标 === '工业投资')).toMatchObject({ 年度目标: investment.target, '3月': investment.values[2].value, '12月': null });
  });

  it('imports new months as drafts and leaves unchanged cells alone', async () => {
    const before = await audits();
    const same = await uploadFile(daying, `${daying2021}/import`, 'ledger.xlsx', (await daying.get(`${daying2021}/export.xlsx`)).rawPayload);
    expect(same.json()).toEqual({ imported: 0 });
    expect(await audits()).toBe(before);

    const sheet = await openSheet((await daying.get(`${daying2021}/template.xlsx`)).rawPayload);
    sheet.set('工业投资', '11月', 8.8);
    sheet.set('技改投资', '11月', 0.9);
    const res = await uploadFile(daying, `${daying2021}/import`, 'ledger.xlsx', await sheet.bytes());
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    expect(await value('daying', 'IND_INV', '2021-11')).toEqual({ value: 8.8, status: 'draft' });
    expect(await audits()).toBe(before + 1);
  });

  it('refuses the whole file when a cell is in a locked month, a month to come, or not a number', async () => {
    t.clock.set('2021-12-10T01:00:00Z');
    const sheet = await openSheet((await daying.get(`${daying2021}/export.xlsx`)).rawPayload);
    sheet.set('工业投资', '9月', 1.23);
    sheet.set('工业投资', '10月', 7.77);
    sheet.set('工业投资', '12月', 9.9);
    sheet.set('技改投资', '10月', '约一亿');
    const res = await uploadFile(daying, `${daying2021}/import`, 'ledger.xlsx', await sheet.bytes());
    expect(res.statusCode).toBe(400);
    const rowOf = (name: string) => 3 + sheet.rows.findIndex((r) => r.指标 === name);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { row: rowOf('工业投资'), column: '9月', message: '该月已锁定，不能通过导入修改。请在台账中修改并填写原因' },
        { row: rowOf('工业投资'), column: '12月', message: '该月份尚未到填报时间' },
        { row: rowOf('技改投资'), column: '10月', message: '须为数字' },
      ]),
    );
    expect(res.json().errors).toHaveLength(3);
    expect((await value('daying', 'IND_INV', '2021-10'))?.value).not.toBe(7.77);
  });

  it('names a row that appears twice', async () => {
    const sheet = await openSheet((await daying.get(`${daying2021}/export.xlsx`)).rawPayload);
    const last = 3 + sheet.rows.length;
    sheet.sheet.getCell(last, 1).value = '工业投资';
    sheet.sheet.getCell(last, 13).value = 9.1;
    const res = await uploadFile(daying, `${daying2021}/import`, 'ledger.xlsx', await sheet.bytes());
    expect(res.json().errors).toEqual([{ row: last, column: '指标', message: '该指标在文件中出现多次' }]);
  });

  it('answers 400 for a sheet address that is not a year and a unit', async () => {
    expect((await daying.get('/api/indicator-ledger/sheets/twenty/1/export.xlsx')).statusCode).toBe(400);
    expect((await daying.get(`/api/indicator-ledger/sheets/2021/-3/template.xlsx`)).statusCode).toBe(400);
  });

  it('keeps another township’s sheet out of reach: 404 to export or import it', async () => {
    const other = `/api/indicator-ledger/sheets/2021/${units.chengguan}`;
    expect((await daying.get(`${other}/export.xlsx`)).statusCode).toBe(404);
    const mine = (await daying.get(`${daying2021}/export.xlsx`)).rawPayload;
    expect((await uploadFile(daying, `${other}/import`, 'ledger.xlsx', mine)).statusCode).toBe(404);
  });
});
