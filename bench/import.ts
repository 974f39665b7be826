// The enterprise import at scale: generated rows with valid credit codes, through template parsing, row validation,
// name lookups and the all-or-nothing write, at 10,000, 20,000 and 40,000 rows (the time should grow with the rows,
// no faster), then the refusal of a 200,000-row file (413 before parsing). Prints times; asserts nothing.
//   npx tsx bench/import.ts                                  SQLite (temporary file)
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/import.ts  PostgreSQL (a temporary schema, dropped afterwards)
//   BENCH_IMPORT_SIZES=10000,20000 BENCH_REFUSE_ROWS=200000  other sizes
import fs from 'node:fs';
import { loadConfig } from '../src/server/config';
import type { UserContext } from '../src/server/core/access/context';
import { authenticate } from '../src/server/core/auth/auth.service';
import { importEnterprises } from '../src/server/core/enterprises/enterprises.import';
import { AppError } from '../src/server/core/http/errors';
import { SESSION_COOKIE } from '../src/server/core/http/request-context';
import { DEMO_PASSWORD, countyFile, ensureDemoAccounts, loadCounty } from '../src/server/core/setup/bootstrap';
import { bigEnterpriseWorkbook } from '../src/server/test/big-workbook';
import { openBenchDb } from './support';
import { bootApp } from '../src/server/platform';

process.env.PASSWORD_HASH_COST ??= '16384';
const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '10000,20000,40000').split(',').map(Number);
const REFUSE_ROWS = Number(process.env.BENCH_REFUSE_ROWS ?? 200_000);
const demo = countyFile.parse(JSON.parse(fs.readFileSync('scripts/demo/baofeng-county.json', 'utf8')));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

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
  const dialect = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';

  console.log(`Enterprise import, ${dialect} (limit ${config.importMaxRows.toLocaleString()} rows)`);
  let first = 1;
  const bad = await bigEnterpriseWorkbook(SIZES[0], { first: 9_000_000, badAt: Math.floor(SIZES[0] / 2) });
  let t0 = performance.now();
  const refused = await importEnterprises(deps, ctx, bad);
  console.log(
    `  ${SIZES[0].toLocaleString()} rows, one bad: refused=${!refused.ok}, problems=${refused.ok ? 0 : refused.problems.length}, ${seconds(performance.now() - t0)} (report included)`,
  );
  for (const rows of SIZES) {
    const file = await bigEnterpriseWorkbook(rows, { first });
    first += rows;
    t0 = performance.now();
    const done = await importEnterprises(deps, ctx, file);
    const ms = performance.now() - t0;
    console.log(
      `  ${rows.toLocaleString()} rows: imported=${done.ok ? done.imported : 0}, ${seconds(ms)} (${((rows / ms) * 1000).toFixed(0)} rows/s parsed, checked and written in one transaction)`,
    );
  }
  t0 = performance.now();
  const huge = await bigEnterpriseWorkbook(REFUSE_ROWS, { first: 8_000_000 });
  console.log(`  ${REFUSE_ROWS.toLocaleString()}-row file made in ${seconds(performance.now() - t0)} (${(huge.length / 1024 / 1024).toFixed(1)} MB)`);
  t0 = performance.now();
  const answer = await importEnterprises(deps, ctx, huge).catch((err: unknown) => err);
  console.log(
    `  ${REFUSE_ROWS.toLocaleString()} rows: ${answer instanceof AppError ? `${answer.status} ${answer.code}` : 'not refused'} in ${seconds(performance.now() - t0)}`,
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
