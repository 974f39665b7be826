import { sql } from 'kysely';
import { LEAD_STAGES, daysBefore } from '../src/shared/rules/chains-attraction';
import { benchApp, benchClient, time } from './support';

const SCALES = (process.env.BENCH_LEADS ?? '300,20000').split(',').map(Number);
const TODAY = '2026-12-14';

const bench = await benchApp('chains', { today: TODAY });
const { app, handle, clock } = bench;
try {
  const units = await handle.db.selectFrom('orgUnits').select(['id', 'code', 'kind']).execute();
  const teams = units.filter((u) => u.kind === 'service_team').map((u) => u.id);
  const townships = units.filter((u) => u.kind === 'township').map((u) => u.id);
  const now = clock.now().toISOString();
  const chainIds: number[] = [];
  for (const [i, team] of teams.entries()) {
    const { id } = await handle.db
      .insertInto('chains')
      .values({
        code: `CL${i}`,
        nameZh: `产业链 ${i}`,
        nameEn: `Chain ${i}`,
        teamUnitId: team,
        groupUnitId: null,
        leaderUserId: null,
        description: '',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    chainIds.push(id);
    for (const [k, tier] of ['upstream', 'midstream', 'downstream'].entries())
      await handle.db
        .insertInto('chainSegments')
        .values({ chainId: id, tier, name: `环节 ${k}`, keyProducts: '', weak: k % 2, weakNote: '', sortOrder: k })
        .execute();
  }

  const { login, get } = benchClient(app);
  const office = await login('office');
  const team = await login('stainless.team');

  let written = 0;
  for (const target of SCALES) {
    // Rows written straight in, batch by batch: the bench measures reads, not the writes.
    for (; written < target; ) {
      const batch = Array.from({ length: Math.min(250, target - written) }, (_, k) => {
        const i = written + k;
        const stageOrder = i % LEAD_STAGES.length;
        const created = daysBefore(TODAY, 30 + (i % 700));
        const signed = stageOrder >= 4 ? daysBefore(TODAY, i % 700) : null;
        const chain = i % chainIds.length;
        return {
          name: `招商项目 ${i}`,
          investor: `投资方 ${i % 997}`,
          source: 'visit',
          industryCode: 'C31',
          chainId: chainIds[chain],
          teamUnitId: teams[chain],
          townshipUnitId: townships[i % townships.length],
          plannedInvestmentFen: 1_000_000_000 * (1 + (i % 40)),
          contractInvestmentFen: stageOrder >= 4 ? 1_000_000_000 * (1 + (i % 40)) : null,
          stage: LEAD_STAGES[stageOrder],
          stageOrder,
          signedDate: signed,
          startedDate: stageOrder >= 5 ? signed : null,
          producingDate: stageOrder >= 6 ? signed : null,
          contact: '',
          note: '',
          nextStep: '',
          nextStepDate: null,
          taskId: null,
          projectId: null,
          createdBy: null,
          createdAt: `${created}T02:00:00.000Z`,
          updatedAt: `${daysBefore(TODAY, i % 90)}T02:00:00.000Z`,
        };
      });
      const ids = (await handle.db.insertInto('chainLeads').values(batch).returning('id').execute()).map((r) => r.id);
      const events = ids.flatMap((leadId, k) =>
        Array.from({ length: batch[k].stageOrder + 1 }, (_, s) => ({
          leadId,
          at: batch[k].createdAt,
          date: batch[k].createdAt.slice(0, 10),
          userId: null,
          kind: s ? 'stage' : 'created',
          fromStage: s ? LEAD_STAGES[s - 1] : null,
          toStage: LEAD_STAGES[s],
          note: '',
        })),
      );
      for (let i = 0; i < events.length; i += 500)
        await handle.db
          .insertInto('chainLeadEvents')
          .values(events.slice(i, i + 500))
          .execute();
      written += batch.length;
    }
    // As autovacuum would have by the time anyone looks: the planner needs statistics of the freshly filled tables.
    if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
    console.log(`\nchains on ${handle.dialect}: ${chainIds.length} chains, ${target} leads, today ${TODAY}`);
    await time('GET /api/leads (office, page 1, latest first)', 30, () => get(office, '/api/leads?sort=updatedAt&order=desc'));
    await time('GET /api/leads?stalled=true (office)', 30, () => get(office, '/api/leads?stalled=true'));
    await time('GET /api/leads?sort=plannedInvestmentFen&page=10 (office)', 30, () => get(office, '/api/leads?sort=plannedInvestmentFen&order=desc&page=10'));
    await time('GET /api/leads (team officer, own team)', 30, () => get(team, '/api/leads'));
    await time('GET /api/leads/scoreboard (office, all teams)', 30, () => get(office, '/api/leads/scoreboard?year=2026'));
    await time('GET /api/leads/scoreboard (team officer)', 30, () => get(team, '/api/leads/scoreboard?year=2026'));
    await time('GET /api/chains (office)', 30, () => get(office, '/api/chains'));
    await time('GET /api/chains/:id (office, with its leads)', 30, () => get(office, `/api/chains/${chainIds[0]}`));
    await time('GET /api/leads/:id (office)', 30, () => get(office, '/api/leads/1'));
  }
} finally {
  await bench.close();
}
