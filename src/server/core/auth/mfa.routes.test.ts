import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../http/request-context';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { DEMO_TOTP_SECRET } from '../setup/bootstrap';
import { authRepository } from './auth.repository';
import { acceptedStep, stepAt, totpOf } from './mfa';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Signs in with the password alone and returns the waiting session, as a browser holds it after the first step. */
async function passwordOnly(username: string): Promise<{ client: Client; res: LightMyRequestResponse }> {
  const res = await t.anonymous().post('/api/auth/login', { username, password: 'Demo@2021' });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
  const client = t.anonymous();
  const request: Client['request'] = (opts) =>
    client.request({ ...opts, headers: { cookie: `${SESSION_COOKIE}=${cookie}`, 'x-csrf-token': res.json().csrfToken, ...(opts.headers ?? {}) } });
  const withBody = (method: 'POST' | 'PUT' | 'PATCH') => (url: string, payload?: unknown) => request({ method, url, payload: (payload ?? {}) as object });
  return {
    res,
    client: {
      request,
      get: (url) => request({ method: 'GET', url }),
      post: withBody('POST'),
      put: withBody('PUT'),
      patch: withBody('PATCH'),
      delete: (url) => request({ method: 'DELETE', url }),
      csrfToken: res.json().csrfToken,
    },
  };
}

const codeAt = (secret: string, step: number) => totpOf(secret).generate({ timestamp: step * 30_000 });
const nextStep = () => {
  t.clock.advanceMinutes(0.5);
  return stepAt(t.clock.now());
};
const lastLogin = (username: string) =>
  t.deps.db.selectFrom('loginLog').select(['result', 'factor']).where('username', '=', username).orderBy('id', 'desc').executeTakeFirstOrThrow();

describe('time-based codes (RFC 6238)', () => {
  const now = new Date('2026-03-02T01:00:00Z');
  const step = stepAt(now);
  it.each([
    ['the current code', codeAt(DEMO_TOTP_SECRET, step), null, step],
    ['the previous step’s code (a slow phone)', codeAt(DEMO_TOTP_SECRET, step - 1), null, step - 1],
    ['the next step’s code (a fast phone)', codeAt(DEMO_TOTP_SECRET, step + 1), null, step + 1],
    ['a code two steps old', codeAt(DEMO_TOTP_SECRET, step - 2), null, null],
    ['the current code once its step was used', codeAt(DEMO_TOTP_SECRET, step), step, null],
    ['a later code after an earlier step was used', codeAt(DEMO_TOTP_SECRET, step + 1), step, step + 1],
    ['letters', 'abcdef', null, null],
    ['five digits', codeAt(DEMO_TOTP_SECRET, step).slice(1), null, null],
  ])('%s', (_, code, lastStep, expected) => {
    expect(acceptedStep(DEMO_TOTP_SECRET, code, now, lastStep)).toBe(expected);
  });
});

describe('administrators sign in with a second factor', () => {
  it('holds a password-only session to the code, then lets it through and logs the factors', async () => {
    const { client, res } = await passwordOnly('sysadmin');
    expect(res.json().mfaPending).toBe('verify');
    expect(await lastLogin('sysadmin')).toEqual({ result: 'mfa_required', factor: 'password' });
    expect((await client.get('/api/users')).json().code).toBe('MFA_REQUIRED');
    expect((await client.post('/api/auth/password', { currentPassword: 'Demo@2021', newPassword: 'Other#2026x' })).json().code).toBe('MFA_REQUIRED');
    // A stolen password must not be able to enrol a phone of its own.
    expect((await client.post('/api/auth/mfa/setup')).statusCode).toBe(403);
    expect((await client.get('/api/auth/me')).json().mfaPending).toBe('verify');

    const wrong = await client.post('/api/auth/mfa/verify', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields.code).toBeDefined();
    expect(await lastLogin('sysadmin')).toEqual({ result: 'bad_code', factor: null });

    const code = codeAt(DEMO_TOTP_SECRET, nextStep());
    const ok = await client.post('/api/auth/mfa/verify', { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mfaPending).toBeNull();
    expect((await client.get('/api/users')).statusCode).toBe(200);
    expect(await lastLogin('sysadmin')).toEqual({ result: 'success', factor: 'password+totp' });

    // The same code in a second session is a replay.
    const again = await passwordOnly('sysadmin');
    expect((await again.client.post('/api/auth/mfa/verify', { code })).statusCode).toBe(400);
  });

  it('ends the waiting session after too many wrong codes', async () => {
    const { client } = await passwordOnly('auditor');
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await client.post('/api/auth/mfa/verify', { code: '123456' })).statusCode);
    expect(answers).toEqual([400, 400, 400, 400, 429]);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const fresh = await passwordOnly('auditor');
    expect((await fresh.client.post('/api/auth/mfa/verify', { code: codeAt(DEMO_TOTP_SECRET, nextStep()) })).statusCode).toBe(429);
    t.clock.advanceMinutes(11);
  });

  it('makes an administrator without a factor enrol one, and the recovery codes work once each', async () => {
    const secadminId = (await t.deps.db.selectFrom('users').select('id').where('username', '=', 'secadmin').executeTakeFirstOrThrow()).id;
    // 三员分立: the system administrator may not touch the security administrator's factor.
    expect((await (await t.signIn('sysadmin')).post(`/api/users/${secadminId}/mfa/reset`)).statusCode).toBe(403);
    // An administrator without a factor: a database from before factors existed, or the first start.
    await authRepository.removeMfa(t.deps.db, secadminId);

    const { client, res } = await passwordOnly('secadmin');
    expect(res.json().mfaPending).toBe('enrol');
    expect(await lastLogin('secadmin')).toEqual({ result: 'mfa_enrol', factor: 'password' });
    expect((await client.get('/api/roles')).json().code).toBe('MFA_REQUIRED');
    expect((await client.post('/api/auth/mfa/enable', { code: '123456' })).json().fields.code).toBeDefined();
    const setup = (await client.post('/api/auth/mfa/setup')).json();
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect((await client.post('/api/auth/mfa/enable', { code: '000000' })).statusCode).toBe(400);
    const enabled = await client.post('/api/auth/mfa/enable', { code: codeAt(setup.secret, nextStep()) });
    expect(enabled.statusCode).toBe(200);
    const codes: string[] = enabled.json().recoveryCodes;
    expect(new Set(codes).size).toBe(10);
    expect((await client.get('/api/roles')).statusCode).toBe(200);
    expect(await lastLogin('secadmin')).toEqual({ result: 'success', factor: 'password+totp' });

    const lost = await passwordOnly('secadmin');
    expect((await lost.client.post('/api/auth/mfa/verify', { code: codes[0].toUpperCase() })).statusCode).toBe(200);
    expect(await lastLogin('secadmin')).toEqual({ result: 'success', factor: 'password+recovery' });
    expect((await lost.client.get('/api/auth/mfa')).json()).toMatchObject({ enabled: true, required: true, recoveryCodesLeft: 9 });
    const reused = await passwordOnly('secadmin');
    expect((await reused.client.post('/api/auth/mfa/verify', { code: codes[0] })).statusCode).toBe(400);
    // An administrator may not turn the factor off while the settings require it.
    expect((await lost.client.post('/api/auth/mfa/disable', { password: 'Demo@2021' })).json().code).toBe('MFA_REQUIRED');
  });
});

describe('other accounts may turn a second factor on and off', () => {
  it('asks for the code at sign-in once enabled, and not after it is turned off with the password', async () => {
    const office = await t.signIn('office');
    expect((await office.get('/api/auth/mfa')).json()).toEqual({ pending: null, enabled: false, required: false, recoveryCodesLeft: 0 });
    const { secret } = (await office.post('/api/auth/mfa/setup')).json();
    const enable = await office.post('/api/auth/mfa/enable', { code: codeAt(secret, nextStep()) });
    expect(enable.statusCode).toBe(200);
    // Other sessions of the account end when a factor is put in force.
    expect((await office.get('/api/auth/mfa')).json().enabled).toBe(true);

    const { client, res } = await passwordOnly('office');
    expect(res.json().mfaPending).toBe('verify');
    expect((await client.get('/api/tasks')).json().code).toBe('MFA_REQUIRED');
    expect((await client.post('/api/auth/mfa/verify', { code: codeAt(secret, nextStep()) })).statusCode).toBe(200);

    expect((await client.post('/api/auth/mfa/disable', { password: 'wrong' })).json().fields.password).toBeDefined();
    expect((await client.post('/api/auth/mfa/disable', { password: 'Demo@2021' })).statusCode).toBe(204);
    expect((await passwordOnly('office')).res.json().mfaPending).toBeNull();
    expect(await lastLogin('office')).toEqual({ result: 'success', factor: 'password' });
  });

  it('lets the system administrator reset a lost factor: the sessions end and the user is told', async () => {
    const office = await t.signIn('office');
    const { secret } = (await office.post('/api/auth/mfa/setup')).json();
    expect((await office.post('/api/auth/mfa/enable', { code: codeAt(secret, nextStep()) })).statusCode).toBe(200);
    const officeId = (await t.deps.db.selectFrom('users').select('id').where('username', '=', 'office').executeTakeFirstOrThrow()).id;
    expect((await (await t.signIn('daying')).post(`/api/users/${officeId}/mfa/reset`)).statusCode).toBe(403);
    expect((await (await t.signIn('sysadmin')).post(`/api/users/${officeId}/mfa/reset`)).statusCode).toBe(204);
    expect((await office.get('/api/auth/me')).statusCode).toBe(401);
    expect((await passwordOnly('office')).res.json().mfaPending).toBeNull();
    const notice = await t.deps.db.selectFrom('notifications').select('kind').where('userId', '=', officeId).where('kind', '=', 'account.mfa_reset').execute();
    expect(notice).toHaveLength(1);
    const audits = await t.deps.db.selectFrom('auditLog').select('action').where('action', 'like', 'user.mfa_%').execute();
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['user.mfa_enable', 'user.mfa_reset', 'user.mfa_recovery_used', 'user.mfa_disable']));
  });

  it('refuses bad bodies with a message per field and writes nothing', async () => {
    const office = await t.signIn('office');
    const before = await t.deps.db.selectFrom('userMfa').selectAll().execute();
    for (const body of [{}, { code: '' }, { code: 'x'.repeat(40) }, { code: '123456', extra: 1 }]) {
      const res = await office.post('/api/auth/mfa/enable', body);
      expect(res.statusCode).toBe(400);
    }
    expect((await office.post('/api/auth/mfa/enable', { code: '123456' })).json().fields.code).toBeDefined();
    expect(await t.deps.db.selectFrom('userMfa').selectAll().execute()).toEqual(before);
  });
});
