import type { CreateProjectBody } from '../../../shared/modules/projects.schemas';
import {
  DEFAULT_MILESTONES,
  type ProjectStage,
  addDays,
  defaultMilestoneDue,
  lastClosedMonth,
  milestoneDoneAtStage,
} from '../../../shared/rules/project-progress';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { countyDay } from '../../core/scheduler/scheduler';
import { DEMO_PASSWORD, createAccount } from '../../core/setup/bootstrap';
import { events } from '../../core/events/events';
import { finishTask } from '../../core/tasks/tasks.service';
import { addMonths } from './dates';
import { projectsRepository } from './projects.repository';
import { insertProject, milestoneTask } from './projects.service';

/** The county leaders who take projects (分包县领导) beside the demo county's 李县长. */
const DEMO_LEADERS = [
  { username: 'leader.zhang', displayName: '张副县长' },
  { username: 'leader.liu', displayName: '刘副县长' },
  { username: 'leader.chen', displayName: '陈副县长' },
];

// A chain team of the demo firms → the industry group the project library files it under.
const CHAIN_OF_TEAM: Record<string, string> = {
  'team-stainless': 'grp-stainless',
  'team-coalchem': 'grp-coalchem',
  'team-graphite': 'grp-carbon',
  'team-optics': 'grp-optics',
  'team-food': 'grp-food',
  'team-ceramics': 'grp-ceramics',
};
const CHAINS = Object.keys(CHAIN_OF_TEAM);

// What each chain's projects build, for names and content.
const WORKS: Record<string, [string, string][]> = {
  'team-stainless': [
    ['不锈钢精密带钢智能化改造', '新建 20 辊精轧机组及智能仓储，年增精密带钢 8 万吨'],
    ['不锈钢废料循环利用绿色化改造', '建设废钢预处理及余热回收系统，年减排二氧化碳 1.2 万吨'],
    ['高端不锈钢管材技术改造', '引进冷轧管机 12 台，年产高端不锈钢管材 3 万吨'],
  ],
  'team-coalchem': [
    ['焦炉煤气综合利用制氢', '建设焦炉煤气提氢装置，年产高纯氢 1 万吨'],
    ['煤焦油深加工技术改造', '新建煤焦油加氢装置，年处理煤焦油 30 万吨'],
    ['化工园区智能管控平台', '建设 DCS 与安全仪表系统，实现全流程智能管控'],
  ],
  'team-graphite': [
    ['等静压石墨智能化生产线', '新建等静压成型及石墨化炉 6 台，年产等静压石墨 1 万吨'],
    ['负极材料绿色化改造', '建设石墨化余热发电及粉尘治理系统'],
    ['超高功率石墨电极技术改造', '新上焙烧炉及浸渍设备，年产超高功率电极 5 万吨'],
  ],
  'team-optics': [
    ['眼镜智能制造产业园', '建设标准化厂房 5 万平方米，引入镜架智能生产线 20 条'],
    ['树脂镜片绿色化改造', '建设废水循环处理系统，单位产品能耗降低 20%'],
    ['视光产品检测中心', '建设光学检测实验室及公共服务平台'],
  ],
  'team-food': [
    ['酒业智能化酿造改造', '新建智能酿造车间及自动化灌装线 4 条'],
    ['农产品冷链物流中心', '建设冷库 2 万吨及分拣配送中心'],
    ['食品加工绿色化改造', '建设污水处理及生物质锅炉替代燃煤锅炉'],
  ],
  'team-ceramics': [
    ['汝瓷文化产业园', '建设汝瓷研发、烧制、展示一体化园区'],
    ['陶瓷窑炉绿色化改造', '燃煤窑炉改天然气窑炉 12 座，配套脱硫脱硝'],
    ['日用陶瓷智能化生产线', '引进等静压成型及机器人施釉生产线 3 条'],
  ],
};

// 40 projects across the stages: how many in each.
const STAGES: [ProjectStage, number][] = [
  ['planning', 4],
  ['preliminary', 7],
  ['new_start', 7],
  ['construction', 14],
  ['completed', 4],
  ['production', 4],
];

/** A small deterministic generator, so the demo is the same on every load. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const dayIn = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

interface Firm {
  id: number;
  name: string;
  townshipUnitId: number;
  team: string;
}

/**
 * About 40 Baofeng key projects across both libraries and all stages, tied to the demo firms and their chains, with
 * milestones in every state (met, met late, overdue, due soon, pending) as 督办 tasks, and monthly investment for the
 * twelve months up to the last closed month (locked but for that one). Everything is dated from today: nothing lies
 * in the future but plans. Added once, when the library is empty.
 */
export async function ensureDemoProjects(deps: Deps): Promise<boolean> {
  if (await deps.db.selectFrom('projects').select('id').limit(1).executeTakeFirst()) return false;
  const today = countyDay(deps.clock.now());
  const asOf = lastClosedMonth(today);
  // Met milestones close their tasks through the engine, whose `taskClosed` may have after-commit subscribers.
  await events.transaction(deps, async (trx) => {
    for (const l of DEMO_LEADERS)
      if (!(await trx.selectFrom('users').select('id').where('username', '=', l.username).executeTakeFirst()))
        await createAccount(deps, trx, { ...l, unitCode: 'baofeng', roleCodes: ['leader'], password: DEMO_PASSWORD, mustChange: false });
    const leaders = (await projectsRepository.leaderUsers(trx)).map((u) => u.id);
    const units = new Map((await trx.selectFrom('orgUnits').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
    const firms = await firmsByTeam(trx);
    const office = units.get('office') as number;
    const random = rng(20211);
    let n = 0;
    for (const [stage, count] of STAGES) {
      for (let k = 0; k < count; k++, n++) {
        const team = CHAINS[n % CHAINS.length];
        const pool = firms.filter((f) => f.team === team);
        const firm = pool[Math.floor(n / CHAINS.length) % pool.length];
        const [work, content] = WORKS[team][n % 3];
        const strong = n % 3 === 0;
        const totalWan = Math.round((strong ? 20_000 + random() * 80_000 : 2_000 + random() * 18_000) / 100) * 100;
        const plan = planDates(stage, today, k, random);
        // Only projects building this year carry this year's plan; the others' plans lie in other years.
        const building = stage === 'construction' || stage === 'completed';
        const annualWan = building ? Math.round((totalWan * (stage === 'completed' ? 0.15 : 0.3 + random() * 0.3)) / 10) * 10 : 0;
        const body: CreateProjectBody = {
          code: `BF${today.slice(0, 4)}-${String(n + 1).padStart(3, '0')}`,
          name: `${firm.name.replace(/有限公司|股份有限公司/, '')}${work}项目`,
          library: strong ? 'strong_county' : 'three_transformations',
          types: strong
            ? []
            : ([['intelligent'], ['green'], ['technical'], ['intelligent', 'technical'], ['green', 'technical']][n % 5] as CreateProjectBody['types']),
          enterpriseId: firm.id,
          chainUnitId: units.get(CHAIN_OF_TEAM[team]) ?? null,
          townshipUnitId: firm.townshipUnitId,
          stage,
          totalInvestmentFen: totalWan * 1_000_000,
          annualPlanFen: annualWan * 1_000_000,
          plannedStart: plan.start,
          plannedCompletion: plan.completion,
          plannedProduction: plan.production,
          leaderUserId: leaders[n % leaders.length] ?? null,
          responsibleUnitId: firm.townshipUnitId,
          responsiblePerson: ['王建国', '李红梅', '赵志强', '孙丽娟', '周海涛'][n % 5],
          serviceTeamUnitId: units.get(team) ?? null,
          content,
          location: `宝丰县${['产业集聚区', '先进制造业开发区', '商务中心区'][n % 3]}`,
          lng: Math.round((113.05 + random() * 0.12) * 10_000) / 10_000,
          lat: Math.round((33.83 + random() * 0.1) * 10_000) / 10_000,
        };
        const id = await insertProject(trx, deps, systemContext(), body, { skipMilestones: true, createdByUnitId: office });
        await demoMilestones(trx, deps, { id, ...body }, today, units, office, random);
        await demoInvestment(trx, id, body, { asOf, now: deps.clock.now() }, n, random);
      }
    }
    await recordAudit(trx, deps, systemContext(), { action: 'project.import', entityType: 'project', entityId: null, after: { demo: true, projects: n } });
  });
  return true;
}

async function firmsByTeam(trx: Trx): Promise<Firm[]> {
  const rows = await trx
    .selectFrom('enterprises')
    .innerJoin('orgUnits', 'orgUnits.id', 'enterprises.serviceTeamUnitId')
    .select(['enterprises.id', 'enterprises.name', 'enterprises.townshipUnitId', 'orgUnits.code as team'])
    .where('orgUnits.code', 'in', CHAINS)
    .orderBy('enterprises.id')
    .execute();
  if (!rows.length) throw new Error('Demo projects need the demo enterprises loaded first');
  return rows;
}

/** Planned dates by stage, around today: plans ahead for early stages, behind for finished ones; a few late starts. */
function planDates(stage: ProjectStage, today: string, k: number, random: () => number) {
  const month = today.slice(0, 7);
  const at = (months: number) => dayIn(addMonths(month, months), 1 + Math.floor(random() * 27));
  const span = (from: string, months: number) => dayIn(addMonths(from.slice(0, 7), months), Number(from.slice(8, 10)));
  let start: string;
  if (stage === 'planning') start = at(4 + (k % 5));
  else if (stage === 'preliminary')
    start = k < 2 ? at(-1 - k * 3) : at(1 + (k % 4)); // two already late
  else if (stage === 'new_start')
    start = k < 3 ? at(-1 - k * 2) : at(k % 2); // some late, by up to five months
  else if (stage === 'construction') start = at(-6 - (k % 9));
  else if (stage === 'completed') start = at(-20 - k);
  else start = at(-26 - k);
  const build = stage === 'completed' ? 17 : stage === 'production' ? 18 : 14 + (k % 6);
  const completion = span(start, build);
  return { start, completion, production: span(completion, 2 + (k % 2)) };
}

/**
 * The standard milestones with states spread over what the demo should show: earlier stages met (a few late), the
 * current stage's due soon, pending or overdue. Each is a 督办 task created when it was set, 45 days before its date.
 */
async function demoMilestones(
  trx: Trx,
  deps: Deps,
  p: CreateProjectBody & { id: number },
  today: string,
  units: Map<string, number>,
  office: number,
  random: () => number,
) {
  const plan = { start: p.plannedStart, completion: p.plannedCompletion, production: p.plannedProduction };
  for (const [i, m] of DEFAULT_MILESTONES.entries()) {
    const ownerUnitId = units.get(m.unitCode) ?? p.responsibleUnitId;
    let due = defaultMilestoneDue(m.code, plan);
    const done = milestoneDoneAtStage(m.stage, p.stage);
    let met: string | null = null;
    if (done) {
      // One in five met late, the rest a few days early; never after today.
      const late = random() < 0.2;
      met = addDays(due, late ? 5 + Math.floor(random() * 25) : -Math.floor(random() * 10));
      if (met > today) {
        met = today;
        if (due > today) due = today;
      }
    } else if (due < today) {
      // Past its date: half met late since, half still overdue; a late start stays unstarted, so it shows red.
      if (m.code !== 'start' && random() < 0.5) met = [addDays(due, 3 + Math.floor(random() * 20)), today].sort()[0];
    } else if (random() < 0.25) {
      due = addDays(today, 2 + Math.floor(random() * 5)); // due soon
    }
    const created = [addDays(due, -45), today].sort()[0];
    const milestoneId = await projectsRepository.insertMilestone(trx, {
      projectId: p.id,
      seq: i + 1,
      code: m.code,
      name: m.zh,
      ownerUnitId,
      dueDate: due,
      metDate: met,
      note: met && met > due ? '手续材料补正后办结' : '',
      taskId: null,
      updatedAt: deps.clock.now().toISOString(),
    });
    // The task as set on its day: the engine computes due-soon, overdue and escalation from it.
    const then = { ...deps, clock: { now: () => new Date(`${created}T02:00:00Z`) } };
    await milestoneTask(trx, then, systemContext(), p, { id: milestoneId, seq: i + 1, name: m.zh, ownerUnitId, dueDate: due }, { createdByUnitId: office });
    if (met) {
      // Met on its day: the engine closes the task (late when after its due date) and publishes `taskClosed`.
      const row = await projectsRepository.milestone(trx, p.id, milestoneId);
      const onTheDay = { ...deps, clock: { now: () => new Date(`${met}T02:00:00Z`) } };
      await finishTask(trx, onTheDay, systemContext(), row?.taskId ?? null, `节点已完成（${met}）`, 'task.project_milestone', { on: met });
    }
  }
}

/**
 * Twelve months of completed investment up to the last closed month (`asOf`), sized so the colours come out mixed,
 * each reported on the 5th of the following month or, for a month that closed days ago, an hour before `now`.
 */
async function demoInvestment(trx: Trx, id: number, p: CreateProjectBody, { asOf, now }: { asOf: string; now: Date }, n: number, random: () => number) {
  const reportedOn = (month: string) => new Date(Math.min(Date.parse(`${addMonths(month, 1)}-05T02:00:00.000Z`), now.getTime() - 3_600_000)).toISOString();
  if (p.annualPlanFen === 0) return;
  const perMonth = p.annualPlanFen / 12;
  // Most on pace, some behind, a few far behind.
  const pace = [1.05, 0.95, 1.15, 0.72, 1.0, 0.42, 0.9, 1.1][n % 8];
  for (let back = 11; back >= 0; back--) {
    const month = addMonths(asOf, -back);
    if (month < p.plannedStart.slice(0, 7)) continue;
    const fen = Math.round((perMonth * pace * (0.7 + random() * 0.6)) / 10_000) * 10_000;
    await trx
      .insertInto('projectInvestments')
      .values({
        projectId: id,
        month,
        completedFen: fen,
        progressText: ['完成土方开挖及基础施工', '主体钢结构吊装', '设备基础浇筑完成', '主要设备进场安装', '厂房封顶，开始设备调试', '配套管网及道路施工'][
          (n + back) % 6
        ],
        locked: month < asOf ? 1 : 0,
        reportedBy: null,
        reportedAt: reportedOn(month),
      })
      .execute();
  }
}
