// Innovation pipelines at scale: entries spread over the four pipelines for as many firms (county scale 2,000 entries,
// province scale BENCH_ENTRIES=50000), each with two or three dated stage changes over the last four years and a 高新
// certificate for those at 认定/复审; the pipeline list (office, a township, a certificate filter), the targets with
// the 零突破 goals, and the daily certificate job's first run (rows/s) through the full app. Prints figures; asserts nothing.
//   npx tsx bench/innovation.ts                                  SQLite (temporary file)
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/innovation.ts  PostgreSQL (a temporary schema, dropped afterwards)
import { sql } from 'kysely';
import { notifyCertificates } from '../src/server/modules/innovation';
import { PIPELINES, STAGES, addDays, certValidTo } from '../src/shared/rules/innovation-pipelines';
import { benchApp, benchClient, time } from './support';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 2_000);
const TODAY = '2026-12-14';
const bench = await benchApp('innovation', { today: TODAY });
const { app, deps, handle, clock } = bench;
try {
  const db = handle.db;
  const now = clock.now().toISOString();
  const townships = (await db.selectFrom('orgUnits').select(['id', 'code']).where('kind', '=', 'township').orderBy('id').execute()).map((u) => u.id);
  const kjj = (await db.selectFrom('orgUnits').select('id').where('code', '=', 'kjj').executeTakeFirst())?.id as number;
  const gxj = (await db.selectFrom('orgUnits').select('id').where('code', '=', 'gxj').executeTakeFirst())?.id as number;

  // Rows written straight in, batch by batch: the bench measures reads, not the writes. One firm per entry.
  const firmIds: number[] = [];
  for (let from = 0; from < ENTRIES; from += 500) {
    const batch = Array.from({ length: Math.min(500, ENTRIES - from) }, (_, k) => {
      const i = from + k;
      return {
        name: `宝丰县测试企业${i}有限公司`,
        uscc: `91410421BENCH${String(i).padStart(5, '0')}`,
        townshipUnitId: townships[i % townships.length] as number,
        address: '',
        industryCode: 'C31',
        aboveScale: 1,
        highTech: 0,
        highTechCertNo: '',
        highTechValidTo: null,
        smeTier: 'none',
        rdInstitutions: '',
        employees: null,
        serviceTeamUnitId: null,
        chiefOfficerUserId: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    firmIds.push(...(await db.insertInto('enterprises').values(batch).returning('id').execute()).map((r) => r.id));
  }
  let changes = 0;
  for (let from = 0; from < ENTRIES; from += 500) {
    const plans = firmIds.slice(from, from + 500).map((enterpriseId, k) => {
      const i = from + k;
      const pipeline = PIPELINES[i % 4] as (typeof PIPELINES)[number];
      const stages = STAGES[pipeline] as readonly string[];
      const steps = 1 + (i % 3);
      const dates = Array.from({ length: steps }, (_, s) => addDays(TODAY, -((steps - s) * 300 + (i % 290))));
      const stage = stages[Math.min(stages.length - 1, steps)] as string;
      const cert = pipeline === 'high_tech' && (stage === 'certified' || stage === 'renewed') ? addDays(TODAY, -((i * 37) % 1460)) : null;
      return {
        entry: {
          pipeline,
          enterpriseId,
          name: pipeline === 'rd' || pipeline === 'incubator' ? `测试机构${i}` : '',
          operator: '',
          kind: pipeline === 'incubator' ? 'incubator' : null,
          townshipUnitId: townships[i % townships.length] as number,
          responsibleUnitId: pipeline === 'sme' ? gxj : kjj,
          stage,
          stageDate: dates[dates.length - 1] as string,
          certNo: cert ? `GR${i}` : '',
          certDate: cert,
          validTo: cert ? certValidTo(cert) : null,
          note: '',
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        },
        moves: dates.map((on, s) => ({ from: s === 0 ? null : (stages[s] as string), to: stages[Math.min(stages.length - 1, s + 1)] as string, on })),
      };
    });
    const ids = (
      await db
        .insertInto('innovationEntries')
        .values(plans.map((p) => p.entry))
        .returning('id')
        .execute()
    ).map((r) => r.id);
    const rows = plans.flatMap((p, k) =>
      p.moves.map((m) => ({
        entryId: ids[k] as number,
        fromStage: m.from,
        toStage: m.to,
        changedOn: m.on,
        certNo: '',
        note: '',
        userId: null,
        createdAt: now,
      })),
    );
    await db.insertInto('innovationStageChanges').values(rows).execute();
    changes += rows.length;
  }
  await db
    .insertInto('innovationTargets')
    .values([
      { year: 2026, pipeline: 'high_tech', stage: 'certified', target: 8 },
      { year: 2026, pipeline: 'sme', stage: 'provincial', target: 3 },
      { year: 2026, pipeline: 'rd', stage: 'national', target: 1 },
      { year: 2026, pipeline: 'incubator', stage: 'national', target: 1 },
    ])
    .execute();
  await db
    .insertInto('innovationBreakthroughs')
    .values([
      { pipeline: 'rd', stage: 'national', startYear: 2025, years: 2 },
      { pipeline: 'incubator', stage: 'national', startYear: 2025, years: 2 },
    ])
    .execute();
  if (handle.dialect === 'postgres') await sql`analyze`.execute(db);
  console.log(`\ninnovation on ${handle.dialect}: ${ENTRIES} entries, ${changes} stage changes, today ${TODAY}`);

  const { login, get } = benchClient(app);
  const office = await login('office');
  const township = await login('daying');
  await time('GET /api/innovation/entries (office, 高新, page 1)', 30, () =>
    get(office, '/api/innovation/entries?pipeline=high_tech&sort=stageDate&order=desc'),
  );
  await time('GET …entries?certStatus=renewal_due (office)', 30, () => get(office, '/api/innovation/entries?pipeline=high_tech&certStatus=renewal_due'));
  await time('GET …entries?year=2026&q=… (office)', 30, () => get(office, '/api/innovation/entries?year=2026&q=测试'));
  await time('GET /api/innovation/entries (township)', 30, () => get(township, '/api/innovation/entries'));
  await time('GET /api/innovation/targets (office)', 30, () => get(office, '/api/innovation/targets'));
  const t0 = performance.now();
  const sent = await notifyCertificates(deps);
  const s = (performance.now() - t0) / 1000;
  console.log(`  certificate job, first run: ${sent} notices in ${s.toFixed(2)} s (${Math.round(sent / s)} rows/s)`);
} finally {
  await bench.close();
}
