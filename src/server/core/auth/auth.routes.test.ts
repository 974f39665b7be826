import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/build-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in with the right password and reports the user, unit, roles and permissions', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'daying', password: 'Demo@2021' });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.user.username).toBe('daying');
    expect(me.unit.nameZh).toBe('大营镇');
    expect(me.roles.map((r: { code: string }) => r.code)).toEqual(['township']);
    expect(me.permissions).toContain('unit:read');
    const cookie = res.headers['set-cookie'] as string;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('refuses a wrong password with a generic message and logs the attempt', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'gxj', password: 'wrong' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
    const unknown = await t.anonymous().post('/api/auth/login', { username: 'nobody', password: 'wrong' });
    expect(unknown.json().message).toBe(res.json().message);
    const rows = await t.deps.db.selectFrom('loginLog').select(['username', 'result']).where('username', 'in', ['gxj', 'nobody']).execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { username: 'gxj', result: 'bad_password' },
        { username: 'nobody', result: 'unknown_user' },
      ]),
    );
  });

  it('answers in English when the caller asks for it', async () => {
    const res = await t
      .anonymous()
      .request({ method: 'POST', url: '/api/auth/login', payload: { username: 'gxj', password: 'x' }, headers: { 'accept-language': 'en-US,en' } });
    expect(res.json().message).toBe('Wrong user name or password');
  });

  it('throttles a name after five failures from one address and lifts it after ten minutes', async () => {
    const anon = t.anonymous();
    for (let i = 0; i < 4; i++) expect((await anon.post('/api/auth/login', { username: 'tjj', password: 'bad' })).statusCode).toBe(401);
    const fifth = await anon.post('/api/auth/login', { username: 'tjj', password: 'bad' });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().code).toBe('TOO_MANY_ATTEMPTS');
    // Even the right password is refused while throttled.
    expect((await anon.post('/api/auth/login', { username: 'tjj', password: 'Demo@2021' })).statusCode).toBe(429);
    t.clock.advanceMinutes(9);
    expect((await anon.post('/api/auth/login', { username: 'tjj', password: 'Demo@2021' })).statusCode).toBe(429);
    t.clock.advanceMinutes(2);
    expect((await anon.post('/api/auth/login', { username: 'tjj', password: 'Demo@2021' })).statusCode).toBe(200);
  });

  it('answers a known and an unknown name alike, attempt by attempt', async () => {
    const attempt = (username: string) =>
      t.anonymous().request({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'bad' }, remoteAddress: '10.9.0.1' });
    for (let i = 0; i < 7; i++) {
      const [known, unknown] = [await attempt('leader'), await attempt('no.such.user')];
      expect(unknown.statusCode, `attempt ${i + 1}`).toBe(known.statusCode);
      expect(unknown.json().code).toBe(known.json().code);
      expect(known.statusCode).toBe(i < 4 ? 401 : 429);
    }
    t.clock.advanceMinutes(11);
  });

  it('does not let a stranger elsewhere lock the owner out', async () => {
    const from = (remoteAddress: string, password: string) =>
      t.anonymous().request({ method: 'POST', url: '/api/auth/login', payload: { username: 'chengguan', password }, remoteAddress });
    for (let i = 0; i < 6; i++) await from('10.9.0.2', 'bad');
    expect((await from('10.9.0.2', 'Demo@2021')).statusCode).toBe(429);
    expect((await from('10.9.0.3', 'Demo@2021')).statusCode).toBe(200);
    t.clock.advanceMinutes(11);
  });

  it('throttles an address that tries many names', async () => {
    const from = (username: string, password = 'bad') =>
      t.anonymous().request({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: '10.9.0.4' });
    // Five names a turn stay under each name's own limit; the address's limit is ten times that.
    let status = 0;
    for (let i = 0; i < 50; i++) status = (await from(`guess${i % 10}`)).statusCode;
    expect(status).toBe(429);
    expect((await from('office', 'Demo@2021')).statusCode).toBe(429);
    expect(
      (
        await t
          .anonymous()
          .request({ method: 'POST', url: '/api/auth/login', payload: { username: 'office', password: 'Demo@2021' }, remoteAddress: '10.9.0.5' })
      ).statusCode,
    ).toBe(200);
    t.clock.advanceMinutes(11);
  });

  it('rejects a malformed body per field and unknown fields', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: '', password: 'x', extra: true });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', fields: { username: '必填', extra: '不允许的字段' } });
  });
});

describe('sessions', () => {
  it('expires after 30 idle minutes', async () => {
    const office = await t.signIn('office');
    t.clock.advanceMinutes(29);
    expect((await office.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await office.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const expired = await office.get('/api/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
  });

  it('expires 12 hours after sign-in even when active', async () => {
    const office = await t.signIn('office');
    for (let i = 0; i < 28; i++) {
      t.clock.advanceMinutes(25);
      expect((await office.get('/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(25);
    expect((await office.get('/api/auth/me')).json().code).toBe('SESSION_EXPIRED');
  });

  it('ends the session on logout', async () => {
    const office = await t.signIn('office');
    expect((await office.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await office.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const office = await t.signIn('office');
    const res = await office.request({ method: 'PUT', url: '/api/auth/locale', payload: { locale: 'en-US' }, headers: { 'x-csrf-token': 'forged' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
  });
});

describe('passwords', () => {
  it('forces a newly created user to change the password before anything else', async () => {
    const admin = await t.signIn('sysadmin');
    const unitId = await t.unitId('daying');
    const created = await admin.post('/api/users', { username: 'newbie', displayName: '新人', unitId });
    expect(created.statusCode).toBe(200);
    const start = created.json().temporaryPassword;
    const newbie = await t.signIn('newbie', start);
    expect((await newbie.get('/api/auth/me')).json().passwordChangeReason).toBe('first_login');
    expect((await newbie.get('/api/units')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await newbie.post('/api/auth/password', { currentPassword: start, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields.newPassword).toContain('8');
    expect((await newbie.post('/api/auth/password', { currentPassword: start, newPassword: 'Better#2026y' })).statusCode).toBe(204);
    expect((await newbie.get('/api/auth/me')).json().passwordChangeReason).toBeNull();
  });

  it('refuses a wrong current password', async () => {
    const gxj = await t.signIn('gxj');
    const res = await gxj.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'Another#2026' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.currentPassword).toBeDefined();
    t.clock.advanceMinutes(11);
  });

  it('limits guesses at the current password', async () => {
    const gxj = await t.signIn('gxj');
    const change = (currentPassword: string) => gxj.post('/api/auth/password', { currentPassword, newPassword: 'Kestrel#Ledger9' });
    for (let i = 0; i < 4; i++) expect((await change('nope')).statusCode).toBe(400);
    expect((await change('nope')).statusCode).toBe(429);
    // The right one is refused too until the window has passed.
    const refused = await change('Demo@2021');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('TOO_MANY_ATTEMPTS');
    t.clock.advanceMinutes(11);
    expect((await change('Demo@2021')).statusCode).toBe(204);
    const audit = await t.deps.db.selectFrom('auditLog').select('action').where('action', '=', 'user.change_password_failed').execute();
    expect(audit.length).toBeGreaterThanOrEqual(5);
  });

  it("refuses common passwords and the last five of the user's own", async () => {
    const daying = await t.signIn('daying');
    const change = (currentPassword: string, newPassword: string) => daying.post('/api/auth/password', { currentPassword, newPassword });
    const common = await change('Demo@2021', 'P@ssw0rd123!');
    expect(common.statusCode).toBe(400);
    expect(common.json().fields.newPassword).toBe('密码过于常见，容易被猜中，请换一个');
    const passwords = ['Demo@2021', 'Kestrel#Ledger1', 'Kestrel#Ledger2', 'Kestrel#Ledger3', 'Kestrel#Ledger4', 'Kestrel#Ledger5', 'Kestrel#Ledger6'];
    for (let i = 1; i < passwords.length; i++) expect((await change(passwords[i - 1], passwords[i])).statusCode, passwords[i]).toBe(204);
    // The last five are Ledger2 … Ledger6 (the current one included); Ledger1 is six passwords back and allowed again.
    for (const old of ['Kestrel#Ledger2', 'Kestrel#Ledger3', 'Kestrel#Ledger4', 'Kestrel#Ledger5']) {
      const res = await change('Kestrel#Ledger6', old);
      expect(res.statusCode, old).toBe(400);
      expect(res.json().fields.newPassword).toBe('新密码不能与最近 5 次使用过的密码相同');
    }
    expect((await change('Kestrel#Ledger6', 'Kestrel#Ledger1')).statusCode).toBe(204);
  });
});
