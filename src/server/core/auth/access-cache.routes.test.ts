import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/build-app';
import { DEMO_PASSWORD } from '../../../shared/demo-accounts';
import { SESSION_COOKIE } from '../http/request-context';

/**
 * The signed-in state of a session is kept in memory between requests (`access-cache.ts`). These prove the cache is
 * used and that it never outlives a change: a right revoked, a user disabled or a session ended is refused on the very
 * next request, on the instance that made the change and on another instance of the same database.
 */
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await createTestApp();
  // A second instance on the same database, with its own cache, as behind a load balancer.
  b = await createTestApp({}, a.database);
});
afterAll(async () => {
  await b.app.close();
  await a.close();
});

/** Signs a user in on one instance and returns a caller that can send the same session to either instance. */
async function session(username: string) {
  const res = await a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode).toBe(200);
  const cookie = `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)?.value}`;
  const csrf = res.json().csrfToken as string;
  return (on: TestApp, url: string, method: 'GET' | 'POST' = 'GET', payload: object = {}) =>
    on.app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(method === 'POST' ? { payload } : {}) });
}

async function userId(username: string) {
  return (await a.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

describe('the signed-in state kept between requests', () => {
  it('answers a session from memory while nothing changes', async () => {
    const call = await session('daying');
    const cache = a.deps.accessCache;
    if (!cache) throw new Error('the app runs without its access cache');
    const hits = cache.hits;
    for (let i = 0; i < 3; i++) expect((await call(a, '/api/auth/me')).statusCode).toBe(200);
    expect(cache.hits - hits).toBeGreaterThanOrEqual(2);
  });

  it('refuses a revoked right on the next request, on both instances', async () => {
    // A custom role with one right the township role lacks, granted to a township account (which ends its sessions).
    const secadmin = await a.signIn('secadmin');
    const role = await secadmin.post('/api/roles', {
      code: 'meeting_planner',
      nameZh: '会议安排',
      nameEn: 'Meeting planner',
      dataScope: 'unit',
      permissions: ['meeting:write'],
    });
    expect(role.statusCode, role.body).toBe(200);
    const township = await a.deps.db.selectFrom('roles').select('id').where('code', '=', 'township').executeTakeFirstOrThrow();
    const grant = await secadmin.put(`/api/users/${await userId('daying')}/roles`, { roleIds: [township.id, role.json().id] });
    expect(grant.statusCode, grant.body).toBe(200);
    const call = await session('daying');
    expect((await call(a, '/api/meeting-schedules')).statusCode).toBe(200);
    expect((await call(b, '/api/meeting-schedules')).statusCode).toBe(200);
    // Taking the right out of the role ends no session: only the access version tells the other instance.
    expect((await secadmin.patch(`/api/roles/${role.json().id}`, { permissions: [] })).statusCode).toBe(200);
    expect((await call(b, '/api/meeting-schedules')).statusCode).toBe(403);
    expect((await call(a, '/api/meeting-schedules')).statusCode).toBe(403);
    expect((await call(b, '/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses a disabled user on the next request of the other instance', async () => {
    const call = await session('gxj');
    expect((await call(b, '/api/auth/me')).statusCode).toBe(200);
    const sysadmin = await a.signIn('sysadmin');
    expect((await sysadmin.patch(`/api/users/${await userId('gxj')}`, { active: false })).statusCode).toBe(200);
    expect((await call(b, '/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session signed out on one instance on the other too', async () => {
    const call = await session('office');
    expect((await call(b, '/api/auth/me')).statusCode).toBe(200);
    expect((await call(a, '/api/auth/logout', 'POST')).statusCode).toBeLessThan(300);
    expect((await call(b, '/api/auth/me')).statusCode).toBe(401);
  });

  it('ends the other sessions of a user who changed the password, on the next request of either instance', async () => {
    const changing = await session('tjj');
    const other = await session('tjj');
    expect((await other(b, '/api/auth/me')).statusCode).toBe(200);
    expect((await other(a, '/api/auth/me')).statusCode).toBe(200);
    const changed = await changing(a, '/api/auth/password', 'POST', { currentPassword: DEMO_PASSWORD, newPassword: 'Fresh#Pass2026x' });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
    expect((await other(b, '/api/auth/me')).statusCode).toBe(401);
    expect((await other(a, '/api/auth/me')).statusCode).toBe(401);
    expect((await changing(b, '/api/auth/me')).statusCode).toBe(200);
  });

  it("shows a renamed unit in the next /api/auth/me of either instance, though the user's own state did not change", async () => {
    // The administrator signs in first: the second factor's sign-in moves the access version by itself.
    const sysadmin = await a.signIn('sysadmin');
    const call = await session('daying');
    const unitId = (await call(a, '/api/auth/me')).json().unit.id as number;
    const before = (await call(b, '/api/auth/me')).json().unit.nameZh as string;
    const renamed = await sysadmin.patch(`/api/units/${unitId}`, { nameZh: `${before}（更名）`, nameEn: 'Renamed township' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    for (const on of [b, a]) {
      const me = (await call(on, '/api/auth/me')).json();
      expect(me.unit).toMatchObject({ id: unitId, nameZh: `${before}（更名）`, nameEn: 'Renamed township' });
    }
    // A change the page does not show (the sort order) keeps every instance's cached sessions.
    const cache = b.deps.accessCache!;
    const hits = cache.hits;
    expect((await sysadmin.patch(`/api/units/${unitId}`, { sortOrder: 7 })).statusCode).toBe(200);
    expect((await call(b, '/api/auth/me')).statusCode).toBe(200);
    expect(cache.hits).toBe(hits + 1);
  });

  it('reloads a busy session once its time to live is over, however often it is used', async () => {
    const call = await session('leader');
    const cache = a.deps.accessCache!;
    expect((await call(a, '/api/auth/me')).statusCode).toBe(200);
    const misses = cache.misses;
    a.clock.advanceMinutes(0.25);
    expect((await call(a, '/api/auth/me')).statusCode).toBe(200);
    expect(cache.misses).toBe(misses);
    // 33 seconds after it was loaded, though used 18 seconds ago.
    a.clock.advanceMinutes(0.3);
    expect((await call(a, '/api/auth/me')).statusCode).toBe(200);
    expect(cache.misses).toBe(misses + 1);
  });
});
