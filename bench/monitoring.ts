// Enterprise operation monitoring at scale: 10,000 firms × 24 months of output and electricity written by the import's
// own write step (figures, then the flags of every affected month, the notices and 督办 tasks of new flags, one audit
// row) — 240,000 rows a source, more than one Excel file may hold (IMPORT_MAX_ROWS), so written as the check/write
// steps receive them; then a real .xlsx import of one month for the 10,000 firms (parse, check, write, flags), its
// re-import (nothing raised twice), and the flagged list, its export and a firm's page through the app, p50/p95.
// Prints figures; asserts nothing.
//   npx tsx bench/monitoring.ts                                  SQLite (temporary file)
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/monitoring.ts  PostgreSQL (a temporary schema, dropped afterwards)
//   BENCH_FIRMS=10000 BENCH_MONTHS=24                            other sizes
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { Pace } from '../src/server/core/excel/import';
import { importFigures, monitoringSpec, writeFigures } from '../src/server/modules/monitoring';
import { benchUscc } from '../src/server/test/big-workbook';
import { addMonths, monthsBetween } from '../src/shared/rules/monitoring-flags';
import { benchApp, benchClient, benchContext, dialectName, seconds, time } from './support';

const FIRMS = Number(process.env.BENCH_FIRMS ?? 10_000);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 24);
const TODAY = '2026-12-14';
const LAST = '2026-11';

const bench = await benchApp('monitoring', { today: TODAY });
const { app, deps, handle, clock } = bench;
try {
  const ctx = await benchContext(bench, 'office');
  const dialect = dialectName();

  // The firms, straight in: the bench measures the monitoring, not the directory.
  const townships = (await handle.db.selectFrom('orgUnits').select('id').where('kind', '=', 'township').orderBy('id').execute()).map((u) => u.id);
  const teams = (await handle.db.selectFrom('orgUnits').select('id').where('kind', '=', 'service_team').orderBy('id').execute()).map((u) => u.id);
  const now = clock.now().toISOString();
  const firmIds: number[] = [];
  for (let from = 0; from < FIRMS; from += 500) {
    const batch = Array.from({ length: Math.min(500, FIRMS - from) }, (_, k) => {
      const i = from + k;
      return {
        name: `宝丰县监测基准第${i + 1}号有限公司`,
        uscc: benchUscc(5_000_000 + i),
        townshipUnitId: townships[i % townships.length],
        address: '',
        industryCode: 'C33',
        aboveScale: 1,
        highTech: 0,
        highTechCertNo: '',
        highTechValidTo: null,
        smeTier: 'none',
        rdInstitutions: '',
        employees: 100,
        serviceTeamUnitId: i % 3 === 0 ? teams[i % teams.length] : null,
        chiefOfficerUserId: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    for (const r of await handle.db.insertInto('enterprises').values(batch).returning('id').execute()) firmIds.push(r.id);
  }

  // 1 % of the firms fall by 30 % in the last two months (下滑), 0.5 % nearly stop in the last month (停产).
  const months = monthsBetween(addMonths(LAST, -(MONTHS - 1)), LAST);
  const fallsFrom = addMonths(LAST, -1);
  const falling = (i: number) => i % 100 === 7;
  const stopping = (i: number) => i % 200 === 11;
  const figure = (source: 'output' | 'electricity', i: number, month: string) => {
    const base = source === 'output' ? 5_000_000_00 + (i % 97) * 1_000_000 : 80_000 + (i % 89) * 100;
    let share = 1 + ((i * 7 + Number(month.slice(5))) % 5) / 100;
    if (falling(i) && month >= fallsFrom) share = 0.7;
    if (stopping(i) && month === LAST && source === 'electricity') share = 0.01;
    return Math.round(base * share);
  };
  const rowsOf = (source: 'output' | 'electricity', only?: string) =>
    firmIds.flatMap((enterpriseId, i) => (only ? [only] : months).map((month) => ({ enterpriseId, month, value: figure(source, i, month) })));

  console.log(`Operation monitoring, ${dialect}: ${FIRMS.toLocaleString()} firms × ${MONTHS} months`);
  for (const source of ['output', 'electricity'] as const) {
    const rows = rowsOf(source);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const outcome = await handle.db.transaction().execute((trx) => writeFigures(trx, deps, ctx, source, rows, LAST, new Pace(600_000), ctx.user.unitId));
    console.log(
      `  ${source.padEnd(11)} ${rows.length.toLocaleString()} rows written, flags computed: ${seconds(performance.now() - t0)} (this process's CPU ${seconds(process.cpuUsage(cpu0).user / 1000)})  (raised ${outcome.raised}, tasks ${outcome.tasks})`,
    );
  }

  // A real Excel file of one month (the last) for every firm: parse, check, write, flags.
  const file = await monthWorkbook(
    firmIds.map((_, i) => [benchUscc(5_000_000 + i), figure('output', i, LAST) / 1_000_000]),
    LAST,
  );
  for (const label of ['one month as .xlsx', 'the same file again']) {
    const t0 = performance.now();
    const done = await importFigures(deps, ctx, 'output', file);
    const tasks = await handle.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `  ${label.padEnd(22)} ${FIRMS.toLocaleString()} rows: ${done.ok ? `imported ${done.imported}` : `refused ${done.problems.length}`}, ${seconds(performance.now() - t0)} (parse, check, write, flags; tasks now ${Number(tasks.n)})`,
    );
  }

  const client = benchClient(app);
  const office = await client.login('office');
  const daying = await client.login('daying');
  await time('GET /api/monitoring/flags (office)', 30, () => client.get(office, '/api/monitoring/flags'));
  await time('GET /api/monitoring/flags?flag=decline&sort=outputFen', 30, () =>
    client.get(office, '/api/monitoring/flags?flag=decline&sort=outputFen&order=desc'),
  );
  await time('GET /api/monitoring/flags (township)', 30, () => client.get(daying, '/api/monitoring/flags'));
  await time('GET /api/monitoring/flags/export.xlsx (office)', 5, () => client.get(office, '/api/monitoring/flags/export.xlsx'));
  await time('GET /api/monitoring/firms/:id', 30, () => client.get(office, `/api/monitoring/firms/${firmIds[7]}`));
} finally {
  await bench.close();
}

/** The output template of one month, filled with [credit code, 万元] rows, by exceljs's streaming writer. */
async function monthWorkbook(rows: [string, number][], month: string): Promise<Buffer> {
  const spec = monitoringSpec('output');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const sheet = book.addWorksheet(spec.sheet.zh);
  sheet.addRow(spec.columns.map((c) => `${c.zh}${c.required ? '*' : ''}`)).commit();
  sheet.addRow(spec.columns.map((c) => c.notes?.zh ?? '')).commit();
  for (const [code, wan] of rows) sheet.addRow([code, '', month, wan]).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}
