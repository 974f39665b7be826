import { importEnterprises } from '../src/server/core/enterprises/enterprises.import';
import { AppError } from '../src/server/core/http/errors';
import { bigEnterpriseWorkbook } from '../src/server/test/big-workbook';
import { benchApp, benchClient, benchContext, dialectName, seconds } from './support';

const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '10000,20000,40000').split(',').map(Number);
const REFUSE_ROWS = Number(process.env.BENCH_REFUSE_ROWS ?? 200_000);

const bench = await benchApp('import');
const { app, deps } = bench;
try {
  const ctx = await benchContext(bench, 'office');
  const client = benchClient(app);
  const office = await client.login('office');
  const dialect = dialectName();

  console.log(`Enterprise import, ${dialect} (limit ${bench.config.importMaxRows.toLocaleString()} rows)`);
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
  const list = await client.get(office, `/api/enterprises?q=${encodeURIComponent('第5000号')}`);
  console.log(`  search after import: ${list.statusCode} in ${(performance.now() - t0).toFixed(1)} ms`);
} finally {
  await bench.close();
}
