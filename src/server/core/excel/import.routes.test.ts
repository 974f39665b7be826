import { PassThrough } from 'node:stream';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/messages';
import { type Client, type TestApp, createTestApp, uploadFile } from '../../test/build-app';
import { benchUscc, bigEnterpriseWorkbook } from '../../test/big-workbook';
import { ENTERPRISE_IMPORT } from '../enterprises/enterprises.import';
import { insertEnterprises } from '../enterprises/enterprises.service';
import { importAllOrNothing } from './import';

const upload = (client: Client, file: Buffer) => uploadFile(client, '/api/enterprises/import', 'firms.xlsx', file);
const firms = (t: TestApp) =>
  t.deps.db
    .selectFrom('enterprises')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

/** A workbook of `rows` rows of one cell each: cheap to make at 200,000 rows, and still a 200,000-row file. */
async function tallWorkbook(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = book.addWorksheet('企业名录');
  for (let i = 0; i < rows; i++) sheet.addRow([i]).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

// The prober runs on a thread of its own with its own event loop, as a load balancer would: a server loop blocked by
// the import shows as latency here, which a probe sent from the server's own loop (or `inject`) could not see.
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const probes = [];
let stop = false;
parentPort.on('message', () => { stop = true; });
const probe = async () => {
  const start = Date.now();
  const t0 = performance.now();
  let status = 0;
  try {
    const res = await fetch(workerData.url, { signal: AbortSignal.timeout(10000) });
    await res.text();
    status = res.status;
  } catch {}
  return { start, end: Date.now(), ms: performance.now() - t0, status };
};
(async () => {
  // fetch loads itself on first use and a connection opens: warm up before the import starts.
  for (let i = 0; i < 3; i++) await probe();
  parentPort.postMessage('ready');
  while (!stop) {
    probes.push(await probe());
    await new Promise((r) => setTimeout(r, 40));
  }
  parentPort.postMessage(probes);
  parentPort.close();
})();
`;

type Probe = { start: number; end: number; ms: number; status: number };

describe('a large import does not stall the server', () => {
  let t: TestApp;
  let office: Client;
  beforeAll(async () => {
    t = await createTestApp();
    office = await t.signIn('office');
  });
  afterAll(() => t.close());

  it('answers /api/health within 200 ms while a 20,000-row import runs', async () => {
    const file = await bigEnterpriseWorkbook(20_000, { first: 500_000 });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const prober = new Worker(PROBER, { eval: true, workerData: { url: `http://127.0.0.1:${port}/api/health` } });
    const before = await firms(t);
    await new Promise((resolve) => prober.once('message', resolve));
    const probes = new Promise<Probe[]>((resolve) => prober.once('message', resolve));
    const start = Date.now();
    const res = await upload(office, file);
    const end = Date.now();
    prober.postMessage('stop');
    const during = (await probes).filter((p) => p.start >= start && p.end <= end);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 20_000 });
    expect(await firms(t)).toBe(before + 20_000);
    // Many probes were answered while the import ran, promptly: 95 in 100 within 200 ms (the median is a few ms).
    // The slowest may be a little more on a busy machine (two cores shared with other test files: the operating
    // system's scheduling and GC show up here), but never the seconds a blocked loop would take.
    expect(during.length).toBeGreaterThanOrEqual(20);
    expect(during.every((p) => p.status === 200)).toBe(true);
    const ms = during.map((p) => p.ms).sort((a, b) => a - b);
    const seen = JSON.stringify(during.map((p) => Math.round(p.ms)));
    expect(ms[Math.floor(ms.length * 0.95)] as number, seen).toBeLessThan(200);
    expect(ms[ms.length - 1] as number, seen).toBeLessThan(1000);
  }, 90_000);

  it('refuses a 200,000-row file with 413 within seconds, at the default limit, writing nothing', async () => {
    const file = await tallWorkbook(200_000);
    const before = await firms(t);
    const t0 = performance.now();
    const res = await upload(office, file);
    const ms = performance.now() - t0;
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ code: 'IMPORT_TOO_LARGE', message: translate('zh-CN', 'err.IMPORT_TOO_LARGE', { rows: '50,000', cells: '1,500,000' }) });
    expect(res.json().message).toContain('50,000 行');
    expect(ms).toBeLessThan(5_000);
    expect(await firms(t)).toBe(before);
  }, 60_000);
});

describe('import limits from the configuration', () => {
  let t: TestApp;
  let office: Client;
  beforeAll(async () => {
    t = await createTestApp({ importMaxRows: 1_000, importMaxCells: 20_000 });
    office = await t.signIn('office');
  });
  afterAll(() => t.close());

  it('refuses a file over the row limit with 413 stating it, in either language, and writes nothing', async () => {
    const before = await firms(t);
    const res = await upload(office, await bigEnterpriseWorkbook(1_001, { first: 600_000 }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      code: 'IMPORT_TOO_LARGE',
      message: '文件过大：一次最多导入 1,000 行数据（全部工作表合计不超过 20,000 个单元格），请拆分后分批导入',
    });
    expect(translate('en-US', 'err.IMPORT_TOO_LARGE', { rows: '1,000', cells: '20,000' })).toContain('at most 1,000 rows');
    expect(await firms(t)).toBe(before);
    const none = await t.deps.db.selectFrom('enterprises').select('id').where('uscc', '=', benchUscc(600_000)).execute();
    expect(none).toHaveLength(0);
  });

  it('takes a file at the row limit', async () => {
    const res = await upload(office, await bigEnterpriseWorkbook(1_000, { first: 610_000 }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 1_000 });
  });

  it('refuses a file over the cell limit with the same 413', async () => {
    const small = await createTestApp({ importMaxCells: 1_000 });
    try {
      const client = await small.signIn('office');
      const res = await upload(client, await bigEnterpriseWorkbook(100, { first: 620_000 }));
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('IMPORT_TOO_LARGE');
      expect(res.json().message).toContain('1,000 个单元格');
    } finally {
      await small.close();
    }
  });

  it('answers 503 when an import outlives its time limit, and rolls back what it had written', async () => {
    const before = await firms(t);
    const file = await bigEnterpriseWorkbook(3, { first: 630_000 });
    const township = await t.unitId('daying');
    const deps = { db: t.deps.db, config: { ...t.deps.config, importTimeLimitMs: 300 } };
    const slow = importAllOrNothing(deps, file, ENTERPRISE_IMPORT, 'zh-CN', {
      check: async (_trx, rows) => ({ resolved: rows.map((r) => r.values), problems: [] }),
      write: async (trx, rows) => {
        const now = new Date().toISOString();
        await insertEnterprises(
          trx,
          now,
          rows.map((r) => ({
            ...r,
            townshipUnitId: township,
            highTechValidTo: null,
            employees: null,
            rdInstitutions: '',
            chainUnitIds: [],
            serviceTeamUnitId: null,
            chiefOfficerUserId: null,
            contacts: [],
          })),
        );
        await new Promise((resolve) => setTimeout(resolve, 500));
      },
    });
    await expect(slow).rejects.toMatchObject({ code: 'IMPORT_TIMEOUT', status: 503 });
    expect(translate('zh-CN', 'err.IMPORT_TIMEOUT', { seconds: 120 })).toContain('120 秒');
    expect(await firms(t)).toBe(before);
  });
});
