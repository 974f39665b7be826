import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listQuery, pageOf } from '../../../shared/list';
import { buildApp } from '../../app';
import { type Client, type TestApp, completeSecondFactor, createTestApp } from '../../test/build-app';
import { DEMO_PASSWORD } from '../setup/bootstrap';
import type { Executor } from '../db/database';
import { allRows, paginate } from '../db/paging';
import { defineModule } from '../modules/module';
import { type FileName, exportRoute, listRoutes } from './list-routes';
import { SESSION_COOKIE } from './request-context';

/**
 * `listRoutes` and `exportRoute` on a probe module of their own, over the demo county's units in a real database: the
 * list and its export share gate, query schema and filter, the export writes every matching row (not one page) in
 * the caller's language, and the API document describes both.
 */

const unitQuery = z.strictObject({ ...listQuery, sort: z.enum(['code', 'name']).optional(), kind: z.string().max(20).optional() });
const unitRow = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
const SORT = { code: 'code', name: 'nameZh' } as const;
const FILE: FileName = { zh: '单位.xlsx', en: 'units.xlsx' };

function units(db: Executor, kind: string | undefined) {
  const qb = db.selectFrom('orgUnits').select(['code', 'nameZh', 'nameEn']);
  return kind ? qb.where('kind', '=', kind) : qb;
}

const probe = defineModule({
  name: 'probe',
  routes: [
    (app: FastifyInstance, deps) => {
      listRoutes(app, {
        path: '/api/probe/units',
        tags: ['probe'],
        config: { permission: 'user:read' },
        query: unitQuery,
        response: pageOf(unitRow),
        list: async (_ctx, q) => {
          const { rows, total } = await paginate(units(deps.db, q.kind), q, SORT, 'code', 'id');
          return { items: rows, total, page: q.page, pageSize: q.pageSize };
        },
        exportAll: (_ctx, filter) => allRows(units(deps.db, filter.kind), filter, SORT, 'code', 'id'),
        sheet: 'units',
        fileName: FILE,
        columns: (en) => [
          { zh: '代码', en: 'Code', value: (u) => u.code },
          { zh: '名称', en: 'Name', value: (u) => (en ? u.nameEn : u.nameZh) },
        ],
      });
      // Fixed bilingual headers, a query without paging and a file named after it: the export of a table that is not a list.
      exportRoute(app, {
        path: '/api/probe/kinds/export.xlsx',
        tags: ['probe'],
        query: z.strictObject({ kind: z.string().max(20) }),
        exportAll: async (_ctx, filter) => [{ kind: filter.kind, count: (await units(deps.db, filter.kind).execute()).length }],
        sheet: 'kinds',
        fileName: ({ kind }) => ({ zh: `单位类别-${kind}.xlsx`, en: `unit-kinds-${kind}.xlsx` }),
        columns: [
          { zh: '类别', en: 'Kind', value: (r) => r.kind },
          { zh: '数量', en: 'Count', value: (r) => r.count },
        ],
      });
    },
  ],
});

let t: TestApp;
let app: FastifyInstance;
const sessions = new Map<string, string>();

/** A request to the probe app as a demo user (or no one). */
function get(url: string, as?: string) {
  const cookie = as ? sessions.get(as) : undefined;
  return app.inject({ method: 'GET', url, headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {} });
}

async function sheetOf(payload: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as never);
  return book.worksheets[0]
    .getSheetValues()
    .slice(1)
    .map((r) => (r as unknown[]).slice(1));
}

beforeAll(async () => {
  t = await createTestApp();
  // Sessions live in the database, so one signed in on the platform's app is good on the probe's.
  for (const [username, locale] of [
    ['office', 'zh-CN'],
    ['sysadmin', 'en-US'],
    ['daying', 'zh-CN'],
  ] as const) {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    const headers = { cookie: `${SESSION_COOKIE}=${cookie}`, 'x-csrf-token': login.json().csrfToken };
    const post = (url: string, payload?: unknown) => t.app.inject({ method: 'POST', url, payload: (payload ?? {}) as object, headers });
    if (login.json().mfaPending) await completeSecondFactor({ post } as Client, t.deps, t.clock, login.json());
    await t.app.inject({ method: 'PUT', url: '/api/auth/locale', payload: { locale }, headers });
    sessions.set(username, cookie);
  }
  ({ app } = await buildApp({ config: t.deps.config, database: t.database, clock: t.clock, logger: false }, [probe]));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('listRoutes', () => {
  it('pages the list and exports every row of the same filter, in the caller’s language', async () => {
    const all = await units(t.deps.db, 'township').orderBy('code').execute();
    expect(all.length).toBeGreaterThan(2);
    const page = await get('/api/probe/units?kind=township&sort=code&pageSize=2&page=1', 'office');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toEqual({ items: all.slice(0, 2), total: all.length, page: 1, pageSize: 2 });

    const cases = [
      { as: 'office', file: '单位.xlsx', header: ['代码', '名称'], name: (u: (typeof all)[number]) => u.nameZh },
      { as: 'sysadmin', file: 'units.xlsx', header: ['Code', 'Name'], name: (u: (typeof all)[number]) => u.nameEn },
    ];
    for (const c of cases) {
      // Paging in the query is accepted as on the list and ignored: the export is the whole filtered list.
      const res = await get('/api/probe/units/export.xlsx?kind=township&sort=code&pageSize=2&page=1', c.as);
      expect(res.statusCode, c.as).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(c.file)}`);
      expect(await sheetOf(res.rawPayload)).toEqual([c.header, ...all.map((u) => [u.code, c.name(u)])]);
    }
  });

  it('gives both routes the same gate and the same query schema', async () => {
    const cases = [
      { as: undefined, query: '', status: 401 },
      { as: 'daying', query: '', status: 403 },
      { as: 'office', query: '?pageSize=0', status: 400 },
      { as: 'office', query: '?unknown=1', status: 400 },
      { as: 'office', query: '?sort=password', status: 400 },
      { as: 'office', query: '?sort=name&order=desc', status: 200 },
    ];
    for (const c of cases)
      for (const path of ['/api/probe/units', '/api/probe/units/export.xlsx'])
        expect((await get(`${path}${c.query}`, c.as)).statusCode, `${c.as} ${path}${c.query}`).toBe(c.status);
  });

  it('describes the list with its page and the export with the same parameters in the API document', async () => {
    type Op = { tags: string[]; parameters: { name: string; in: string }[]; responses: Record<string, { content?: unknown }> };
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, { get: Op }> };
    const list = doc.paths['/api/probe/units'].get;
    const xlsx = doc.paths['/api/probe/units/export.xlsx'].get;
    expect(list.tags).toEqual(['probe']);
    expect(xlsx.tags).toEqual(['probe']);
    expect(xlsx.parameters).toEqual(list.parameters);
    expect(list.parameters.map((p) => p.name).sort()).toEqual(['kind', 'order', 'page', 'pageSize', 'sort']);
    expect(list.responses['200'].content).toBeDefined();
    expect(xlsx.responses['200'].content).toBeUndefined();
  });
});

describe('exportRoute', () => {
  it('exports a table that is not paged, with fixed bilingual headers and a file named after the query', async () => {
    const townships = (await units(t.deps.db, 'township').execute()).length;
    const cases = [
      { as: 'office', file: '单位类别-township.xlsx', header: ['类别', '数量'] },
      { as: 'sysadmin', file: 'unit-kinds-township.xlsx', header: ['Kind', 'Count'] },
    ];
    for (const c of cases) {
      const res = await get('/api/probe/kinds/export.xlsx?kind=township', c.as);
      expect(res.statusCode, c.as).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(c.file)}`);
      expect(await sheetOf(res.rawPayload)).toEqual([c.header, ['township', townships]]);
    }
    expect((await get('/api/probe/kinds/export.xlsx', 'office')).statusCode).toBe(400);
    expect((await get('/api/probe/kinds/export.xlsx?kind=township')).statusCode).toBe(401);
  });
});
