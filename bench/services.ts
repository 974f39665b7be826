// Enterprise services at county scale and beyond: 50,000 requests with their parts (one in two has one or two) over
// two years; the unit statistics of a year and a quarter and the request list (office, township, department, firm)
// through the full app, p50/p95. Prints figures; asserts nothing.
//   npx tsx bench/services.ts                                  SQLite (temporary file)
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/services.ts  PostgreSQL (a temporary schema, dropped afterwards)
import fs from 'node:fs';
import { sql } from 'kysely';
import { ensureDemoEnterprises, enterprisesFile } from '../src/server/core/enterprises/enterprises.demo';
import { ensureServicesDemo } from '../src/server/modules/services';
import { addCalendarDays } from '../src/shared/rules/working-days';
import { benchApp, benchClient, time } from './support';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50_000);
const TODAY = '2026-12-14';
const firmsFile = enterprisesFile.parse(JSON.parse(fs.readFileSync('scripts/demo/baofeng-enterprises.json', 'utf8')));

const bench = await benchApp('services', { today: TODAY });
const { app, deps, handle, clock } = bench;
try {
  await ensureDemoEnterprises(deps, firmsFile);
  await ensureServicesDemo(deps);

  const units = await handle.db.selectFrom('orgUnits').select(['id', 'code', 'kind']).execute();
  const departments = units.filter((u) => u.kind === 'department').map((u) => u.id);
  const firms = await handle.db.selectFrom('enterprises').select(['id', 'townshipUnitId']).execute();
  const categories = await handle.db.selectFrom('serviceCategories').select(['id', 'limitDays']).execute();
  const now = clock.now().toISOString();
  const RATINGS = ['satisfied', 'satisfied', 'basic', 'unsatisfied'];

  // Rows written straight in, batch by batch: the bench measures reads, not the writes.
  for (let from = 0; from < REQUESTS; from += 250) {
    const batch = Array.from({ length: Math.min(250, REQUESTS - from) }, (_, k) => {
      const i = from + k;
      const firm = firms[i % firms.length];
      const category = categories[i % categories.length];
      const received = addCalendarDays('2025-01-02', Math.floor((i / REQUESTS) * 700));
      const due = addCalendarDays(received, Math.round(category.limitDays * 1.4));
      const status = received > '2026-11-20' && i % 3 ? 'open' : i % 5 ? 'confirmed' : 'closed';
      const closed = status === 'open' ? null : addCalendarDays(received, (i % 40) + 1);
      return {
        enterpriseId: firm.id,
        townshipUnitId: firm.townshipUnitId,
        // Most requests reach the firm's township first; some a department (hotline, meetings).
        ownerUnitId: i % 4 ? firm.townshipUnitId : departments[i % departments.length],
        channel: ['portal', 'visit', 'hotline', 'meeting'][i % 4],
        categoryId: category.id,
        title: `企业诉求 ${i}`,
        content: '诉求内容',
        status,
        receivedDate: received,
        dueDate: due,
        taskId: null,
        reply: closed ? '已办结' : null,
        closedDate: closed,
        workingDays: closed ? Math.round(((i % 40) + 1) * 0.7) : null,
        onTime: closed ? (closed <= due ? 1 : 0) : null,
        rating: status === 'confirmed' ? RATINGS[i % 4] : null,
        ratingComment: null,
        ratedAt: status === 'confirmed' ? now : null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    const ids = (await handle.db.insertInto('serviceRequests').values(batch).returning('id').execute()).map((r) => r.id);
    const parts = ids.flatMap((requestId, k) =>
      Array.from({ length: requestId % 2 ? (requestId % 4 === 1 ? 2 : 1) : 0 }, (_, p) => ({
        requestId,
        unitId: departments[(requestId + p * 7) % departments.length],
        reason: '分办',
        dueDate: addCalendarDays(batch[k].receivedDate, 5),
        taskId: null,
        status: batch[k].status === 'open' ? 'open' : 'replied',
        reply: batch[k].status === 'open' ? null : '已回复',
        repliedDate: batch[k].status === 'open' ? null : addCalendarDays(batch[k].receivedDate, (requestId % 8) + 1),
        repliedAt: null,
        repliedBy: null,
        createdAt: now,
      })),
    );
    for (let i = 0; i < parts.length; i += 500)
      await handle.db
        .insertInto('serviceRequestParts')
        .values(parts.slice(i, i + 500))
        .execute();
  }
  if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
  const partCount = await handle.db
    .selectFrom('serviceRequestParts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(`\nservices on ${handle.dialect}: ${REQUESTS} requests, ${partCount.n} parts, ${firms.length} firms, today ${TODAY}`);

  const { login, get } = benchClient(app);
  const office = await login('office');
  const yangzhuang = await login('yangzhuang');
  const zrzyj = await login('zrzyj');
  const wuxing = await login('wuxing');
  await time('GET /api/services/stats?year=2026 (office, every unit)', 30, () => get(office, '/api/services/stats?year=2026'));
  await time('GET /api/services/stats?year=2026&quarter=3 (office)', 30, () => get(office, '/api/services/stats?year=2026&quarter=3'));
  await time('GET /api/services/stats?year=2026 (township)', 30, () => get(yangzhuang, '/api/services/stats?year=2026'));
  await time('GET /api/services/requests (office, page 1, newest)', 30, () => get(office, '/api/services/requests?sort=id&order=desc'));
  await time('GET /api/services/requests?overdue=true&sort=dueDate (office)', 30, () => get(office, '/api/services/requests?overdue=true&sort=dueDate'));
  await time('GET /api/services/requests?q=… (office, search)', 30, () => get(office, '/api/services/requests?q=%E8%AF%89%E6%B1%82%2049'));
  await time('GET /api/services/requests?page=500 (office)', 30, () => get(office, '/api/services/requests?page=500&pageSize=20'));
  await time('GET /api/services/requests (township, own firms)', 30, () => get(yangzhuang, '/api/services/requests?sort=id&order=desc'));
  await time('GET /api/services/requests (department, owned or parts)', 30, () => get(zrzyj, '/api/services/requests?sort=id&order=desc'));
  await time('GET /api/services/requests (firm, own)', 30, () => get(wuxing, '/api/services/requests?sort=id&order=desc'));
  await time('GET /api/services/requests/:id (office)', 30, () => get(office, '/api/services/requests/25000'));
} finally {
  await bench.close();
}
