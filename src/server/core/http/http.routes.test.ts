import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/build-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('http edges', () => {
  it('reports health without sign-in', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, db: 'up' });
  });

  it('serves the OpenAPI document generated from the zod schemas', async () => {
    const res = await t.anonymous().get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3/);
    expect(doc.paths['/api/users'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/auth/login']).toBeDefined();
  });

  it('answers 401 to an API call without a session', async () => {
    const res = await t.anonymous().get('/api/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses an oversized body with 413 and a plain message', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'x'.repeat(1_100_000), password: 'y' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' });
  });

  it('refuses a NUL character in a body or a query with a 400 naming the field, on both databases alike', async () => {
    const office = await t.signIn('office');
    const units = (await office.get('/api/units')).json() as { id: number; code: string }[];
    const daying = units.find((u) => u.code === 'daying')?.id;
    const body = await office.post('/api/tasks', { title: '摸排\u0000用电', ownerUnitId: daying, dueInWorkingDays: 3 });
    expect(body.statusCode).toBe(400);
    expect(body.json().fields).toEqual({ title: '含有不可见的控制字符，请删除后重试' });
    const query = await office.get('/api/enterprises?q=%00');
    expect(query.statusCode).toBe(400);
    expect(Object.keys(query.json().fields)).toEqual(['q']);
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await t
      .anonymous()
      .request({ method: 'POST', url: '/api/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.ts|stack/i);
  });

  it('answers unknown API paths with a JSON 404 once signed in', async () => {
    expect((await t.anonymous().get('/api/nothing-here')).statusCode).toBe(401);
    const res = await (await t.signIn('office')).get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});
