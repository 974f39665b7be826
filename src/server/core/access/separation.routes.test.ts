import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';

// 三员分立 without back doors: the system administrator manages accounts but grants no role and never learns a
// password it can keep using; the security administrator grants roles within the families; no role or account mixes
// administration with business; the auditor sees what all three administrators did.
let t: TestApp;
let sysadmin: Client;
let secadmin: Client;
let roles: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  sysadmin = await t.signIn('sysadmin');
  secadmin = await t.signIn('secadmin');
  roles = Object.fromEntries((await t.deps.db.selectFrom('roles').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
});
afterAll(() => t.close());

const userId = async (username: string) => (await t.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

describe('the system administrator grants no roles and chooses no passwords', () => {
  it('creates an account without roles, with a one-time password shown once', async () => {
    const unitId = await t.unitId('office');
    const withRole = await sysadmin.post('/api/users', { username: 'shadow', displayName: '影子', unitId, roleIds: [roles.office] });
    expect(withRole.statusCode).toBe(400);
    expect(withRole.json().fields.roleIds).toBeDefined();
    const withPassword = await sysadmin.post('/api/users', { username: 'shadow', displayName: '影子', unitId, password: 'Chosen#2026x' });
    expect(withPassword.statusCode).toBe(400);
    expect(withPassword.json().fields.password).toBeDefined();
    expect(await t.deps.db.selectFrom('users').select('id').where('username', '=', 'shadow').executeTakeFirst()).toBeUndefined();

    const created = await sysadmin.post('/api/users', { username: 'shadow', displayName: '影子', unitId });
    expect(created.statusCode).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.json().roles).toEqual([]);
    const shadow = await t.signIn('shadow', created.json().temporaryPassword);
    expect((await shadow.get('/api/auth/me')).json().permissions).toEqual([]);
    expect((await shadow.get('/api/enterprises')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('cannot set roles, on another account or its own', async () => {
    const id = await userId('daying');
    expect((await sysadmin.put(`/api/users/${id}/roles`, { roleIds: [roles.office] })).statusCode).toBe(403);
    expect((await sysadmin.patch(`/api/users/${id}`, { roleIds: [roles.office] })).statusCode).toBe(400);
    expect((await t.deps.db.selectFrom('userRoles').select('roleId').where('userId', '=', id).execute()).map((r) => r.roleId)).toEqual([roles.township]);
  });

  it('cannot reset the password of, disable or edit another kind of administrator', async () => {
    for (const username of ['secadmin', 'auditor']) {
      const id = await userId(username);
      const reset = await sysadmin.post(`/api/users/${id}/reset-password`);
      expect(reset.statusCode, username).toBe(403);
      expect(reset.json().temporaryPassword).toBeUndefined();
      expect((await sysadmin.patch(`/api/users/${id}`, { active: false })).statusCode, username).toBe(403);
    }
    expect((await t.signIn('auditor')).csrfToken).toBeTruthy();
  });

  it('resets a password to a one-time password: must be changed, unit told, audited', async () => {
    const id = await userId('chengguan');
    const res = await sysadmin.post(`/api/users/${id}/reset-password`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const once = res.json().temporaryPassword;
    const user = await t.signIn('chengguan', once);
    expect((await user.get('/api/auth/me')).json().passwordChangeReason).toBe('reset');
    expect((await user.get('/api/enterprises')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await user.post('/api/auth/password', { currentPassword: once, newPassword: once })).statusCode).toBe(400);
    const notices = await t.deps.db.selectFrom('notifications').select(['userId', 'kind']).where('kind', '=', 'account.password_reset').execute();
    expect(notices.map((n) => n.userId)).toContain(id);
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('action', '=', 'user.reset_password').where('entityId', '=', String(id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actorUsername).toBe('sysadmin');
    expect(JSON.stringify(audit)).not.toContain(once);
    expect((await user.post('/api/auth/password', { currentPassword: once, newPassword: 'Kestrel#Ledger9' })).statusCode).toBe(204);
    // Spent: the one-time password opens nothing any more.
    expect((await t.anonymous().post('/api/auth/login', { username: 'chengguan', password: once })).statusCode).toBe(401);
  });
});

describe('the security administrator grants roles, within the families', () => {
  it('grants business roles, ending the account sessions, audited', async () => {
    const unitId = await t.unitId('daying');
    const created = (await sysadmin.post('/api/users', { username: 'clerk', displayName: '文员', unitId })).json();
    const clerk = await t.signIn('clerk', created.temporaryPassword);
    const res = await secadmin.put(`/api/users/${created.id}/roles`, { roleIds: [roles.township] });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles.map((r: { code: string }) => r.code)).toEqual(['township']);
    expect((await clerk.get('/api/auth/me')).statusCode).toBe(401);
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('action', '=', 'user.set_roles').execute();
    expect(audit.at(-1)?.actorUsername).toBe('secadmin');
  });

  it('refuses other families roles, accounts of other families, mixed accounts and its own roles', async () => {
    const clerk = await userId('clerk');
    for (const code of ['sysadmin', 'auditor']) {
      const res = await secadmin.put(`/api/users/${clerk}/roles`, { roleIds: [roles[code]] });
      expect(res.statusCode, code).toBe(400);
    }
    const mixed = await secadmin.put(`/api/users/${clerk}/roles`, { roleIds: [roles.township, roles.secadmin] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().fields.roleIds).toContain('三员分立');
    expect((await secadmin.put(`/api/users/${await userId('auditor')}/roles`, { roleIds: [] })).statusCode).toBe(403);
    expect((await secadmin.put(`/api/users/${await userId('secadmin')}/roles`, { roleIds: [] })).statusCode).toBe(400);
  });
});

describe('no role mixes administration and business', () => {
  it('refuses role and audit powers in business roles', async () => {
    const office = (await secadmin.get('/api/roles')).json().find((r: { code: string }) => r.code === 'office');
    for (const extra of ['role:manage', 'role:read', 'audit:read', 'loginlog:read', 'user:manage']) {
      const res = await secadmin.patch(`/api/roles/${office.id}`, { permissions: [...office.permissions, extra] });
      expect(res.statusCode, extra).toBe(400);
      expect(res.json().fields.permissions).toContain('三员分立');
    }
    const created = await secadmin.post('/api/roles', {
      code: 'reader_admin',
      nameZh: '混合',
      nameEn: 'Mixed',
      dataScope: 'all',
      permissions: ['enterprise:read', 'role:manage'],
    });
    expect(created.statusCode).toBe(400);
  });

  it('refuses business permissions in administrator roles, and other families roles altogether', async () => {
    const all = (await secadmin.get('/api/roles')).json() as { id: number; code: string; permissions: string[] }[];
    const sys = all.find((r) => r.code === 'sysadmin');
    const res = await secadmin.patch(`/api/roles/${sys?.id}`, { permissions: [...(sys?.permissions ?? []), 'enterprise:read'] });
    expect(res.statusCode).toBe(400);
    const audit = all.find((r) => r.code === 'auditor');
    expect((await secadmin.patch(`/api/roles/${audit?.id}`, { permissions: ['unit:read'] })).statusCode).toBe(400);
    const security = await secadmin.post('/api/roles', {
      code: 'sec_reader',
      nameZh: '安全查阅',
      nameEn: 'Security reader',
      dataScope: 'all',
      permissions: ['role:read', 'enterprise:read'],
    });
    expect(security.statusCode).toBe(400);
  });
});

describe('the auditor audits all three administrators', () => {
  it('finds the actions of the system and security administrators and its own', async () => {
    const auditor = await t.signIn('auditor');
    expect((await auditor.get('/api/audit/export.xlsx')).statusCode).toBe(200);
    expect((await auditor.get('/api/login-log/export.xlsx')).statusCode).toBe(200);
    expect((await auditor.get('/api/audit/verify')).json().ok).toBe(true);
    const page = (await auditor.get('/api/audit?pageSize=200')).json() as { items: { actorUsername: string; action: string }[] };
    const by = (actor: string) => new Set(page.items.filter((r) => r.actorUsername === actor).map((r) => r.action));
    expect([...by('sysadmin')]).toEqual(expect.arrayContaining(['user.create', 'user.reset_password']));
    expect([...by('secadmin')]).toEqual(expect.arrayContaining(['user.set_roles']));
    expect([...by('auditor')]).toEqual(expect.arrayContaining(['audit.export', 'loginlog.export', 'audit.verify']));
  });
});
