// The enterprise import at scale: 10,000 generated rows with valid credit codes, through template parsing, row
// validation, name lookups and the all-or-nothing write. Prints rows per second; asserts nothing.
//   npx tsx bench/import.ts                                  SQLite (temporary file)
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/import.ts  PostgreSQL (a temporary schema, dropped afterwards)
import { openBenchDb } from './support';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { bootApp } from '../src/server/platform';
import { loadConfig } from '../src/server/config';
import type { UserContext } from '../src/server/core/access/context';
import { authenticate } from '../src/server/core/auth/auth.service';
import { enterpriseTemplate, importEnterprises } from '../src/server/core/enterprises/enterprises.import';
import { SESSION_COOKIE } from '../src/server/core/http/request-context';
import { DEMO_PASSWORD, countyFile, ensureDemoAccounts, loadCounty } from '../src/server/core/setup/bootstrap';
import { usccCheckChar } from '../src/shared/rules/uscc';

process.env.PASSWORD_HASH_COST ??= '16384';
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const demo = countyFile.parse(JSON.parse(fs.readFileSync('scripts/demo/baofeng-county.json', 'utf8')));
const TOWNSHIPS = ['大营镇', '城关镇', '周庄镇', '杨庄镇', '石桥镇', '张八桥镇'];

/** A filled template of `n` firms; `bad` puts an unknown township on one row in the middle. */
async function workbook(n: number, bad: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await enterpriseTemplate('zh-CN')) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  for (let i = 0; i < n; i++) {
    const body = `91410421MA${String(i + 1).padStart(7, '0')}`;
    const township = bad && i === Math.floor(n / 2) ? '不存在镇' : TOWNSHIPS[i % TOWNSHIPS.length];
    sheet.getRow(3 + i).values = [
      `宝丰县基准测试第${i + 1}号有限公司`,
      body + usccCheckChar(body),
      township,
      '工业园区',
      'C33 金属制品业',
      i % 2 ? '是' : '否',
      '否',
      '',
      '',
      '无',
      50 + (i % 300),
      '不锈钢产业链服务专班',
      '联系人',
      '13800000000',
    ];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const { handle, drop } = await openBenchDb('import');
try {
  const config = { ...loadConfig({}, []), demo: true, webDist: '/nonexistent' };
  const { app, deps } = await bootApp({ config, database: handle, logger: false });
  await loadCounty(deps, demo);
  await ensureDemoAccounts(deps, demo);
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office', password: DEMO_PASSWORD } });
  const user = await authenticate(deps, login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '');
  if (!user || user === 'expired') throw new Error('bench: no session');
  const ctx: UserContext = { user, ip: null, userAgent: null, locale: 'zh-CN' };

  console.log(`Enterprise import, ${ROWS.toLocaleString()} rows, ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`);
  const bad = await workbook(ROWS, true);
  let t0 = performance.now();
  const refused = await importEnterprises(deps, ctx, bad);
  let ms = performance.now() - t0;
  console.log(
    `  one bad row: refused=${!refused.ok}, problems=${refused.ok ? 0 : refused.problems.length}, ${ms.toFixed(0)} ms (${((ROWS / ms) * 1000).toFixed(0)} rows/s checked, report included)`,
  );
  const good = await workbook(ROWS, false);
  t0 = performance.now();
  const done = await importEnterprises(deps, ctx, good);
  ms = performance.now() - t0;
  console.log(
    `  all good: imported=${done.ok ? done.imported : 0}, ${ms.toFixed(0)} ms (${((ROWS / ms) * 1000).toFixed(0)} rows/s parsed, checked and written in one transaction)`,
  );
  t0 = performance.now();
  const list = await app.inject({
    method: 'GET',
    url: '/api/enterprises?q=第5000号',
    cookies: { [SESSION_COOKIE]: login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '' },
  });
  console.log(`  search after import: ${list.statusCode} in ${(performance.now() - t0).toFixed(1)} ms`);
  await app.close();
} finally {
  await handle.close();
  await drop();
}
