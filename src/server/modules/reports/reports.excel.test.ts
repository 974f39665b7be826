import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';
import { ensureDemoReportForms, ensureDemoReports } from './reports.demo';

let t: TestApp;
let daying: Client;
let chengguan: Client;
let formId: number;
let threeId: number;
let unitId: number;
let query: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2021-04-06T02:00:00Z');
  await ensureDemoReportForms(t.deps);
  const forms = await t.deps.db.selectFrom('reportForms').select(['id', 'code']).execute();
  formId = forms.find((f) => f.code === 'industry_dev')?.id as number;
  threeId = forms.find((f) => f.code === 'three_transform')?.id as number;
  unitId = await t.unitId('daying');
  query = `formId=${formId}&unitId=${unitId}&month=2021-03`;
  [daying, chengguan] = await Promise.all([t.signIn('daying'), t.signIn('chengguan')]);
});
afterAll(() => t.close());

async function template(q = query): Promise<ExcelJS.Workbook> {
  const res = await daying.get(`/api/reports/template.xlsx?${q}`);
  expect(res.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

const bytes = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());
const upload = async (book: ExcelJS.Workbook, q = query, client = daying) => uploadFile(client, `/api/reports/import?${q}`, 'report.xlsx', await bytes(book));

/** Fills the enterprise-development template's value column by field code. */
function fill(book: ExcelJS.Workbook, values: Record<string, string | number>) {
  const sheet = book.getWorksheet('报表') as ExcelJS.Worksheet;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const code = String(sheet.getCell(r, 1).value);
    if (code in values) sheet.getCell(r, 4).value = values[code];
  }
}

const reports = () => t.deps.db.selectFrom('reports').selectAll().execute();

describe('report Excel template and upload', () => {
  it('serves a template with the single fields, a sheet per table, and the version in a hidden sheet', async () => {
    const book = await template();
    expect(book.worksheets.map((w) => w.name)).toEqual(['报表', '1-重点企业', '_meta']);
    const sheet = book.getWorksheet('报表') as ExcelJS.Worksheet;
    expect(sheet.getRow(1).values).toEqual([undefined, '编码', '项目', '计量单位', '填报值']);
    expect(sheet.getCell(2, 1).value).toBe('firms');
    expect(sheet.getCell(2, 2).value).toBe('工业企业数（必填）');
    expect(book.getWorksheet('_meta')?.state).toBe('veryHidden');
  });

  it('takes a filled template as the draft, choices by their names', async () => {
    const book = await template(`formId=${threeId}&unitId=${unitId}&month=2021-03`);
    const main = book.getWorksheet('报表') as ExcelJS.Worksheet;
    main.getCell(2, 4).value = 2;
    main.getCell(3, 4).value = 350;
    const rows = book.getWorksheet('1-项目') as ExcelJS.Worksheet;
    rows.addRow(['宏达不锈钢智能化产线', null, '智能化改造', 1200, 200, 600, '在建']);
    const res = await upload(book, `formId=${threeId}&unitId=${unitId}&month=2021-03`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'draft',
      values: {
        projects: 2,
        investmentMonth: 350,
        rows: [{ name: '宏达不锈钢智能化产线', type: 'intelligent', plan: 1200, doneMonth: 200, doneTotal: 600, stage: 'building' }],
      },
    });
    // The saved draft comes back in the next template.
    const again = await template(`formId=${threeId}&unitId=${unitId}&month=2021-03`);
    expect((again.getWorksheet('1-项目') as ExcelJS.Worksheet).getCell(2, 3).value).toBe('智能化改造');
  });

  it('refuses a template of another form version with a clear message, and writes nothing', async () => {
    const before = await reports();
    const book = await template();
    fill(book, { firms: 40, aboveScale: 12 });
    (book.getWorksheet('_meta') as ExcelJS.Worksheet).getCell(2, 2).value = 2;
    const res = await upload(book);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.file).toBe('模板是第 2 版，当前报表为第 1 版，请重新下载模板');
    expect(await reports()).toEqual(before);
  });

  it('refuses tampered headers, a changed item code, a renamed table column, and a file that is not a template', async () => {
    const before = await reports();
    const header = await template();
    (header.getWorksheet('报表') as ExcelJS.Worksheet).getCell(1, 4).value = '数值';
    const a = await upload(header);
    expect(a.statusCode).toBe(400);
    expect(a.json().fields.file).toContain('表头');

    const code = await template();
    (code.getWorksheet('报表') as ExcelJS.Worksheet).getCell(3, 1).value = 'bigFirms';
    expect((await upload(code)).statusCode).toBe(400);

    const column = await template();
    (column.getWorksheet('1-重点企业') as ExcelJS.Worksheet).getCell(1, 2).value = '产值';
    const c = await upload(column);
    expect(c.statusCode).toBe(400);
    expect(c.json().fields.file).toContain('本月产值（万元）');

    const junk = await uploadFile(daying, `/api/reports/import?${query}`, 'report.xlsx', Buffer.from('not a workbook'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().fields.file).toBe('文件不是此报表的 Excel 模板，请下载模板后填写');
    expect(await reports()).toEqual(before);
  });

  it('lists values that do not read, per field, and writes nothing', async () => {
    const before = await reports();
    const book = await template();
    fill(book, { firms: '四十', aboveScale: 12 });
    const res = await upload(book);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual({ 'values.firms': '请填写数字' });
    expect(await reports()).toEqual(before);
  });

  it('keeps another township out: no template, no upload', async () => {
    expect((await chengguan.get(`/api/reports/template.xlsx?${query}`)).statusCode).toBe(404);
    const book = await template();
    expect((await upload(book, query, chengguan)).statusCode).toBe(404);
  });
});

describe('demo reports', () => {
  it('fills the first month with reports in every state, once, and leaves the demo townships to their users', async () => {
    // Three weeks after the deadline: late reports can exist, and a draft is overdue.
    t.clock.set('2021-04-30T02:00:00Z');
    expect(await ensureDemoReports(t.deps)).toBe(true);
    expect(await ensureDemoReports(t.deps)).toBe(false);
    const office = await t.signIn('office');
    const matrix = (await office.get('/api/reports/matrix?month=2021-03')).json();
    const states = matrix.rows.map((r: { cells: ({ status: string; timeliness: string } | null)[] }) => `${r.cells[0]?.status}/${r.cells[0]?.timeliness}`);
    expect(states).toEqual(expect.arrayContaining(['accepted/on_time', 'accepted/late', 'submitted/on_time', 'returned/on_time', 'draft/overdue']));
    const daying = matrix.rows.find((r: { unit: { id: number } }) => r.unit.id === unitId);
    expect(daying.cells[0].status).not.toBe('accepted');
  });
});
