import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { ensureDemoIndicators, indicatorsFile } from '../indicators';
import { sendReportReminders } from './reminders';
import { ensureDemoReportForms } from './reports.demo';

let t: TestApp;
let office: Client;
let daying: Client;
let chengguan: Client;
let leader: Client;
const forms: Record<string, number> = {};
const units: Record<string, number> = {};

// Tuesday 6 April 2021, 10:00 in the county: March's reports are due on the 5th working day of April, Thursday
// 8 April (1, 2, then 3–5 April off for Qingming, 6, 7, 8).
const APRIL_6 = '2021-04-06T02:00:00Z';

async function signInAll() {
  [office, daying, chengguan, leader] = await Promise.all([t.signIn('office'), t.signIn('daying'), t.signIn('chengguan'), t.signIn('leader')]);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(APRIL_6);
  const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));
  await ensureDemoIndicators(t.deps, indicatorsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))), { withLedger: false });
  const firms = fileURLToPath(new URL('../../../../scripts/demo/baofeng-enterprises.json', import.meta.url));
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(JSON.parse(fs.readFileSync(firms, 'utf8'))));
  expect(await ensureDemoReportForms(t.deps)).toBe(true);
  expect(await ensureDemoReportForms(t.deps)).toBe(false);
  for (const row of await t.deps.db.selectFrom('reportForms').select(['id', 'code']).execute()) forms[row.code] = row.id;
  for (const code of ['daying', 'chengguan']) units[code] = await t.unitId(code);
  await signInAll();
});
afterAll(() => t.close());

const good = { firms: 40, aboveScale: 12, newAboveScale: 1, outputMonth: 5200.5, outputYtd: 14800, power: 830.25 };
const save = (client: Client, unit: string, month: string, values: Record<string, unknown>, explanations: Record<string, string> = {}) =>
  client.put('/api/reports/sheet', { formId: forms.industry_dev, unitId: units[unit], month, values, explanations });

describe('report forms', () => {
  it('lists the three demo forms to townships and the office', async () => {
    const res = await daying.get('/api/report-forms');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((f: { code: string }) => f.code)).toEqual(['industry_dev', 'high_tech', 'three_transform']);
    const detail = (await office.get(`/api/report-forms/${forms.industry_dev}`)).json();
    expect(detail.definition.sections.map((s: { key: string }) => s.key)).toEqual(['overview', 'output', 'keyFirms']);
    expect(detail.versions).toHaveLength(1);
  });

  it('lets only the office publish a version, and refuses a definition that names unknown fields', async () => {
    const detail = (await office.get(`/api/report-forms/${forms.high_tech}`)).json();
    expect((await daying.post(`/api/report-forms/${forms.high_tech}/versions`, { definition: detail.definition })).statusCode).toBe(403);
    const bad = { ...detail.definition, rules: [{ ...detail.definition.rules[0], left: { field: 'nope' } }] };
    const res = await office.post(`/api/report-forms/${forms.high_tech}/versions`, { definition: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.definition).toContain('nope');
  });
});

describe('form settings', () => {
  it('lets the office create a form for listed units, change its settings and retire it, audited', async () => {
    const definition = (await office.get(`/api/report-forms/${forms.high_tech}`)).json().definition;
    const body = { code: 'special', nameZh: '专项调度', startMonth: '2021-03', allTownships: false, unitIds: [units.daying], definition };
    expect((await daying.post('/api/report-forms', body)).statusCode).toBe(403);
    const created = await office.post('/api/report-forms', body);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ code: 'special', dueWorkingDay: 5, allTownships: false, currentVersion: 1 });
    expect((await office.post('/api/report-forms', body)).json().fields).toEqual({ code: '报表编码已存在' });
    const id = created.json().id;
    let matrix = (await office.get('/api/reports/matrix?month=2021-03')).json();
    const column = matrix.forms.findIndex((f: { id: number }) => f.id === id);
    const cells = matrix.rows.map((r: { unit: { id: number }; cells: unknown[] }) => [r.unit.id, r.cells[column] !== null]);
    expect(cells.filter(([, expected]: [number, boolean]) => expected)).toEqual([[units.daying, true]]);
    // Only the listed unit may open it.
    expect((await chengguan.get(`/api/reports/sheet?formId=${id}&unitId=${units.chengguan}&month=2021-03`)).statusCode).toBe(404);
    const patched = await office.patch(`/api/report-forms/${id}`, { dueWorkingDay: 3, active: false });
    expect(patched.json()).toMatchObject({ dueWorkingDay: 3, active: false });
    matrix = (await office.get('/api/reports/matrix?month=2021-03')).json();
    expect(matrix.forms.map((f: { code: string }) => f.code)).not.toContain('special');
    const audit = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'report_form').where('entityId', '=', String(id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['report_form.create', 'report_form.update']);
  });
});

describe('filling, submitting and review', () => {
  let reportId: number;

  it('shows a township the blank form of its own unit, with the due date on the working-day calendar', async () => {
    const res = await daying.get(`/api/reports/sheet?formId=${forms.industry_dev}&unitId=${units.daying}&month=2021-03`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: null,
      status: 'not_started',
      dueDate: '2021-04-08',
      timeliness: 'not_due',
      can: { edit: true, submit: false, review: false },
    });
    expect(res.json().completeness).toEqual({ filled: 0, required: 6, complete: false });
  });

  it('saves a draft with out-of-range values but refuses wrong types and unknown fields, per field', async () => {
    const wrong = await save(daying, 'daying', '2021-03', { firms: 'forty', extra: 1 });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().fields).sort()).toEqual(['values.extra', 'values.firms']);
    const res = await save(daying, 'daying', '2021-03', { ...good, aboveScale: 50 });
    expect(res.statusCode).toBe(200);
    reportId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', can: { edit: true, submit: true } });
    // The live problems show the rule before submission.
    expect(res.json().problems.map((p: { path: string }) => p.path)).toEqual(['aboveScale']);
  });

  it('hides one township’s report from another: 404 by id, by key, and for saving into it', async () => {
    expect((await chengguan.get(`/api/reports/${reportId}`)).statusCode).toBe(404);
    expect((await chengguan.get(`/api/reports/sheet?formId=${forms.industry_dev}&unitId=${units.daying}&month=2021-03`)).statusCode).toBe(404);
    expect((await save(chengguan, 'daying', '2021-03', good)).statusCode).toBe(404);
    expect((await chengguan.post(`/api/reports/${reportId}/submit`)).statusCode).toBe(404);
    expect((await leader.get(`/api/reports/${reportId}`)).statusCode).toBe(200);
  });

  it('refuses a month that has not begun, and months before the form started', async () => {
    const res = await save(daying, 'daying', '2021-05', good);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toHaveProperty('month');
    const early = await save(daying, 'daying', '2021-02', good);
    expect(early.statusCode).toBe(400);
    expect(early.json().fields.month).toBe('此报表自 2021-03 起报送');
    const matrix = (await office.get('/api/reports/matrix?month=2021-02')).json();
    expect(matrix.rows[0].cells).toEqual([null, null, null]);
    expect(matrix.total.month.expected).toBe(0);
  });

  it('answers a submission with blocking errors with 400 listing each field, and writes nothing', async () => {
    await save(daying, 'daying', '2021-03', { ...good, aboveScale: 50, newAboveScale: 51, outputYtd: null, power: -1 });
    const res = await daying.post(`/api/reports/${reportId}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().fields).toEqual({
      'values.outputYtd': '必填',
      'values.power': '不能小于下限 0',
    });
    // With the types and requireds right, the cross-field rules speak.
    await save(daying, 'daying', '2021-03', { ...good, aboveScale: 50, newAboveScale: 51 });
    const rules = await daying.post(`/api/reports/${reportId}/submit`);
    expect(rules.json().fields).toEqual({
      'values.aboveScale': '规上工业企业数不能大于工业企业数',
      'values.newAboveScale': '新增入统企业数不能大于规上企业数',
    });
    expect((await daying.get(`/api/reports/${reportId}`)).json().status).toBe('draft');
  });

  it('accepts key firms of the township only, and checks their rows', async () => {
    const [own, other] = await Promise.all(
      ['daying', 'chengguan'].map((code) =>
        t.deps.db.selectFrom('enterprises').select('id').where('townshipUnitId', '=', units[code]).orderBy('id').executeTakeFirstOrThrow(),
      ),
    );
    const sheet = (await daying.get(`/api/reports/${reportId}`)).json();
    expect(sheet.enterprises.map((e: { id: number }) => e.id)).toContain(own.id);
    // A choice outside its dictionary is a wrong type: not even a draft takes it.
    const bad = await save(daying, 'daying', '2021-03', { ...good, keyFirms: [{ enterprise: own.id, outputMonth: 10, status: 'bogus' }] });
    expect(bad.json().fields).toEqual({ 'values.keyFirms.0.status': '请从选项中选择' });
    await save(daying, 'daying', '2021-03', {
      ...good,
      keyFirms: [
        { enterprise: own.id, outputMonth: 600, status: 'normal' },
        { enterprise: other.id, outputMonth: 10, status: 'stopped' },
      ],
    });
    const res = await daying.post(`/api/reports/${reportId}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual({ 'values.keyFirms.1.enterprise': '请选择本乡镇的企业' });
    await save(daying, 'daying', '2021-03', { ...good, keyFirms: [{ enterprise: own.id, outputMonth: 6000, status: 'normal' }] });
    // Key firms cannot produce more than the whole township.
    expect((await daying.post(`/api/reports/${reportId}/submit`)).json().fields).toEqual({ 'values.keyFirms': '重点企业本月产值之和不能大于全镇本月产值' });
  });

  it('submits a valid report and tells the office', async () => {
    await save(daying, 'daying', '2021-03', good);
    const res = await daying.post(`/api/reports/${reportId}/submit`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', timeliness: 'on_time', can: { edit: false, submit: false } });
    const inbox = (await office.get('/api/notifications?page=1&pageSize=5')).json();
    expect(inbox.items[0].titleZh).toContain('工业企业发展情况');
    // Submitted is not editable.
    expect((await save(daying, 'daying', '2021-03', good)).statusCode).toBe(400);
  });

  it('lets only reviewers return, and only with a reason', async () => {
    expect((await daying.post(`/api/reports/${reportId}/return`, { reason: 'x' })).statusCode).toBe(403);
    const empty = await office.post(`/api/reports/${reportId}/return`, { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toHaveProperty('reason');
    const missing = await office.post(`/api/reports/${reportId}/return`, {});
    expect(missing.statusCode).toBe(400);
    const res = await office.post(`/api/reports/${reportId}/return`, { reason: '用电量与供电公司数据不符，请核实', fieldKey: 'power' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('returned');
    const seen = (await daying.get(`/api/reports/${reportId}`)).json();
    expect(seen).toMatchObject({
      status: 'returned',
      returned: { reason: '用电量与供电公司数据不符，请核实', fieldKey: 'power' },
      can: { edit: true, submit: true },
    });
  });

  it('takes the fixed report again, and accepting writes the mapped ledger values in the same transaction', async () => {
    await save(daying, 'daying', '2021-03', { ...good, power: 812.4 });
    expect((await daying.post(`/api/reports/${reportId}/submit`)).json().status).toBe('submitted');
    const res = await office.post(`/api/reports/${reportId}/accept`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', can: { edit: false, reopen: true } });
    const values = await t.deps.db
      .selectFrom('indicatorValues')
      .innerJoin('indicators', 'indicators.id', 'indicatorValues.indicatorId')
      .select(['indicators.code', 'indicatorValues.value', 'indicatorValues.status'])
      .where('indicatorValues.unitId', '=', units.daying)
      .where('indicatorValues.month', '=', '2021-03')
      .orderBy('indicators.code')
      .execute();
    expect(values).toEqual([
      { code: 'ABOVE_SCALE', value: 12, status: 'submitted' },
      { code: 'NEW_ABOVE_SCALE', value: 1, status: 'submitted' },
      // The ledger keeps an indicator's own precision: electricity in whole 万千瓦时.
      { code: 'POWER', value: 812, status: 'submitted' },
    ]);
    const sheet = (await daying.get(`/api/indicator-ledger?year=2021`)).json();
    const power = sheet.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'POWER');
    expect(power.values[2]).toMatchObject({ value: 812, status: 'submitted' });
    const events = (await daying.get(`/api/reports/${reportId}`)).json().events.map((e: { action: string }) => e.action);
    expect(events).toEqual(['accept', 'submit', 'return', 'submit']);
    const audit = await t.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'report').where('entityId', '=', String(reportId)).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['report.save', 'report.submit', 'report.return', 'report.accept']));
  });

  it('keeps an accepted report locked: reopening needs a reason and sends it back', async () => {
    expect((await save(daying, 'daying', '2021-03', good)).statusCode).toBe(400);
    expect((await office.post(`/api/reports/${reportId}/accept`)).statusCode).toBe(400);
    expect((await office.post(`/api/reports/${reportId}/reopen`, { reason: '' })).statusCode).toBe(400);
    const res = await office.post(`/api/reports/${reportId}/reopen`, { reason: '统计局核定数据有调整' });
    expect(res.json()).toMatchObject({ status: 'returned', returned: { reason: '统计局核定数据有调整' } });
    expect((await daying.post(`/api/reports/${reportId}/submit`)).json().status).toBe('submitted');
    expect((await office.post(`/api/reports/${reportId}/accept`)).json().status).toBe('accepted');
  });

  it('asks for an explanation when a cumulative figure falls below last month, then takes it', async () => {
    t.clock.set('2021-05-06T02:00:00Z');
    await signInAll();
    const first = await save(daying, 'daying', '2021-04', { ...good, outputYtd: 14000, outputMonth: 3000 });
    const id = first.json().id;
    const res = await daying.post(`/api/reports/${id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields['values.outputYtd']).toContain('本年累计产值小于上月累计');
    await save(daying, 'daying', '2021-04', { ...good, outputYtd: 14000, outputMonth: 3000 }, { ytd_ge_previous: '三月数据经统计局核减' });
    expect((await daying.post(`/api/reports/${id}/submit`)).json().status).toBe('submitted');
  });
});

describe('completeness, timeliness and reminders', () => {
  it('counts every report expected of every township, started or not, before the due date too', async () => {
    // Wednesday 7 April, the day before March's reports are due: 大营镇 has one of its three forms in (accepted).
    t.clock.set('2021-04-07T02:00:00Z');
    await signInAll();
    const matrix = (await office.get('/api/reports/matrix?month=2021-03')).json();
    const daying = matrix.rows.find((r: { unit: { id: number } }) => r.unit.id === units.daying);
    expect(daying.cells.map((c: { status: string }) => c.status)).toEqual(['accepted', 'not_started', 'not_started']);
    // One of three is a third, not 100 % of the one started.
    expect(daying.month).toEqual({ expected: 3, complete: 1, onTime: 1, overdue: 0, completenessRate: 33.3, timelinessRate: 33.3 });
    const silent = matrix.rows.find((r: { unit: { id: number } }) => r.unit.id === units.chengguan);
    expect(silent.month).toMatchObject({ expected: 3, complete: 0, completenessRate: 0 });
    expect(matrix.total.month).toMatchObject({ expected: 39, complete: 1, onTime: 1, overdue: 0, completenessRate: 2.6 });
  });

  it('shows the office every township × form with states and timeliness, and a township only its own row', async () => {
    t.clock.set('2021-04-12T02:00:00Z');
    await signInAll();
    // 城关镇 submits March's report after the due day: late.
    const late = await save(chengguan, 'chengguan', '2021-03', good);
    expect((await chengguan.post(`/api/reports/${late.json().id}/submit`)).json().timeliness).toBe('late');

    const res = await office.get('/api/reports/matrix?month=2021-03');
    expect(res.statusCode).toBe(200);
    const matrix = res.json();
    expect(matrix.forms.map((f: { dueDate: string }) => f.dueDate)).toEqual(['2021-04-08', '2021-04-08', '2021-04-08']);
    expect(matrix.rows).toHaveLength(13);
    const row = (id: number) => matrix.rows.find((r: { unit: { id: number } }) => r.unit.id === id);
    expect(row(units.daying).cells[0]).toMatchObject({ status: 'accepted', timeliness: 'on_time', filled: 6, required: 6 });
    expect(row(units.daying).cells[1]).toMatchObject({ status: 'not_started', timeliness: 'overdue' });
    expect(row(units.chengguan).cells[0]).toMatchObject({ status: 'submitted', timeliness: 'late' });
    expect(row(units.daying).month).toMatchObject({ expected: 3, complete: 1, onTime: 1, completenessRate: 33.3 });
    expect(matrix.total.month).toMatchObject({ expected: 39, complete: 2, onTime: 1 });

    const own = (await daying.get('/api/reports/matrix?month=2021-03')).json();
    expect(own.rows.map((r: { unit: { id: number } }) => r.unit.id)).toEqual([units.daying]);

    const xlsx = await office.get('/api/reports/matrix/export.xlsx?month=2021-03');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheet');
  });

  it('accepts all or nothing: when the ledger write fails the report stays submitted and nothing is written', async () => {
    const db = t.deps.db;
    const report = await db.selectFrom('reports').select('id').where('unitId', '=', units.chengguan).where('month', '=', '2021-03').executeTakeFirstOrThrow();
    if (t.deps.dialect === 'sqlite') {
      await sql`create trigger ledger_down before insert on indicator_values begin select raise(abort, 'ledger down'); end`.execute(db);
    } else {
      await sql`create function ledger_down() returns trigger as $$ begin raise exception 'ledger down'; end $$ language plpgsql`.execute(db);
      await sql`create trigger ledger_down before insert on indicator_values for each row execute function ledger_down()`.execute(db);
    }
    const auditBefore = await db.selectFrom('auditLog').select('id').execute();
    expect((await office.post(`/api/reports/${report.id}/accept`)).statusCode).toBe(500);
    expect((await office.get(`/api/reports/${report.id}`)).json()).toMatchObject({ status: 'submitted', acceptedAt: null });
    expect(await db.selectFrom('indicatorValues').select('id').where('unitId', '=', units.chengguan).execute()).toEqual([]);
    expect((await db.selectFrom('auditLog').select('id').execute()).length).toBe(auditBefore.length);
    expect(await db.selectFrom('reportEvents').select('action').where('reportId', '=', report.id).execute()).toEqual([{ action: 'submit' }]);

    await sql`drop trigger ledger_down${t.deps.dialect === 'sqlite' ? sql`` : sql` on indicator_values`}`.execute(db);
    expect((await office.post(`/api/reports/${report.id}/accept`)).json().status).toBe('accepted');
    expect((await db.selectFrom('indicatorValues').select('id').where('unitId', '=', units.chengguan).execute()).length).toBe(3);
  });

  it('adds up numeric fields across townships for the month and the year to date', async () => {
    const res = await office.get(`/api/reports/aggregate?formId=${forms.industry_dev}&month=2021-04`);
    expect(res.statusCode).toBe(200);
    const agg = res.json();
    const firms = agg.fields.findIndex((f: { path: string }) => f.path === 'firms');
    expect(agg.total.month[firms]).toBe(40);
    // A count is the latest month's: 大营镇's April and 城关镇's March, not the sum of all three reports.
    expect(agg.total.ytd[firms]).toBe(80);
    expect(agg.fields.map((f: { path: string }) => f.path)).toContain('keyFirms.outputMonth');

    const file = await office.get(`/api/reports/aggregate/export.xlsx?formId=${forms.industry_dev}&month=2021-04`);
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['乡镇（街道）', '工业企业数（家）·本月', '工业企业数（家）·本年累计']);
    const last = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
    expect(last.slice(0, 3)).toEqual(['全县合计', 40, 80]);
    expect(agg.countyWide).toBe(true);

    // A township's totals are its own, not the county's.
    const own = (await daying.get(`/api/reports/aggregate?formId=${forms.industry_dev}&month=2021-04`)).json();
    expect([own.countyWide, own.units.length]).toEqual([false, 1]);
    const ownBook = new ExcelJS.Workbook();
    await ownBook.xlsx.load(
      (await daying.get(`/api/reports/aggregate/export.xlsx?formId=${forms.industry_dev}&month=2021-04`)).rawPayload as unknown as ArrayBuffer,
    );
    const ownSheet = ownBook.worksheets[0];
    expect((ownSheet.getRow(ownSheet.rowCount).values as unknown[])[1]).toBe('合计');
  });

  it('reminds townships before the due day, and after it gives each late report one 督办 task', async () => {
    // Wednesday 7 April: one working day before the due day; reminders, no tasks.
    t.clock.set('2021-04-07T02:00:00Z');
    const before = await sendReportReminders(t.deps);
    expect(before.tasks).toBe(0);
    // 13 townships × 3 forms, less 大营镇's and 城关镇's submitted enterprise-development forms.
    expect(before.notified).toBe(37);
    t.clock.set('2021-04-09T02:00:00Z');
    const after = await sendReportReminders(t.deps);
    expect(after).toEqual({ notified: 37, tasks: 37 });
    expect((await sendReportReminders(t.deps)).tasks).toBe(0);
    const task = await t.deps.db
      .selectFrom('tasks')
      .selectAll()
      .where('sourceModule', '=', 'reports')
      .where('ownerUnitId', '=', units.daying)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ type: 'report_overdue', sourceId: `${forms.high_tech}/2021-03/${units.daying}` });
    const { sourceLabel } = (await (await t.signIn('daying')).get(`/api/tasks/${task.id}`)).json();
    expect(sourceLabel).toMatchObject({
      zh: expect.stringMatching(/ 2021年3月 大营镇$/),
      path: `/reports/sheet?formId=${forms.high_tech}&unitId=${units.daying}&month=2021-03`,
    });
  });
});

describe('accepted figures stay put', () => {
  const indicatorId = async (code: string) => (await t.deps.db.selectFrom('indicators').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const ledgerValue = async (code: string, unitId: number, month: string) =>
    t.deps.db
      .selectFrom('indicatorValues')
      .innerJoin('indicators', 'indicators.id', 'indicatorValues.indicatorId')
      .select(['indicatorValues.value', 'indicatorValues.status', 'indicatorValues.source'])
      .where('indicators.code', '=', code)
      .where('indicatorValues.unitId', '=', unitId)
      .where('indicatorValues.month', '=', month)
      .executeTakeFirst();

  it('refuses a township’s write to a value an accepted report wrote, and lets the office correct it with a reason, audited', async () => {
    t.clock.set('2021-04-12T02:00:00Z');
    await signInAll();
    const report = await t.deps.db
      .selectFrom('reports')
      .select('id')
      .where('formId', '=', forms.industry_dev)
      .where('unitId', '=', units.daying)
      .where('month', '=', '2021-03')
      .executeTakeFirstOrThrow();
    expect(await ledgerValue('POWER', units.daying, '2021-03')).toEqual({ value: 812, status: 'submitted', source: `reports/${report.id}` });
    const power = await indicatorId('POWER');
    const sheet = (await daying.get('/api/indicator-ledger?year=2021')).json();
    const row = sheet.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'POWER');
    expect(row.values[2]).toMatchObject({ value: 812, source: `reports/${report.id}` });

    // The township cannot overwrite the accepted figure: 400 naming the report, nothing written.
    const refused = await daying.put('/api/indicator-ledger/values', { unitId: units.daying, values: [{ indicatorId: power, month: '2021-03', value: 5000 }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields['values.0.value']).toBe(
      `该数值来自已审核通过的乡镇月报《工业企业发展情况》#${report.id}，不能在台账中直接修改；如需更正，请由县工业强县办重新打开该报表，或由县工业强县办填写理由更正`,
    );
    expect((await ledgerValue('POWER', units.daying, '2021-03'))?.value).toBe(812);
    // Saving the row as it stands changes nothing and is not refused.
    expect(
      (await daying.put('/api/indicator-ledger/values', { unitId: units.daying, values: [{ indicatorId: power, month: '2021-03', value: 812 }] })).statusCode,
    ).toBe(204);

    // The office corrects it, only with a reason; the value stays submitted and held, with the change in its history and the audit.
    const noReason = await office.put('/api/indicator-ledger/values', { unitId: units.daying, values: [{ indicatorId: power, month: '2021-03', value: 820 }] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toEqual({ reason: '更正来自已审核报表的数值须填写理由' });
    const corrected = await office.put('/api/indicator-ledger/values', {
      unitId: units.daying,
      values: [{ indicatorId: power, month: '2021-03', value: 820 }],
      reason: '按县供电公司核定数更正',
    });
    expect(corrected.statusCode).toBe(204);
    expect(await ledgerValue('POWER', units.daying, '2021-03')).toEqual({ value: 820, status: 'submitted', source: `reports/${report.id}` });
    const history = (await office.get(`/api/indicator-ledger/history?indicatorId=${power}&unitId=${units.daying}&month=2021-03`)).json().items;
    expect(history[0]).toMatchObject({ action: 'correct', beforeValue: 812, afterValue: 820, reason: '按县供电公司核定数更正' });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'afterJson'])
      .where('entityType', '=', 'indicator_value')
      .where('entityId', '=', `${units.daying}/2021-03`)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('indicator_value.correct');
    expect(JSON.parse(audit.afterJson as string)).toMatchObject({ reason: '按县供电公司核定数更正', values: [{ value: 820 }] });
    // Still held against the township after the correction.
    expect(
      (await daying.put('/api/indicator-ledger/values', { unitId: units.daying, values: [{ indicatorId: power, month: '2021-03', value: 5000 }] })).statusCode,
    ).toBe(400);
  });

  it('tells the office before it accepts which fields will not reach the ledger and why', async () => {
    t.clock.set('2021-06-07T02:00:00Z');
    await signInAll();
    // A version that maps the number of firms to an indicator 大营镇 has no target for, and output to an unknown code.
    const detail = (await office.get(`/api/report-forms/${forms.industry_dev}`)).json();
    const definition = structuredClone(detail.definition);
    for (const section of definition.sections)
      for (const field of section.fields) {
        if (field.key === 'firms') field.indicatorCode = 'HIGH_TECH';
        if (field.key === 'outputYtd') field.indicatorCode = 'NO_SUCH';
      }
    expect((await office.post(`/api/report-forms/${forms.industry_dev}/versions`, { definition })).statusCode).toBe(200);
    const saved = await save(daying, 'daying', '2021-05', { ...good, outputYtd: 20000, power: null });
    const id = saved.json().id;
    expect((await daying.post(`/api/reports/${id}/submit`)).statusCode).toBe(400);
    await save(daying, 'daying', '2021-05', { ...good, outputYtd: 20000 });
    const submitted = await daying.post(`/api/reports/${id}/submit`);
    expect(submitted.json(), submitted.body).toMatchObject({ status: 'submitted' });

    expect((await daying.get(`/api/reports/${id}/accept-preview`)).statusCode).toBe(403);
    expect((await chengguan.get(`/api/reports/${id}/accept-preview`)).statusCode).toBe(403);
    const preview = await office.get(`/api/reports/${id}/accept-preview`);
    expect(preview.statusCode).toBe(200);
    const byKey = Object.fromEntries(preview.json().items.map((i: { fieldKey: string }) => [i.fieldKey, i]));
    expect(byKey.firms).toMatchObject({
      indicatorCode: 'HIGH_TECH',
      written: false,
      reason: 'no_target',
      message: '大营镇2021年没有“高新技术企业数”的目标任务，数值不写入台账',
    });
    expect(byKey.outputYtd).toMatchObject({ written: false, reason: 'unknown_indicator', message: '指标编码“NO_SUCH”不在指标目录中' });
    expect(byKey.aboveScale).toMatchObject({ indicatorCode: 'ABOVE_SCALE', value: 12, written: true, reason: null, message: null });
    expect(byKey.power).toMatchObject({ value: 830, written: true });
    // In the reviewer's language.
    await t.deps.db.updateTable('users').set({ locale: 'en-US' }).where('username', '=', 'office').execute();
    const en = await (await t.signIn('office')).get(`/api/reports/${id}/accept-preview`);
    await t.deps.db.updateTable('users').set({ locale: 'zh-CN' }).where('username', '=', 'office').execute();
    expect(en.json().items.find((i: { fieldKey: string }) => i.fieldKey === 'firms').message).toBe(
      'Daying Town has no 2021 target for "High-tech enterprises": the value is not written to the ledger',
    );

    // Accepting does what the preview said.
    expect((await office.post(`/api/reports/${id}/accept`)).json().status).toBe('accepted');
    expect(await ledgerValue('HIGH_TECH', units.daying, '2021-05')).toBeUndefined();
    expect(await ledgerValue('POWER', units.daying, '2021-05')).toMatchObject({ value: 830, source: `reports/${id}` });
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select('afterJson')
      .where('action', '=', 'report.accept')
      .where('entityId', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.afterJson as string).ledger.skipped).toEqual([
      { indicatorCode: 'HIGH_TECH', reason: 'no_target' },
      { indicatorCode: 'NO_SUCH', reason: 'unknown_indicator' },
    ]);
  });

  it('says when the report’s year has no plan, so nothing is written', async () => {
    t.clock.set('2022-02-10T02:00:00Z');
    await signInAll();
    const saved = await save(daying, 'daying', '2022-01', { ...good, outputYtd: 5200.5 });
    const id = saved.json().id;
    expect((await daying.post(`/api/reports/${id}/submit`)).json().status).toBe('submitted');
    const items = (await office.get(`/api/reports/${id}/accept-preview`)).json().items;
    const mappedToKnown = items.filter((i: { indicatorCode: string }) => i.indicatorCode !== 'NO_SUCH');
    expect(mappedToKnown.map((i: { reason: string }) => i.reason)).toEqual(mappedToKnown.map(() => 'no_plan'));
    expect(mappedToKnown[0].message).toBe('2022年尚未制定指标目标计划，数值不写入台账');
  });
});
