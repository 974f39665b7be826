// Visit coverage at scale: 5,000 firms assigned to every staff officer of the demo county round robin, and eight
// quarters of visits (about 1.2 per firm and quarter, one firm in eight skipped each quarter); the coverage page
// (current and past quarter; office and one team), the visit list and the reminder's coverage through the full app,
// p50/p95. Prints figures; asserts nothing.
//   npx tsx bench/visits.ts                                  SQLite (temporary file)
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/visits.ts  PostgreSQL (a temporary schema, dropped afterwards)
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { computeCoverage, coverageSettings } from '../src/server/modules/visits';
import { shiftPeriod } from '../src/shared/rules/visits-coverage';
import { usccCheckChar } from '../src/shared/rules/uscc';
import { addCalendarDays } from '../src/shared/rules/working-days';
import { benchApp, benchClient, time } from './support';

const FIRMS = Number(process.env.BENCH_FIRMS ?? 5_000);
const QUARTERS = 8;
const TODAY = '2026-12-14';
/** A valid credit code (its check character holds) per firm, so that the assignment import can name the firm. */
const uscc = (i: number) => {
  const body = `91410421MA${String(i).padStart(7, '0')}`;
  return body + usccCheckChar(body);
};

const bench = await benchApp('visits', { today: TODAY });
const { app, handle, clock } = bench;
try {
  const db = handle.db;
  const now = clock.now().toISOString();
  const townships = (await db.selectFrom('orgUnits').select('id').where('kind', '=', 'township').execute()).map((u) => u.id);
  const officers = await db
    .selectFrom('users')
    .innerJoin('orgUnits', 'orgUnits.id', 'users.unitId')
    .select(['users.id', 'users.unitId', 'users.username'])
    .where('users.enterpriseId', 'is', null)
    .where('orgUnits.kind', 'in', ['service_team', 'department', 'office'])
    .execute();

  // Rows written straight in, batch by batch: the bench measures reads, not the writes.
  const firmIds: number[] = [];
  for (let from = 0; from < FIRMS; from += 500) {
    const batch = Array.from({ length: Math.min(500, FIRMS - from) }, (_, k) => {
      const i = from + k;
      return {
        name: `宝丰县测试企业${i}有限公司`,
        uscc: uscc(i),
        townshipUnitId: townships[i % townships.length] as number,
        address: '',
        industryCode: 'C31',
        aboveScale: 1,
        highTech: 0,
        highTechCertNo: '',
        highTechValidTo: null,
        smeTier: '',
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
  const first = shiftPeriod('quarter', TODAY, -(QUARTERS - 1));
  for (let from = 0; from < firmIds.length; from += 500) {
    const batch = firmIds.slice(from, from + 500).map((enterpriseId, k) => {
      const officer = officers[(from + k) % officers.length] as (typeof officers)[number];
      return {
        enterpriseId,
        officerUserId: officer.id,
        teamUnitId: officer.unitId,
        fromDate: first.start,
        toDate: null,
        note: '',
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    await db.insertInto('visitAssignments').values(batch).execute();
  }
  const townshipOf = new Map<number, number>();
  firmIds.forEach((id, i) => {
    townshipOf.set(id, townships[i % townships.length] as number);
  });
  let visits = 0;
  for (let q = 0; q < QUARTERS; q++) {
    const period = shiftPeriod('quarter', TODAY, -q);
    const last = period.end < TODAY ? period.end : TODAY;
    const span = Math.max(1, (Date.parse(last) - Date.parse(period.start)) / 86_400_000);
    const rows = firmIds.flatMap((enterpriseId, i) => {
      if ((i + q) % 8 === 0) return [];
      const n = i % 5 === 0 ? 2 : 1;
      return Array.from({ length: n }, (_, k) => ({
        enterpriseId,
        townshipUnitId: townshipOf.get(enterpriseId) as number,
        teamUnitId: (officers[i % officers.length] as (typeof officers)[number]).unitId,
        visitDate: addCalendarDays(period.start, Math.floor((((i * 7 + k * 31) % 97) / 97) * span)),
        peopleMet: '总经理',
        discussion: '了解生产经营情况',
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      }));
    });
    for (let from = 0; from < rows.length; from += 500)
      await db
        .insertInto('visits')
        .values(rows.slice(from, from + 500))
        .execute();
    visits += rows.length;
  }
  if (handle.dialect === 'postgres') await sql`analyze`.execute(db);
  console.log(`\nvisits on ${handle.dialect}: ${FIRMS} firms, ${officers.length} officers, ${visits} visits over ${QUARTERS} quarters, today ${TODAY}`);

  const settings = await coverageSettings(db);
  await time('computeCoverage (all firms, current quarter: the reminder job’s read)', 30, () => computeCoverage(db, { all: true }, settings, undefined, TODAY));
  const { login, get } = benchClient(app);
  const office = await login('office');
  const officer = await login('stainless.team');
  await time('GET /api/visits/coverage (office, current quarter)', 30, () => get(office, '/api/visits/coverage'));
  await time('GET /api/visits/coverage?period=2025-Q1 (office, a past quarter)', 30, () => get(office, '/api/visits/coverage?period=2025-Q1'));
  await time('GET /api/visits/coverage (officer, own team)', 30, () => get(officer, '/api/visits/coverage'));
  await time('GET /api/visits (office, page 1, newest)', 30, () => get(office, '/api/visits?sort=visitDate&order=desc'));
  await time('GET /api/visits?withProblems=false&from=…&to=… (office)', 30, () => get(office, '/api/visits?withProblems=false&from=2026-10-01&to=2026-12-31'));
  await time('GET /api/visits (officer, own team)', 30, () => get(officer, '/api/visits?sort=visitDate&order=desc'));
  await time('GET /api/visits/assignments (office, page 1)', 30, () => get(office, '/api/visits/assignments'));

  // The chief-officer import: every firm handed to the next officer from today, one sheet, all or nothing.
  const signIn = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office', password: 'Demo@2021' } });
  const headers = { cookie: `icp_sid=${signIn.cookies[0]?.value}`, 'x-csrf-token': signIn.json().csrfToken as string };
  const template = await app.inject({ method: 'GET', url: '/api/visits/assignments/template.xlsx', headers });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  for (let i = 0; i < FIRMS; i++)
    sheet.getRow(3 + i).values = [uscc(i), '', (officers[(i + 1) % officers.length] as (typeof officers)[number]).username, '', ''];
  const file = Buffer.from(await book.xlsx.writeBuffer());
  const boundary = '----bench-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const t0 = performance.now();
  const imported = await app.inject({
    method: 'POST',
    url: '/api/visits/assignments/import',
    payload,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  const ms = performance.now() - t0;
  if (imported.statusCode !== 200) throw new Error(`import: ${imported.statusCode} ${imported.body.slice(0, 300)}`);
  console.log(`  POST /api/visits/assignments/import (${FIRMS} rows)         ${ms.toFixed(0)} ms   ${Math.round(FIRMS / (ms / 1000))} rows/s`);
} finally {
  await bench.close();
}
