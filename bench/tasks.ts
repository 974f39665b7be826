// Task engine at county scale: the daily escalation job over 10,000 tasks (first run and the idempotent re-run) and
// task list latency (p50/p95) through the full app. Prints figures; asserts nothing.
//   npx tsx bench/tasks.ts                                  SQLite (temporary file)
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/tasks.ts  PostgreSQL (a temporary schema, dropped afterwards)
import { benchApp, time } from './support';
import { escalateTasks } from '../src/server/core/tasks/escalation';
import { DEMO_PASSWORD } from '../src/server/core/setup/bootstrap';
import { addCalendarDays } from '../src/shared/rules/working-days';

const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const TODAY = '2026-03-16';

// 09:00 county time on a Monday, so "today" is fixed whatever day the bench runs.
const bench = await benchApp('tasks', { today: TODAY });
const { app, deps, handle, clock } = bench;
try {
  // Tasks spread over the townships and departments, due from 30 days ago to 30 days ahead: about half are overdue.
  const units = (await handle.db.selectFrom('orgUnits').select('id').where('kind', 'in', ['township', 'department']).execute()).map((u) => u.id);
  const office = await handle.db.selectFrom('orgUnits').select('id').where('code', '=', 'office').executeTakeFirstOrThrow();
  const statuses = ['open', 'in_progress', 'submitted', 'returned', 'done', 'cancelled'];
  const now = clock.now().toISOString();
  const rows = Array.from({ length: TASKS }, (_, i) => {
    const due = addCalendarDays(TODAY, (i % 61) - 30);
    const created = addCalendarDays(due, -10);
    const status = statuses[i % statuses.length];
    return {
      type: 'adhoc',
      title: `督办事项 ${i}`,
      description: '',
      sourceModule: null,
      sourceId: null,
      enterpriseId: null,
      ownerUnitId: units[i % units.length],
      assigneeUserId: null,
      createdByUserId: null,
      createdByUnitId: office.id,
      createdDate: created,
      dueDate: due,
      dueSoonDate: addCalendarDays(due, -2),
      status,
      submittedDate: status === 'done' || status === 'submitted' ? due : null,
      finishedDate: status === 'done' ? due : null,
      wasOverdue: 0,
      escalationStep: 0,
      createdAt: now,
      updatedAt: now,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await handle.db
      .insertInto('tasks')
      .values(rows.slice(i, i + 500))
      .execute();
  console.log(`\ntasks on ${handle.dialect}: ${TASKS} tasks over ${units.length} units, today ${TODAY}`);

  let t0 = performance.now();
  const first = await escalateTasks(deps);
  console.log(`  escalation job, first run                      ${(performance.now() - t0).toFixed(0)} ms (${first})`);
  t0 = performance.now();
  const second = await escalateTasks(deps);
  console.log(`  escalation job, second run                     ${(performance.now() - t0).toFixed(0)} ms (${second})`);

  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    return `icp_sid=${res.cookies[0].value}`;
  };
  const officeSession = await login('office');
  const dayingSession = await login('daying');
  const get = (cookie: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  await time('GET /api/tasks (office, all, by due date)', 100, () => get(officeSession, '/api/tasks?view=all'));
  await time('GET /api/tasks?state=overdue (office)', 100, () => get(officeSession, '/api/tasks?view=all&state=overdue'));
  await time('GET /api/tasks?view=unit (township)', 100, () => get(dayingSession, '/api/tasks?view=unit'));
  await time('GET /api/tasks/:id (township, scoped 404)', 100, () => get(dayingSession, '/api/tasks/2'));
  await time('GET /api/notifications/unread-count', 100, () => get(dayingSession, '/api/notifications/unread-count'));
  await time('GET /api/tasks/export.xlsx (all 10,000)', 3, () => get(officeSession, '/api/tasks/export.xlsx?view=all'));
} finally {
  await bench.close();
}
