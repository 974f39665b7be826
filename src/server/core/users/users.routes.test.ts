import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';

let t: TestApp;
let sysadmin: Client;
beforeAll(async () => {
  t = await createTestApp();
  sysadmin = await t.signIn('sysadmin');
});
afterAll(() => t.close());

describe('users', () => {
  it('pages, sorts and filters', async () => {
    const all = (await sysadmin.get('/api/users?pageSize=5&sort=username&order=asc')).json();
    expect(all.total).toBe(10);
    expect(all.items.map((u: { username: string }) => u.username)).toEqual(['auditor', 'chengguan', 'daying', 'gxj', 'leader']);
    const page2 = (await sysadmin.get('/api/users?pageSize=5&page=2&sort=username&order=asc')).json();
    expect(page2.items.map((u: { username: string }) => u.username)).toEqual(['office', 'secadmin', 'stainless.team', 'sysadmin', 'tjj']);
    const townships = (await sysadmin.get('/api/users?roleCode=township')).json();
    expect(townships.items.map((u: { username: string }) => u.username).sort()).toEqual(['chengguan', 'daying']);
    const search = (await sysadmin.get(`/api/users?q=${encodeURIComponent('管理员')}`)).json();
    expect(search.total).toBe(3);
    expect((await sysadmin.get('/api/users?pageSize=1000')).statusCode).toBe(400);
  });

  it('exports the filtered list as .xlsx', async () => {
    const res = await sysadmin.get('/api/users/export.xlsx?roleCode=township&sort=username');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const values = wb.worksheets[0]
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values[0]).toEqual(['用户名', '姓名', '单位', '角色', '电话', '状态', '最近登录']);
    expect(values.slice(1).map((r) => r[0])).toEqual(['chengguan', 'daying']);
  });

  it('disables a user, ending their sessions, and refuses to disable oneself', async () => {
    const daying = await t.signIn('daying');
    const id = (await daying.get('/api/auth/me')).json().user.id;
    expect((await sysadmin.patch(`/api/users/${id}`, { active: false })).json().active).toBe(false);
    expect((await daying.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/auth/login', { username: 'daying', password: 'Demo@2021' })).json().code).toBe('ACCOUNT_DISABLED');
    await sysadmin.patch(`/api/users/${id}`, { active: true });
    const me = (await sysadmin.get('/api/auth/me')).json();
    expect((await sysadmin.patch(`/api/users/${me.user.id}`, { active: false })).statusCode).toBe(400);
  });

  it('resets a password to a one-time temporary password that must be changed', async () => {
    const id = (await (await t.signIn('gxj')).get('/api/auth/me')).json().user.id;
    const { temporaryPassword } = (await sysadmin.post(`/api/users/${id}/reset-password`)).json();
    expect(temporaryPassword).toHaveLength(16);
    const gxj = await t.signIn('gxj', temporaryPassword);
    expect((await gxj.get('/api/auth/me')).json().passwordChangeReason).toBe('reset');
  });

  it('lets the office browse users but not manage them', async () => {
    const office = await t.signIn('office');
    expect((await office.get('/api/users')).json().total).toBeGreaterThan(0);
    expect((await office.post('/api/users/1/reset-password')).statusCode).toBe(403);
  });
});
