// Funds at county scale and beyond: 2 funds × 6 years of programmes, 30,000 applications in every state with their
// payments, 10,000 firms and 50 policies (the issue asks policy matching of 50 policies over 10,000 firms ≤ 1 s);
// payments; the application list (office, waiting-for-me, township, firm), one application and the budget page through
// the full app, p50/p95. Prints figures; asserts nothing.
//   npx tsx bench/funds.ts                                  SQLite (temporary file)
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/funds.ts  PostgreSQL (a temporary schema, dropped afterwards)
import fs from 'node:fs';
import { sql } from 'kysely';
import { ensureDemoEnterprises, enterprisesFile } from '../src/server/core/enterprises/enterprises.demo';
import { ensureServicesDemo } from '../src/server/modules/services';
import { addCalendarDays } from '../src/shared/rules/working-days';
import { benchApp, benchClient, time } from './support';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 30_000);
const TODAY = '2026-12-14';
const FIRMS = Number(process.env.BENCH_FIRMS ?? 10_000);
const POLICIES = 50;
const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];
const STATUSES = ['paid', 'paid', 'approved', 'preliminary', 'office', 'leader', 'returned'];
const firmsFile = enterprisesFile.parse(JSON.parse(fs.readFileSync('scripts/demo/baofeng-enterprises.json', 'utf8')));

const bench = await benchApp('funds', { today: TODAY });
const { app, deps, handle, clock } = bench;
try {
  await ensureDemoEnterprises(deps, firmsFile);
  await ensureServicesDemo(deps);

  const firms = await handle.db.selectFrom('enterprises').select(['id', 'townshipUnitId']).execute();
  const now = clock.now().toISOString();
  // Rows written straight in: the bench measures reads, not the writes.
  const programmes: { id: number; year: number; categoryId: number }[] = [];
  for (const year of YEARS)
    for (const fund of ['industry', 'innovation']) {
      const { id } = await handle.db
        .insertInto('fundProgrammes')
        .values({
          fund,
          name: fund === 'industry' ? '工业发展资金' : '科技创新资金',
          year,
          budgetFen: 10 ** 13,
          approvedFen: 0,
          disbursedFen: 0,
          opensOn: `${year}-01-01`,
          closesOn: `${year}-12-31`,
          materials: '',
          basis: '',
          reviewUnitId: null,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const cat = await handle.db
        .insertInto('fundCategories')
        .values({ programmeId: id, name: '定额奖励', ruleKind: 'fixed', amountFen: 10_000_000, shareBp: null, capFen: null, sortOrder: 10 })
        .returning('id')
        .executeTakeFirstOrThrow();
      programmes.push({ id, year, categoryId: cat.id });
    }
  for (let from = 0; from < APPLICATIONS; from += 250) {
    const batch = Array.from({ length: Math.min(250, APPLICATIONS - from) }, (_, k) => {
      const i = from + k;
      const firm = firms[i % firms.length];
      const p = programmes[Math.floor((i / APPLICATIONS) * programmes.length)];
      const status = p.year < 2026 ? (i % 3 ? 'paid' : 'returned') : STATUSES[i % STATUSES.length];
      const approved = status === 'paid' || status === 'approved';
      return {
        programmeId: p.id,
        categoryId: p.categoryId,
        enterpriseId: firm.id,
        townshipUnitId: firm.townshipUnitId,
        reviewUnitId: firm.townshipUnitId,
        title: `资金申请 ${i}`,
        description: '',
        investmentFen: null,
        requestedFen: 10_000_000,
        recommendedFen: approved ? 10_000_000 : null,
        approvedFen: approved ? 10_000_000 : null,
        disbursedFen: status === 'paid' ? 10_000_000 : 0,
        status,
        taskId: null,
        submittedDate: addCalendarDays(`${p.year}-02-01`, i % 300),
        approvedDate: approved ? addCalendarDays(`${p.year}-02-15`, i % 300) : null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    const ids = (await handle.db.insertInto('fundApplications').values(batch).returning('id').execute()).map((r) => r.id);
    const paid = ids.flatMap((applicationId, k) =>
      batch[k].status === 'paid'
        ? [5_000_000, 5_000_000].map((amountFen, n) => ({
            applicationId,
            paidDate: addCalendarDays(batch[k].submittedDate, 30 + n * 20),
            amountFen,
            note: '',
            createdBy: null,
            createdAt: now,
          }))
        : [],
    );
    for (let i = 0; i < paid.length; i += 500)
      await handle.db
        .insertInto('fundDisbursements')
        .values(paid.slice(i, i + 500))
        .execute();
  }
  for (const p of programmes) {
    const sums = await handle.db
      .selectFrom('fundApplications')
      .select([sql<number>`coalesce(sum(approved_fen), 0)`.as('a'), sql<number>`coalesce(sum(disbursed_fen), 0)`.as('d')])
      .where('programmeId', '=', p.id)
      .executeTakeFirstOrThrow();
    await handle.db
      .updateTable('fundProgrammes')
      .set({ approvedFen: Number(sums.a), disbursedFen: Number(sums.d) })
      .where('id', '=', p.id)
      .execute();
  }
  // Policy matching at the scale: 10,000 firms (the demo's and synthetic ones) and 50 policies.
  const townships = (await handle.db.selectFrom('orgUnits').select('id').where('kind', '=', 'township').execute()).map((u) => u.id);
  const teams = (await handle.db.selectFrom('orgUnits').select('id').where('kind', '=', 'service_team').execute()).map((u) => u.id);
  const TIERS = ['none', 'none', 'innovative', 'provincial', 'little_giant'];
  const CODES = ['C30', 'C31', 'C33', 'C35', 'C26', 'C13', 'C39'];
  for (let from = firms.length; from < FIRMS; from += 500) {
    const rows = Array.from({ length: Math.min(500, FIRMS - from) }, (_, k) => {
      const i = from + k;
      return {
        name: `基准企业 ${i}`,
        uscc: `BENCH${String(i).padStart(13, '0')}`,
        townshipUnitId: townships[i % townships.length],
        address: '',
        industryCode: CODES[i % CODES.length],
        aboveScale: i % 3 === 0 ? 1 : 0,
        highTech: i % 4 === 0 ? 1 : 0,
        highTechCertNo: '',
        highTechValidTo: null,
        smeTier: TIERS[i % TIERS.length],
        rdInstitutions: i % 5 === 0 ? '县级研发中心' : '',
        employees: (i * 37) % 2000,
        serviceTeamUnitId: null,
        chiefOfficerUserId: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    const ids = (await handle.db.insertInto('enterprises').values(rows).returning('id').execute()).map((r) => r.id);
    await handle.db
      .insertInto('enterpriseChains')
      .values(ids.map((enterpriseId, k) => ({ enterpriseId, chainUnitId: teams[(from + k) % teams.length] })))
      .execute();
  }
  const current = programmes.filter((p) => p.year === 2026);
  for (let i = 0; i < POLICIES; i++) {
    const conditions = [
      { field: 'industryCode', op: 'prefix', value: CODES[i % CODES.length] },
      { field: 'smeTier', op: 'gte', value: TIERS[i % TIERS.length] },
      { field: 'employees', op: 'gte', value: (i * 13) % 500 },
      ...(i % 2 ? [{ field: 'chainUnitIds', op: 'contains', value: [teams[i % teams.length]] }] : [{ field: 'aboveScale', op: 'eq', value: true }]),
      ...(i % 10 === 0 ? [{ field: 'taxLastYearFen', op: 'gte', value: 1 }] : []),
    ];
    const p = current[i % current.length];
    await handle.db
      .insertInto('fundPolicies')
      .values({
        name: `基准政策 ${i}`,
        summary: '',
        programmeId: p.id,
        categoryId: p.categoryId,
        eligibility: JSON.stringify({ any: [{ all: conditions }, { field: 'highTech', op: 'eq', value: i % 3 === 0 }] }),
        autoGrant: i % 5 === 0 ? 1 : 0,
        active: 1,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  }
  if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
  console.log(
    `\nfunds on ${handle.dialect}: ${APPLICATIONS} applications over ${programmes.length} programmes, ${Math.max(FIRMS, firms.length)} firms, ${POLICIES} policies, today ${TODAY}`,
  );

  const { login, get } = benchClient(app);
  const office = await login('office');
  const leader = await login('leader');
  const yangzhuang = await login('yangzhuang');
  const wuxing = await login('wuxing');
  const one = Math.floor(APPLICATIONS / 2);
  await time('GET /api/funds/applications (office, page 1, newest)', 30, () => get(office, '/api/funds/applications?sort=submittedDate&order=desc'));
  await time('GET /api/funds/applications?mine=true (office, waiting)', 30, () => get(office, '/api/funds/applications?mine=true'));
  await time('GET /api/funds/applications?mine=true (leader, waiting)', 30, () => get(leader, '/api/funds/applications?mine=true'));
  await time('GET /api/funds/applications?year=2026&status=paid (office)', 30, () => get(office, '/api/funds/applications?year=2026&status=paid'));
  await time('GET /api/funds/applications?q=… (office, search)', 30, () => get(office, '/api/funds/applications?q=%E7%94%B3%E8%AF%B7%2012'));
  await time('GET /api/funds/applications?page=500 (office)', 30, () => get(office, '/api/funds/applications?page=500&pageSize=20'));
  await time('GET /api/funds/applications (township, own firms)', 30, () => get(yangzhuang, '/api/funds/applications?sort=id&order=desc'));
  await time('GET /api/funds/applications (firm, own)', 30, () => get(wuxing, '/api/funds/applications'));
  await time('GET /api/funds/applications/:id (office)', 30, () => get(office, `/api/funds/applications/${one}`));
  await time('GET /api/funds/budget?year=2026 (office)', 30, () => get(office, '/api/funds/budget?year=2026'));
  await time('GET /api/funds/budget (office, every year)', 30, () => get(office, '/api/funds/budget'));
  await time(`GET /api/funds/policies (office: ${POLICIES} policies × ${FIRMS} firms)`, 10, () => get(office, `/api/funds/policies?pageSize=${POLICIES}`));
  await time('GET /api/funds/policies/mine (firm: its matched policies)', 30, () => get(wuxing, '/api/funds/policies/mine'));
  await time('GET /api/funds/policies/:id/matches (office: award list)', 30, () => get(office, '/api/funds/policies/1/matches'));
  await time('GET /api/funds/budget/export.xlsx (office)', 10, () => get(office, '/api/funds/budget/export.xlsx'));
} finally {
  await bench.close();
}
