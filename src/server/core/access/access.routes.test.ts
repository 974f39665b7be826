import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/build-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const count = async (table: 'users' | 'auditLog' | 'roles' | 'orgUnits') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('data scope', () => {
  it('lets a township read its own unit and answers 404 for another township', async () => {
    const daying = await t.signIn('daying');
    expect((await daying.get(`/api/units/${await t.unitId('daying')}`)).statusCode).toBe(200);
    const other = await daying.get(`/api/units/${await t.unitId('chengguan')}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('NOT_FOUND');
    const list = (await daying.get('/api/units')).json();
    expect(list.map((u: { code: string }) => u.code)).toEqual(['daying']);
  });

  it('lets the office read every unit', async () => {
    const office = await t.signIn('office');
    const list = (await office.get('/api/units')).json();
    expect(list.length).toBeGreaterThan(50);
    expect((await office.get(`/api/units/${await t.unitId('chengguan')}`)).statusCode).toBe(200);
  });

  it('resolves "unit and below" and "custom units" scopes', async () => {
    const sysadmin = await t.signIn('sysadmin');
    const secadmin = await t.signIn('secadmin');
    const dayingId = await t.unitId('daying');
    const village = await sysadmin.post('/api/units', { parentId: dayingId, code: 'daying-v1', nameZh: '大营村', nameEn: 'Daying Village', kind: 'township' });
    expect(village.statusCode).toBe(200);
    const below = await secadmin.post('/api/roles', {
      code: 'town_below',
      nameZh: '乡镇及下级',
      nameEn: 'Town and below',
      dataScope: 'unit_and_below',
      permissions: ['unit:read'],
    });
    const custom = await secadmin.post('/api/roles', {
      code: 'two_towns',
      nameZh: '两个乡镇',
      nameEn: 'Two towns',
      dataScope: 'custom',
      customUnitIds: [await t.unitId('lizhuang'), await t.unitId('xiaoqi')],
      permissions: ['unit:read'],
    });
    expect(custom.statusCode).toBe(200);
    const passwords: Record<string, string> = {};
    for (const [username, roleId] of [
      ['below1', below.json().id],
      ['custom1', custom.json().id],
    ]) {
      // The system administrator creates the account, the security administrator grants its role.
      const res = await sysadmin.post('/api/users', { username, displayName: username, unitId: dayingId });
      expect(res.statusCode).toBe(200);
      passwords[username] = res.json().temporaryPassword;
      expect((await secadmin.put(`/api/users/${res.json().id}/roles`, { roleIds: [roleId] })).statusCode).toBe(200);
      await t.deps.db.updateTable('users').set({ passwordChangeReason: null }).where('username', '=', username).execute();
    }
    const belowUser = await t.signIn('below1', passwords.below1);
    expect(
      (await belowUser.get('/api/units'))
        .json()
        .map((u: { code: string }) => u.code)
        .sort(),
    ).toEqual(['daying', 'daying-v1']);
    const customUser = await t.signIn('custom1', passwords.custom1);
    expect(
      (await customUser.get('/api/units'))
        .json()
        .map((u: { code: string }) => u.code)
        .sort(),
    ).toEqual(['lizhuang', 'xiaoqi']);
    expect((await customUser.get(`/api/units/${dayingId}`)).statusCode).toBe(404);
  });
});

describe('permissions and the three administrators', () => {
  it('answers 403 to a township calling an admin endpoint, before looking at the body', async () => {
    const daying = await t.signIn('daying');
    expect((await daying.post('/api/users', { nonsense: true })).statusCode).toBe(403);
    expect((await daying.get('/api/audit')).statusCode).toBe(403);
    expect((await daying.get('/api/roles')).statusCode).toBe(403);
  });

  it('keeps the system administrator out of the audit log', async () => {
    const sysadmin = await t.signIn('sysadmin');
    expect((await sysadmin.get('/api/audit')).statusCode).toBe(403);
    expect((await sysadmin.get('/api/login-log')).statusCode).toBe(403);
    expect((await sysadmin.get('/api/audit/verify')).statusCode).toBe(403);
  });

  it('lets the auditor read but not write anything', async () => {
    const auditor = await t.signIn('auditor');
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
    expect((await auditor.get('/api/login-log')).statusCode).toBe(200);
    const unitId = await t.unitId('daying');
    expect((await auditor.post('/api/users', { username: 'x1', displayName: 'x', unitId })).statusCode).toBe(403);
    expect((await auditor.patch(`/api/units/${unitId}`, { nameZh: '改名' })).statusCode).toBe(403);
    expect((await auditor.post('/api/roles', { code: 'x', nameZh: 'x', nameEn: 'x', dataScope: 'all', permissions: [] })).statusCode).toBe(403);
    expect((await auditor.put('/api/settings/security', {})).statusCode).toBe(403);
    expect((await auditor.request({ method: 'DELETE', url: '/api/audit' })).statusCode).toBe(404);
  });

  it('does not let the security administrator create users', async () => {
    const secadmin = await t.signIn('secadmin');
    const unitId = await t.unitId('daying');
    expect((await secadmin.post('/api/users', { username: 'x2', displayName: 'x', unitId })).statusCode).toBe(403);
  });

  it('refuses roles that mix administrator families, and editing a role one holds', async () => {
    const secadmin = await t.signIn('secadmin');
    const mixed = await secadmin.post('/api/roles', {
      code: 'superuser',
      nameZh: '超级',
      nameEn: 'Super',
      dataScope: 'all',
      permissions: ['role:manage', 'audit:read'],
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().fields.permissions).toContain('三员分立');
    const roles = (await secadmin.get('/api/roles')).json() as { id: number; code: string }[];
    const own = roles.find((r) => r.code === 'secadmin');
    const res = await secadmin.patch(`/api/roles/${own?.id}`, { permissions: ['role:read', 'role:manage', 'user:manage'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.id).toBeDefined();
  });

  it('does not let the system administrator grant audit powers or change their own roles', async () => {
    const sysadmin = await t.signIn('sysadmin');
    const roles = (await (await t.signIn('secadmin')).get('/api/roles')).json() as { id: number; code: string }[];
    const auditorRole = roles.find((r) => r.code === 'auditor')?.id;
    const officeRole = roles.find((r) => r.code === 'office')?.id;
    const unitId = await t.unitId('office');
    const before = await count('users');
    const grant = await sysadmin.post('/api/users', { username: 'puppet', displayName: 'p', unitId, roleIds: [auditorRole], password: 'Start#2026x' });
    expect(grant.statusCode).toBe(400);
    expect(grant.json().fields.roleIds).toBeDefined();
    expect(await count('users')).toBe(before);
    const me = (await sysadmin.get('/api/auth/me')).json();
    const own = await sysadmin.patch(`/api/users/${me.user.id}`, { roleIds: [officeRole] });
    expect(own.statusCode).toBe(400);
    expect(own.json().fields.roleIds).toBeDefined();
  });
});

describe('writes', () => {
  it('rejects a malformed user per field and writes nothing', async () => {
    const sysadmin = await t.signIn('sysadmin');
    const [users, audit] = [await count('users'), await count('auditLog')];
    const res = await sysadmin.post('/api/users', { username: 'a b', displayName: '', unitId: 'x' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields).sort()).toEqual(['displayName', 'unitId', 'username']);
    const dup = await sysadmin.post('/api/users', {
      username: 'office',
      displayName: 'x',
      unitId: await t.unitId('office'),
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fields.username).toBe('用户名已存在');
    expect([await count('users'), await count('auditLog')]).toEqual([users, audit]);
  });

  it('rolls back a multi-step write that fails half-way', async () => {
    const sysadmin = await t.signIn('sysadmin');
    const units = await count('orgUnits');
    // The unit does not exist, so the roles step never commits either.
    const res = await sysadmin.post('/api/users', { username: 'half', displayName: 'h', unitId: 999999 });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.unitId).toBeDefined();
    expect(await count('orgUnits')).toBe(units);
    expect(await t.deps.db.selectFrom('users').select('id').where('username', '=', 'half').executeTakeFirst()).toBeUndefined();
  });

  it('writes an audit row for every business write, with secrets masked', async () => {
    const sysadmin = await t.signIn('sysadmin');
    const secadmin = await t.signIn('secadmin');
    const unitId = await t.unitId('zhaozhuang');
    const created = await sysadmin.post('/api/users', { username: 'audited', displayName: '审计测试', unitId });
    const id = created.json().id;
    await sysadmin.patch(`/api/users/${id}`, { displayName: '审计测试2' });
    const reset = (await sysadmin.post(`/api/users/${id}/reset-password`)).json().temporaryPassword;
    await sysadmin.patch(`/api/units/${unitId}`, { nameEn: 'Zhaozhuang' });
    await sysadmin.put('/api/settings/security', {
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      lockoutAttempts: 5,
      lockoutMinutes: 10,
      passwordMinLength: 10,
      passwordMinClasses: 3,
      passwordMaxAgeDays: 90,
    });
    await secadmin.post('/api/roles', { code: 'viewer', nameZh: '查看', nameEn: 'Viewer', dataScope: 'unit', permissions: ['unit:read'] });
    const rows = await t.deps.db.selectFrom('auditLog').selectAll().orderBy('id').execute();
    const actions = rows.map((r) => r.action);
    for (const action of ['user.create', 'user.update', 'user.reset_password', 'unit.update', 'settings.update', 'role.create'])
      expect(actions).toContain(action);
    const update = rows.find((r) => r.action === 'user.update' && r.entityId === String(id));
    expect(JSON.parse(update?.beforeJson ?? '{}').displayName).toBe('审计测试');
    expect(JSON.parse(update?.afterJson ?? '{}').displayName).toBe('审计测试2');
    expect(update?.actorUsername).toBe('sysadmin');
    const logged = rows.map((r) => `${r.beforeJson}${r.afterJson}`).join();
    for (const secret of [created.json().temporaryPassword, reset]) expect(logged).not.toContain(secret);
  });
});
