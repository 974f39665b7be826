import { sql } from 'kysely';
import { DEFAULT_MILESTONES, PROJECT_STAGES, addDays, defaultMilestoneDue } from '../src/shared/rules/project-progress';
import { benchApp, benchClient, time } from './support';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 5_000);
const TODAY = '2026-12-14';

const bench = await benchApp('projects', { today: TODAY });
const { app, handle, clock } = bench;
try {
  const units = await handle.db.selectFrom('orgUnits').select(['id', 'code', 'kind']).execute();
  const townships = units.filter((u) => u.kind === 'township').map((u) => u.id);
  const chains = units.filter((u) => u.kind === 'industry_group').map((u) => u.id);
  const departments = units.filter((u) => u.kind === 'department').map((u) => u.id);
  const leader = await handle.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow();
  const now = clock.now().toISOString();
  // Twelve months up to the last closed one (November): December of last year, then this year to November.
  const months = ['2025-12', ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)];

  // Rows written straight in, batch by batch: the bench measures reads, not the import.
  for (let from = 0; from < PROJECTS; from += 250) {
    const batch = Array.from({ length: Math.min(250, PROJECTS - from) }, (_, k) => {
      const i = from + k;
      const start = addDays('2025-06-01', (i * 7) % 540);
      return {
        code: `P${String(i).padStart(6, '0')}`,
        name: `重点项目 ${i}`,
        library: i % 3 ? 'three_transformations' : 'strong_county',
        types: i % 3 ? ['intelligent', 'green', 'technical'][i % 3] : '',
        enterpriseId: null,
        chainUnitId: chains[i % chains.length],
        townshipUnitId: townships[i % townships.length],
        stage: PROJECT_STAGES[i % PROJECT_STAGES.length],
        totalInvestmentFen: 10_000_000_000 + (i % 50) * 1_000_000_000,
        annualPlanFen: 1_200_000_000 + (i % 10) * 100_000_000,
        plannedStart: start,
        plannedCompletion: addDays(start, 400),
        plannedProduction: addDays(start, 460),
        leaderUserId: i % 2 ? leader.id : null,
        responsibleUnitId: townships[i % townships.length],
        responsiblePerson: '责任人',
        serviceTeamUnitId: null,
        content: '',
        location: '',
        lng: null,
        lat: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    const ids = (await handle.db.insertInto('projects').values(batch).returning('id').execute()).map((r) => r.id);
    const milestones = ids.flatMap((projectId, k) =>
      DEFAULT_MILESTONES.map((m, seq) => {
        const due = defaultMilestoneDue(m.code, {
          start: batch[k].plannedStart,
          completion: batch[k].plannedCompletion,
          production: batch[k].plannedProduction,
        });
        return {
          projectId,
          seq: seq + 1,
          code: m.code,
          name: m.zh,
          ownerUnitId: departments[(projectId + seq) % departments.length],
          dueDate: due,
          metDate: due < TODAY && (projectId + seq) % 3 ? addDays(due, ((projectId + seq) % 9) - 4) : null,
          note: '',
          taskId: null,
          updatedAt: now,
        };
      }),
    );
    for (let i = 0; i < milestones.length; i += 500)
      await handle.db
        .insertInto('projectMilestones')
        .values(milestones.slice(i, i + 500))
        .execute();
    const investments = ids.flatMap((projectId, k) =>
      months.map((month, m) => ({
        projectId,
        month,
        completedFen: Math.round((batch[k].annualPlanFen / 12) * [1.1, 0.9, 0.6, 0.3][(projectId + m) % 4]),
        progressText: '',
        locked: 1,
        reportedBy: null,
        reportedAt: now,
      })),
    );
    for (let i = 0; i < investments.length; i += 500)
      await handle.db
        .insertInto('projectInvestments')
        .values(investments.slice(i, i + 500))
        .execute();
  }
  // As autovacuum would have by the time anyone looks: the planner needs statistics of the freshly filled tables.
  if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
  console.log(`\nprojects on ${handle.dialect}: ${PROJECTS} projects × ${DEFAULT_MILESTONES.length} milestones × ${months.length} months, today ${TODAY}`);

  const { login, get } = benchClient(app);
  const office = await login('office');
  const daying = await login('daying');
  const gxj = await login('gxj');
  await time('GET /api/projects/board (office, all)', 30, () => get(office, '/api/projects/board'));
  await time('GET /api/projects/board?library=… (office)', 30, () => get(office, '/api/projects/board?library=three_transformations'));
  await time('GET /api/projects/board (township)', 30, () => get(daying, '/api/projects/board'));
  await time('GET /api/projects (office, page 1 by code)', 30, () => get(office, '/api/projects'));
  await time('GET /api/projects?colour=red&sort=ytdFen (office)', 30, () => get(office, '/api/projects?colour=red&sort=ytdFen&order=desc'));
  await time('GET /api/projects?page=100 (office)', 30, () => get(office, '/api/projects?page=100&pageSize=20'));
  await time('GET /api/projects (department, own milestones)', 30, () => get(gxj, '/api/projects'));
  await time('GET /api/projects/gantt (office, 15 projects)', 30, () => get(office, '/api/projects/gantt?pageSize=15'));
  await time('GET /api/projects/:id (office)', 30, () => get(office, '/api/projects/2500'));
} finally {
  await bench.close();
}
