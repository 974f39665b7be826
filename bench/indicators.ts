// Indicators at county or province scale: generation of the data set (rows/s), then latency (p50/p95) of the warnings
// board, the ledger page and the trend through the full app, and of computing one month's warnings for all units.
// Prints figures; asserts nothing.
//   npx tsx bench/indicators.ts                                   county scale on SQLite (temporary file)
//   BENCH_SCALE=province npx tsx bench/indicators.ts              2,500 units × 50 indicators × 60 months ≈ 7.5 M values
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/indicators.ts   PostgreSQL (a temporary schema, dropped afterwards)
//   BENCH_KEEP=1 keeps the database with its generated data (a file in the temp folder, or a schema bench_keep_…)
//     and uses it again on the next run of the same scale: generating province scale takes minutes.
//   BENCH_ALL_UNITS=0 skips the board of all units at once and its raw SQL (tens of seconds at province scale).
//   BENCH_YEARS=2 shrinks the years of values (at least 2: the board reads last year beside this one); BENCH_UNITS=300 the units.
import { benchApp, benchClient } from './support';
import { sql } from 'kysely';
import { boardOf, warningsRepository } from '../src/server/modules/indicators';
import { INDICATOR_SCALES, LAST_LOCKED_MONTH, LAST_YEAR, existingIndicatorData, generateIndicatorData } from './indicator-data';

const scaleName = (process.env.BENCH_SCALE ?? 'county') as keyof typeof INDICATOR_SCALES;
if (!INDICATOR_SCALES[scaleName]) throw new Error(`BENCH_SCALE must be one of ${Object.keys(INDICATOR_SCALES).join(', ')}`);
const scale = {
  ...INDICATOR_SCALES[scaleName],
  ...(process.env.BENCH_YEARS ? { years: Math.max(2, Number(process.env.BENCH_YEARS)) } : {}),
  ...(process.env.BENCH_UNITS ? { units: Number(process.env.BENCH_UNITS) } : {}),
};
/** Each measurement runs about this long (at least once, at most 50 times), after one untimed warm-up call. */
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 20_000);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Warms up with one call, then times as many calls as fit the budget (slow calls get a small n); prints and returns p50/p95 in ms. */
async function measure(label: string, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const t0 = performance.now();
  await fn();
  const first = performance.now() - t0;
  const n = Math.max(1, Math.min(50, Math.floor(BUDGET_MS / Math.max(first, 1))));
  const samples: number[] = [];
  // CPU time of this process per call: SQLite runs in it, so on a shared machine this moves less than wall time.
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const s0 = performance.now();
    await fn();
    samples.push(performance.now() - s0);
  }
  const cpu = process.cpuUsage(cpu0);
  samples.sort((a, b) => a - b);
  const figures = { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  const cpuMs = (cpu.user + cpu.system) / 1000 / n;
  console.log(
    `  ${label.padEnd(52)} p50 ${figures.p50.toFixed(2).padStart(8)} ms   p95 ${figures.p95.toFixed(2).padStart(8)} ms   cpu ${cpuMs.toFixed(1).padStart(7)} ms   (n=${n})`,
  );
  return figures;
}

// Early January: December is being reported, months up to October are locked.
// Bump the suffix when the generator changes, so a kept database of the old data is not measured as the new.
const keep = process.env.BENCH_KEEP ? `indicators_${scale.units}u_${scale.indicators}i_${scale.years}y_v1` : undefined;
const bench = await benchApp('indicators', { clock: { now: () => new Date(`${LAST_YEAR + 1}-01-05T01:00:00Z`) }, keep });
const { app, deps, handle, clock } = bench;
try {
  const kept = keep ? await existingIndicatorData(handle, scale) : undefined;
  if (kept) console.log(`  (kept database ${keep}: generation skipped)`);
  const data = kept ?? (await generateIndicatorData(handle, scale, clock.now().toISOString()));
  console.log(
    `\nindicators, ${scaleName} scale on ${handle.dialect}: ${data.unitIds.length} units × ${data.indicatorIds.length} indicators × ${data.years.length * 12} months (${data.years[0]}–${LAST_YEAR})`,
  );
  console.log(
    `  generated ${data.values} values in ${(data.valuesMs / 1000).toFixed(1)} s (${Math.round(data.values / (data.valuesMs / 1000))} rows/s), ${data.targets} targets; whole data set ${(data.totalMs / 1000).toFixed(1)} s`,
  );
  if (handle.dialect === 'postgres') {
    const t0 = performance.now();
    // What autovacuum does to a live database (this server runs with it off): statistics, and the visibility map
    // without which the board's covering index is not read index-only (unvacuumed, PostgreSQL hashes 2.5 M rows: 2.4 s).
    for (const table of ['indicator_values', 'indicator_targets', 'org_units']) await sql`vacuum analyze ${sql.table(table)}`.execute(deps.db);
    console.log(`  vacuum analyze                                 ${(performance.now() - t0).toFixed(0)} ms`);
  }

  const { login, get } = benchClient(app);
  const officeSession = await login('office');
  const dayingSession = await login('daying');
  const daying = await handle.db.selectFrom('orgUnits').select('id').where('code', '=', 'daying').executeTakeFirstOrThrow();
  const month = LAST_LOCKED_MONTH;
  const year = LAST_YEAR;
  const indicatorId = data.indicatorIds[1];
  const plan = await handle.db.selectFrom('indicatorPlans').select('id').where('year', '=', year).executeTakeFirstOrThrow();
  const generatedTownship = data.unitIds.at(-1) as number;
  const benchCounty = await handle.db.selectFrom('orgUnits').select('id').where('code', '=', 'bench-c0').executeTakeFirst();
  const boards = {
    office: `/api/indicator-warnings?month=${month}`,
    red: `/api/indicator-warnings?month=${month}&level=red`,
    ...(benchCounty ? { drilled: `/api/indicator-warnings?month=${month}&parentId=${benchCounty.id}` } : {}),
  };
  for (const [name, url] of Object.entries(boards))
    console.log(`  (${name} board response ${((await get(officeSession, url)).body.length / 1e6).toFixed(2)} MB)`);
  console.log(`  (township board response ${((await get(dayingSession, boards.office)).body.length / 1e6).toFixed(3)} MB)`);

  const office = await measure('GET /api/indicator-warnings (office, county level)', () => get(officeSession, boards.office));
  if (boards.drilled) {
    const drilled = boards.drilled;
    await measure('GET /api/indicator-warnings (office, drilled to a county)', () => get(officeSession, drilled));
  }
  await measure('GET /api/indicator-warnings (township)', () => get(dayingSession, boards.office));
  await measure('GET /api/indicator-warnings?level=red (office)', () => get(officeSession, boards.red));
  const allUnits = process.env.BENCH_ALL_UNITS !== '0';
  const window = { planId: plan.id, year, month: Number(month.slice(5)) };
  // The office's board reads the county's own units: the same query for them alone is its raw SQL.
  const levelUnits = [data.countyId, ...(await warningsRepository.childrenOf(deps.db, data.countyId))];
  const levelBoard = await measure('boardOf: office, county level (no HTTP)', () => boardOf(deps.db, { all: true }, { month, parentId: data.countyId }));
  const rawLevel = await measure('raw SQL: the aggregation query, county level', () =>
    warningsRepository.targetsWithAggregates(deps.db, { ...window, unitIds: levelUnits }),
  );
  await measure('boardOf: a generated county’s township', () => boardOf(deps.db, { all: false, unitIds: [generatedTownship], ownUserId: null }, { month }));
  console.log(`  ratio endpoint (county level) ÷ its raw SQL, p95      ${(office.p95 / rawLevel.p95).toFixed(2)}`);
  console.log(`  ratio boardOf (county level) ÷ its raw SQL, p95       ${(levelBoard.p95 / rawLevel.p95).toFixed(2)}`);
  if (allUnits) {
    const board = await measure("boardOf: one month's warnings, all units", () => boardOf(deps.db, { all: true }, { month }));
    const raw = await measure('raw SQL: the aggregation query, all units', () => warningsRepository.targetsWithAggregates(deps.db, window));
    console.log(`  ratio boardOf (all units) ÷ its raw SQL, p95          ${(board.p95 / raw.p95).toFixed(2)}`);
  }
  await measure('GET /api/indicator-ledger (office, a township)', () => get(officeSession, `/api/indicator-ledger?year=${year}&unitId=${daying.id}`));
  await measure('GET /api/indicator-ledger (office, county)', () => get(officeSession, `/api/indicator-ledger?year=${year}&unitId=${data.countyId}`));
  await measure('GET /api/indicator-ledger (township, own)', () => get(dayingSession, `/api/indicator-ledger?year=${year}`));
  await measure('GET /api/indicator-trend (county)', () => get(officeSession, `/api/indicator-trend?year=${year}&indicatorId=${indicatorId}`));
  await measure('GET /api/indicator-trend (township)', () =>
    get(dayingSession, `/api/indicator-trend?year=${year}&indicatorId=${indicatorId}&unitId=${daying.id}`),
  );
} finally {
  await bench.close();
}
