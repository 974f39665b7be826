// Financing at county scale and beyond: 20,000 needs over two years, each shared with three to five banks, on a
// matchmaking meeting's list, and 60,000 matches (three banks answer each need); the statistics by bank, township,
// meeting and chain and the need list (office, bank, township, firm) through the full app, p50/p95. Prints figures;
// asserts nothing.
//   npx tsx bench/financing.ts                                  SQLite (temporary file)
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/financing.ts  PostgreSQL (a temporary schema, dropped afterwards)
import fs from 'node:fs';
import { sql } from 'kysely';
import { ensureDemoEnterprises, enterprisesFile } from '../src/server/core/enterprises/enterprises.demo';
import { ensureFinancingDemo } from '../src/server/modules/financing';
import { ensureServicesDemo } from '../src/server/modules/services';
import { addCalendarDays } from '../src/shared/rules/working-days';
import { benchApp, benchClient, time } from './support';

const NEEDS = Number(process.env.BENCH_NEEDS ?? 20_000);
const TODAY = '2026-12-14';
const firmsFile = enterprisesFile.parse(JSON.parse(fs.readFileSync('scripts/demo/baofeng-enterprises.json', 'utf8')));

const bench = await benchApp('financing', { today: TODAY });
const { app, deps, handle, clock } = bench;
try {
  await ensureDemoEnterprises(deps, firmsFile);
  await ensureServicesDemo(deps);
  await ensureFinancingDemo(deps);

  const banks = (await handle.db.selectFrom('orgUnits').select('id').where('kind', '=', 'bank').orderBy('id').execute()).map((b) => b.id);
  const meetings = (await handle.db.selectFrom('meetings').select('id').where('kind', '=', 'matchmaking').execute()).map((m) => m.id);
  const firms = await handle.db.selectFrom('enterprises').select(['id', 'townshipUnitId']).execute();
  const now = clock.now().toISOString();
  const OUTCOMES = ['intention', 'credit', 'loan', 'declined', 'declined', 'loan'];
  const REASONS = ['collateral', 'credit_record', 'financials', 'industry_policy', 'demand_changed', 'other'];

  // Rows written straight in, batch by batch: the bench measures reads, not the writes.
  let matchCount = 0;
  for (let from = 0; from < NEEDS; from += 250) {
    const batch = Array.from({ length: Math.min(250, NEEDS - from) }, (_, k) => {
      const i = from + k;
      const firm = firms[i % firms.length];
      const received = addCalendarDays('2025-01-02', Math.floor((i / NEEDS) * 700));
      const loaned = i % 3 === 0;
      return {
        enterpriseId: firm.id,
        townshipUnitId: firm.townshipUnitId,
        ownerUnitId: firm.townshipUnitId,
        amountFen: (100 + (i % 50) * 20) * 1_000_000,
        termMonths: 12,
        purpose: `流动资金 ${i}`,
        collateral: '厂房抵押',
        urgency: ['normal', 'urgent', 'critical'][i % 3],
        contact: '财务 0375-0000000',
        shareWithAll: i % 4 === 0 ? 1 : 0,
        consentAt: now,
        consentBy: null,
        status: loaned ? 'loaned' : i % 7 === 0 ? 'failed' : ['pending', 'matching', 'credited'][i % 3],
        failReason: null,
        grantedFen: loaned ? 100 * 1_000_000 : 0,
        receivedDate: received,
        loanDate: loaned ? addCalendarDays(received, 20) : null,
        workingDays: loaned ? 14 : null,
        taskId: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    const ids = (await handle.db.insertInto('financingNeeds').values(batch).returning('id').execute()).map((r) => r.id);
    const shares = ids.flatMap((needId, k) => {
      const n = batch[k].shareWithAll ? banks.length : 3 + (needId % 2);
      return Array.from({ length: n }, (_, b) => ({ needId, bankUnitId: banks[(needId + b) % banks.length] }));
    });
    await handle.db.insertInto('financingNeedBanks').values(shares).execute();
    await handle.db
      .insertInto('financingMeetingNeeds')
      .values(ids.map((needId) => ({ meetingId: meetings[needId % meetings.length], needId, addedAt: now })))
      .execute();
    const matches = ids.flatMap((needId, k) =>
      Array.from({ length: 3 }, (_, b) => {
        const outcome = OUTCOMES[(needId + b) % OUTCOMES.length];
        return {
          needId,
          bankUnitId: banks[(needId + b) % banks.length],
          meetingId: meetings[needId % meetings.length],
          productId: null,
          outcome,
          amountFen: outcome === 'loan' || outcome === 'credit' ? 50 * 1_000_000 : null,
          rateBp: outcome === 'loan' ? 435 : null,
          loanDate: outcome === 'loan' ? addCalendarDays(batch[k].receivedDate, 20) : null,
          declineReason: outcome === 'declined' ? REASONS[needId % REASONS.length] : null,
          note: '',
          workingDays: outcome === 'loan' ? 14 : null,
          updatedBy: null,
          createdAt: now,
          updatedAt: now,
        };
      }),
    );
    await handle.db.insertInto('financingMatches').values(matches).execute();
    matchCount += matches.length;
  }
  if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
  console.log(`\nfinancing on ${handle.dialect}: ${NEEDS} needs, ${matchCount} matches, ${banks.length} banks, ${firms.length} firms, today ${TODAY}`);

  const { login, get } = benchClient(app);
  const office = await login('office');
  const abc = await login('abc');
  const yangzhuang = await login('yangzhuang');
  const wuxing = await login('wuxing');
  await time('GET /api/financing/stats?by=bank (office)', 30, () => get(office, '/api/financing/stats?by=bank'));
  await time('GET /api/financing/stats?by=bank (bank, own row)', 30, () => get(abc, '/api/financing/stats?by=bank'));
  await time('GET /api/financing/stats?by=bank&from=…&to=… (office)', 30, () => get(office, '/api/financing/stats?by=bank&from=2026-01-01&to=2026-06-30'));
  await time('GET /api/financing/stats?by=township (office)', 30, () => get(office, '/api/financing/stats?by=township'));
  await time('GET /api/financing/stats?by=meeting (office)', 30, () => get(office, '/api/financing/stats?by=meeting'));
  await time('GET /api/financing/stats?by=chain (office)', 30, () => get(office, '/api/financing/stats?by=chain'));
  await time('GET /api/financing/needs (office, page 1, newest)', 30, () => get(office, '/api/financing/needs?sort=id&order=desc'));
  await time('GET /api/financing/needs?status=pending&sort=amountFen', 30, () => get(office, '/api/financing/needs?status=pending&sort=amountFen'));
  await time('GET /api/financing/needs?q=… (office, search)', 30, () => get(office, '/api/financing/needs?q=%E6%B5%81%E5%8A%A8%E8%B5%84%E9%87%91%201999'));
  await time('GET /api/financing/needs?page=500 (office)', 30, () => get(office, '/api/financing/needs?page=500&pageSize=20'));
  await time('GET /api/financing/needs (bank, shared with it)', 30, () => get(abc, '/api/financing/needs?sort=id&order=desc'));
  await time('GET /api/financing/needs (township, own firms)', 30, () => get(yangzhuang, '/api/financing/needs?sort=id&order=desc'));
  await time('GET /api/financing/needs (firm, own)', 30, () => get(wuxing, '/api/financing/needs?sort=id&order=desc'));
  await time('GET /api/financing/matches (bank, own)', 30, () => get(abc, '/api/financing/matches?sort=id&order=desc'));
  const abcUnit = await handle.db.selectFrom('users').select('unitId').where('username', '=', 'abc').executeTakeFirstOrThrow();
  const shared = await handle.db
    .selectFrom('financingNeedBanks')
    .select('needId')
    .where('bankUnitId', '=', abcUnit.unitId)
    .orderBy('needId')
    .offset(5000)
    .limit(1)
    .executeTakeFirstOrThrow();
  await time('GET /api/financing/needs/:id (bank)', 30, () => get(abc, `/api/financing/needs/${shared.needId}`));
} finally {
  await bench.close();
}
