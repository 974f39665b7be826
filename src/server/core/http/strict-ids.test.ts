import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';

let t: TestApp;
let office: Client;
let sysadmin: Client;
beforeAll(async () => {
  t = await createTestApp();
  office = await t.signIn('office');
  sysadmin = await t.signIn('sysadmin');
});
afterAll(() => t.close());

// `z.coerce.number()` read " 1", "1e0", "0x1" and "01" as the id 1: one record under many addresses.
const NOT_CANONICAL = ['%201', '1%20', '01', '1e0', '0x1', '1.0', '+1', '-1', '0', '99999999999999999999'];

describe('path and query integers are plain decimal digits', () => {
  it('answers 400 to an id that is not written in plain digits', async () => {
    const unitId = await t.unitId('daying');
    expect((await office.get(`/api/units/${unitId}`)).statusCode).toBe(200);
    for (const bad of NOT_CANONICAL) {
      const res = await office.get(`/api/units/${bad.replace('1', String(unitId))}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe('VALIDATION');
    }
    for (const url of ['/api/users/%201', '/api/enterprises/%201', '/api/tasks/%201', '/api/meetings/%201', '/api/documents/%201']) {
      const client = url.startsWith('/api/users') ? sysadmin : office;
      expect((await client.get(url)).statusCode, url).toBe(400);
    }
  });

  it('answers 400 to a padded query integer', async () => {
    expect((await sysadmin.get('/api/users?page=1')).statusCode).toBe(200);
    expect((await sysadmin.get('/api/users?page=%201')).statusCode).toBe(400);
    expect((await sysadmin.get('/api/users?pageSize=1e1')).statusCode).toBe(400);
    expect((await sysadmin.get(`/api/users?unitId=%20${await t.unitId('daying')}`)).statusCode).toBe(400);
  });
});
