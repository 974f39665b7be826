import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('county calendar', () => {
  it('is seeded with the official arrangement, National Day 2021 included', async () => {
    const daying = await t.signIn('daying');
    const year = (await daying.get('/api/calendar?year=2021')).json();
    const byDate = new Map(year.days.map((d: { date: string; kind: string }) => [d.date, d.kind]));
    expect(byDate.get('2021-10-01')).toBe('holiday');
    expect(byDate.get('2021-10-09')).toBe('workday');
    expect(byDate.get('2021-09-26')).toBe('workday');
    // The official names in both languages; the English page shows the English one.
    expect(year.days.find((d: { date: string }) => d.date === '2021-10-01')).toMatchObject({ name: '国庆节', nameEn: 'National Day' });
    // October 2021: 21 weekdays, minus 5 holiday weekdays (1, 4–7 Oct), plus the make-up Saturday 9 Oct = 17; 250 in the year.
    expect(year.workingDaysPerMonth[9]).toBe(17);
    expect(year.workingDaysPerMonth.reduce((a: number, b: number) => a + b, 0)).toBe(250);
  });

  it('computes deadlines across the holiday week', async () => {
    const daying = await t.signIn('daying');
    expect((await daying.get('/api/calendar/working-day?from=2021-09-30&add=1')).json().date).toBe('2021-10-08');
    expect((await daying.get('/api/calendar/working-day?from=2021-09-30&add=5')).json().date).toBe('2021-10-13');
    expect((await daying.get('/api/calendar/working-day?from=2021-02-30&add=5')).statusCode).toBe(400);
  });

  it('counts working days between two dates across the holiday week', async () => {
    const daying = await t.signIn('daying');
    // 1–7 Oct off, 8 and 9 Oct (Saturday, make-up day) on, 10 Oct Sunday off, 11–15 Oct on.
    expect((await daying.get('/api/calendar/working-days-between?from=2021-09-30&to=2021-10-15')).json()).toEqual({
      from: '2021-09-30',
      to: '2021-10-15',
      workingDays: 7,
    });
    expect((await daying.get('/api/calendar/working-days-between?from=2021-10-15&to=2021-09-30')).json().workingDays).toBe(-7);
    expect((await daying.get('/api/calendar/working-days-between?from=2021-10-08&to=2021-10-08')).json().workingDays).toBe(0);
    const bad = await daying.get('/api/calendar/working-days-between?from=1899-01-01&to=2021-10-08');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.from).toBe('日期须在 2000 年至 2100 年之间');
    expect((await daying.get('/api/calendar/working-days-between?from=2021-10-08')).statusCode).toBe(400);
  });

  it('lets the office add a local holiday, audited, and nobody else', async () => {
    const office = await t.signIn('office');
    const daying = await t.signIn('daying');
    expect((await daying.put('/api/calendar/days/2021-10-11', { kind: 'holiday', name: '县庆' })).statusCode).toBe(403);
    expect((await office.put('/api/calendar/days/2021-10-11', { kind: 'holiday', name: '县庆' })).statusCode).toBe(204);
    expect((await office.get('/api/calendar/working-day?from=2021-09-30&add=3')).json().date).toBe('2021-10-12');
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('action', '=', 'calendar.set_day').executeTakeFirstOrThrow();
    expect(audit.entityId).toBe('2021-10-11');
    expect((await office.put('/api/calendar/days/2021-10-11', { kind: 'normal' })).statusCode).toBe(204);
    expect((await office.get('/api/calendar/working-day?from=2021-09-30&add=3')).json().date).toBe('2021-10-11');
    expect((await office.put('/api/calendar/days/2021-10-11', { kind: 'festival' })).statusCode).toBe(400);
  });
});

describe('calendar import', () => {
  async function sheet(rows: string[][]) {
    const office = await t.signIn('office');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await office.get('/api/calendar/template.xlsx')).rawPayload as unknown as ArrayBuffer);
    rows.forEach((r, i) => {
      book.worksheets[0].getRow(3 + i).values = r;
    });
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  const post = (client: Client, bytes: Buffer) => uploadFile(client, '/api/calendar/import', 'cal.xlsx', bytes);

  it('applies a year’s arrangement from the template, all or nothing, office only', async () => {
    const office = await t.signIn('office');
    const daying = await t.signIn('daying');
    const bad = await sheet([
      ['2031-10-01', '休息', '国庆节'],
      ['2031-10-01', '调休上班', ''],
    ]);
    const refused = await post(office, bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ row: 4, column: '日期', message: '同一日期在文件中出现多次' }]);
    expect((await office.get('/api/calendar?year=2031')).json().days).toEqual([]);

    const good = await sheet([
      ['2031-10-01', '休息', '国庆节'],
      ['2031-10-11', '调休上班', '国庆节调休'],
    ]);
    expect((await post(daying, good)).statusCode).toBe(403);
    const done = await post(office, good);
    expect(done.json()).toEqual({ imported: 2 });
    const days = (await daying.get('/api/calendar?year=2031')).json().days.map((d: { date: string; kind: string }) => [d.date, d.kind]);
    expect(days).toEqual([
      ['2031-10-01', 'holiday'],
      ['2031-10-11', 'workday'],
    ]);
  });
});
