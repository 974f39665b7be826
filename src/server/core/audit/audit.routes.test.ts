import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { verifyAuditChain } from './audit.service';

let t: TestApp;
let auditor: Client;
beforeAll(async () => {
  t = await createTestApp();
  auditor = await t.signIn('auditor');
  const sysadmin = await t.signIn('sysadmin');
  for (const name of ['甲', '乙', '丙']) await sysadmin.patch(`/api/units/${await t.unitId('daying')}`, { nameZh: `大营镇${name}` });
});
afterAll(() => t.close());

async function readXlsx(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb.worksheets[0]
    .getSheetValues()
    .slice(1)
    .map((row) => (row as unknown[]).slice(1));
}

describe('audit log', () => {
  it('pages, filters and sorts for the auditor', async () => {
    const page = (await auditor.get('/api/audit?action=unit.update&pageSize=2&page=1')).json();
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(page.items[0].after.nameZh).toBe('大营镇丙');
    const asc = (await auditor.get('/api/audit?action=unit.update&order=asc')).json();
    expect(asc.items[0].after.nameZh).toBe('大营镇甲');
    expect((await auditor.get('/api/audit?actor=nobody')).json().total).toBe(0);
    expect((await auditor.get('/api/audit?sort=password')).statusCode).toBe(400);
  });

  it('filters by county calendar day', async () => {
    // The test clock stands at 2026-03-02 09:00 Beijing time.
    expect((await auditor.get('/api/audit?from=2026-03-02&to=2026-03-02&action=unit.update')).json().total).toBe(3);
    expect((await auditor.get('/api/audit?from=2026-03-03&action=unit.update')).json().total).toBe(0);
  });

  it('exports exactly the filtered rows to .xlsx', async () => {
    const res = await auditor.get('/api/audit/export.xlsx?action=unit.update');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toContain('操作');
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).every((r) => r.includes('unit.update'))).toBe(true);
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const sysadmin = await t.signIn('sysadmin');
    const codes = ['tielu', 'zhouzhuang', 'naodian', 'shiqiao', 'shangjiuwu', 'zhangbaqiao', 'yangzhuang', 'qianying'];
    const results = await Promise.all(codes.map(async (code) => sysadmin.patch(`/api/units/${await t.unitId(code)}`, { nameEn: `${code} (renamed)` })));
    expect(results.map((r) => r.statusCode)).toEqual(codes.map(() => 200));
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true, firstBrokenId: null });
  });

  it('verifies the chain and reports the first tampered row', async () => {
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true, firstBrokenId: null });
    const target = await t.deps.db.selectFrom('auditLog').select('id').where('action', '=', 'unit.update').orderBy('id').executeTakeFirstOrThrow();
    await sql`update audit_log set after_json = '{"nameZh":"改过的"}' where id = ${target.id}`.execute(t.deps.db);
    const report = (await auditor.get('/api/audit/verify')).json();
    expect(report).toMatchObject({ ok: false, firstBrokenId: target.id });
    expect(report.checked).toBeGreaterThan(0);
    expect((await verifyAuditChain(t.deps.db, 2)).firstBrokenId).toBe(target.id);
  });

  it('shows the login log to the auditor, with filters and export', async () => {
    await t.anonymous().post('/api/auth/login', { username: 'gxj', password: 'wrong' });
    const failures = (await auditor.get('/api/login-log?result=bad_password')).json();
    expect(failures.items.map((r: { username: string }) => r.username)).toContain('gxj');
    const res = await auditor.get('/api/login-log/export.xlsx?username=auditor');
    const rows = await readXlsx(res.rawPayload);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r.includes('auditor'))).toBe(true);
  });
});
