import { periodOf } from '../../../shared/rules/visits-coverage';
import { addCalendarDays } from '../../../shared/rules/working-days';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { countyDay } from '../../core/scheduler/scheduler';
import { DEMO_PASSWORD, createAccount, demoUserContext } from '../../core/setup/bootstrap';
import { usersRepository } from '../../core/users/users.repository';
import { visitsRepository } from './visits.repository';
import { writeVisit } from './visits.service';

/** Two more chief service officers beside `stainless.team` (郑专员): one in the same team, one in the graphite team. */
const OFFICERS = [
  { username: 'stainless.li', displayName: '李专员', unitCode: 'team-stainless', roleCodes: ['service_officer'] },
  { username: 'graphite.team', displayName: '王专员', unitCode: 'team-graphite', roleCodes: ['service_officer'] },
];

const TALKS = [
  '了解一季度生产经营情况，企业订单饱满，产能利用率约八成。',
  '宣讲技改补助和研发费用加计扣除政策，企业有意申报技改项目。',
  '企业反映用工紧张，尤其是熟练焊工和电工，已记录并转人社部门。',
  '查看新建车间进度，设备已进场，预计下月试生产。',
  '企业计划扩产，咨询新增用地和环评手续办理流程。',
  '了解出口订单变化和原材料价格走势，企业资金周转正常。',
];
const PEOPLE = ['总经理、财务负责人', '董事长、生产副总', '办公室主任', '总经理、技术负责人'];
const PROBLEMS = [
  { text: '厂区东侧道路破损严重，重型货车进出困难，请协调修复。', unit: 'jtysj', days: 15 },
  { text: '新上生产线需增容 2000 千伏安，供电方案尚未批复。', unit: 'gdgs', days: 10 },
  { text: '急需招聘熟练焊工 20 名，请协助对接职业技能培训学校。', unit: 'rsj', days: 20 },
  { text: '技改项目环评手续办理进度慢，请协调加快审批。', unit: 'sthjj', days: 10 },
];

/**
 * The demo of the visits module, dated from today: the stainless and graphite firms assigned to three officers (one
 * handed over a month ago), cadre exchanges, about thirty visits over this year and the last quarter (some with
 * problems that are open tasks and requests) and some firms not yet visited this quarter. Once, when no assignment exists.
 */
export async function ensureVisitsDemo(deps: Deps) {
  await deps.db.transaction().execute(async (trx) => {
    for (const o of OFFICERS) {
      if (await usersRepository.findByUsername(trx, o.username)) continue;
      if (!(await trx.selectFrom('orgUnits').select('id').where('code', '=', o.unitCode).executeTakeFirst())) continue;
      await createAccount(deps, trx, { ...o, password: DEMO_PASSWORD, mustChange: false });
    }
    if (await trx.selectFrom('visitAssignments').select('id').limit(1).executeTakeFirst()) return;
    await loadDemo(trx, deps);
  });
}

async function loadDemo(trx: Trx, deps: Deps) {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const today = countyDay(now);
  const at = (day: string) => (`${day}T01:00:00.000Z` < nowIso ? `${day}T01:00:00.000Z` : nowIso);
  const users = await trx
    .selectFrom('users')
    .select(['id', 'username', 'displayName', 'unitId'])
    .where('username', 'in', ['stainless.team', 'stainless.li', 'graphite.team', 'office'])
    .execute();
  const user = (name: string) => users.find((u) => u.username === name);
  const zheng = user('stainless.team');
  const li = user('stainless.li');
  const wang = user('graphite.team');
  if (!zheng || !li || !wang) return;
  const units = await trx.selectFrom('orgUnits').select(['id', 'code']).execute();
  const unit = (code: string) => units.find((u) => u.code === code)?.id;
  const firmsOf = (team: string) =>
    trx
      .selectFrom('enterprises')
      .select(['id', 'name', 'townshipUnitId'])
      .where('serviceTeamUnitId', '=', unit(team) ?? -1)
      .orderBy('id')
      .execute();
  const stainless = await firmsOf('team-stainless');
  const graphite = await firmsOf('team-graphite');
  if (stainless.length < 8 || graphite.length < 4) return;

  // Assignments: since a year and a half; one firm handed from 李专员 to 郑专员 a month ago.
  const since = addCalendarDays(today, -540);
  const handover = addCalendarDays(today, -30);
  const plan: { firm: (typeof stainless)[number]; officer: typeof zheng }[] = [
    ...stainless.slice(0, 6).map((firm) => ({ firm, officer: zheng })),
    ...stainless.slice(6).map((firm) => ({ firm, officer: li })),
    ...graphite.map((firm) => ({ firm, officer: wang })),
  ];
  const handed = stainless[6];
  for (const { firm, officer } of plan) {
    const first = handed && firm.id === handed.id;
    await trx
      .insertInto('visitAssignments')
      .values({
        enterpriseId: firm.id,
        officerUserId: officer.id,
        teamUnitId: officer.unitId,
        fromDate: since,
        toDate: first ? addCalendarDays(handover, -1) : null,
        note: '',
        createdBy: null,
        createdAt: at(since),
        updatedAt: first ? at(handover) : at(since),
      })
      .execute();
    if (first)
      await trx
        .insertInto('visitAssignments')
        .values({
          enterpriseId: firm.id,
          officerUserId: zheng.id,
          teamUnitId: zheng.unitId,
          fromDate: handover,
          toDate: null,
          note: '工作调整',
          createdBy: null,
          createdAt: at(handover),
          updatedAt: at(handover),
        })
        .execute();
    await visitsRepository.setChiefOfficer(trx, firm.id, first ? zheng.id : officer.id, nowIso);
  }

  // Cadre exchanges.
  const [w, g] = [graphite[0], graphite[1]];
  const exchanges = [
    { personName: '赵明远', direction: 'to_firm', unit: 'gxj', firm: w, role: '驻企服务专员', from: addCalendarDays(today, -200), to: null },
    {
      personName: '孙立华',
      direction: 'to_firm',
      unit: 'kjj',
      firm: g,
      role: '科技副总（挂职）',
      from: addCalendarDays(today, -120),
      to: addCalendarDays(today, 245),
    },
    { personName: '周建国', direction: 'to_unit', unit: 'gxj', firm: stainless[0], role: '产业链专班挂职副组长', from: addCalendarDays(today, -90), to: null },
    {
      personName: '钱文静',
      direction: 'to_firm',
      unit: 'fgw',
      firm: stainless[1],
      role: '驻企联络员',
      from: addCalendarDays(today, -500),
      to: addCalendarDays(today, -135),
    },
  ];
  for (const e of exchanges) {
    const unitId = unit(e.unit);
    if (!unitId || !e.firm) continue;
    await trx
      .insertInto('visitExchanges')
      .values({
        personName: e.personName,
        direction: e.direction,
        unitId,
        enterpriseId: e.firm.id,
        role: e.role,
        fromDate: e.from,
        toDate: e.to,
        note: '',
        createdBy: null,
        createdAt: at(e.from),
        updatedAt: at(e.from),
      })
      .execute();
  }

  // Visits: the last quarter (most firms), earlier this year (a few) and this quarter (about half, the latest with problems).
  const quarter = periodOf('quarter', today);
  const lastQuarter = periodOf('quarter', addCalendarDays(quarter.start, -1));
  const holder = (firmId: number) => (handed && firmId === handed.id ? zheng : (plan.find((p) => p.firm.id === firmId)?.officer ?? zheng));
  const all = plan.map((p) => p.firm);
  const within = (start: string, end: string, i: number, n: number) => {
    const span = Math.max(0, (Date.parse(end) - Date.parse(start)) / 86_400_000);
    return addCalendarDays(start, Math.floor((span * (i + 1)) / (n + 1)));
  };
  const visits: { firm: (typeof all)[number]; day: string; problems: typeof PROBLEMS }[] = [];
  const previous = all.slice(0, 14);
  for (const [i, firm] of previous.entries()) visits.push({ firm, day: within(lastQuarter.start, lastQuarter.end, i, previous.length), problems: [] });
  const earlier = periodOf('quarter', addCalendarDays(lastQuarter.start, -1));
  for (const [i, firm] of all.slice(14, 18).entries()) visits.push({ firm, day: within(earlier.start, earlier.end, i, 4), problems: [] });
  // This quarter: every other firm, the stainless team first; every third of them with one problem.
  const current = all.filter((_, i) => i % 2 === 0).slice(0, 12);
  const lastDay = today;
  current.forEach((firm, i) => {
    visits.push({
      firm,
      day: within(quarter.start, lastDay, i, current.length),
      problems: i % 3 === 1 ? [PROBLEMS[Math.floor(i / 3) % PROBLEMS.length] as (typeof PROBLEMS)[number]] : [],
    });
  });
  for (const [i, v] of visits.entries()) {
    const officer = holder(v.firm.id);
    const ctx = await demoUserContext(trx, officer.username);
    if (!ctx) continue;
    const problems = v.problems.flatMap((p) => {
      const ownerUnitId = unit(p.unit);
      return ownerUnitId ? [{ text: p.text, ownerUnitId, workingDays: p.days }] : [];
    });
    await writeVisit(
      trx,
      deps,
      ctx,
      {
        enterpriseId: v.firm.id,
        visitDate: v.day,
        officerUserIds: [officer.id],
        peopleMet: PEOPLE[i % PEOPLE.length] as string,
        discussion: TALKS[i % TALKS.length] as string,
        problems,
      },
      v.firm,
      officer.unitId,
      problems.length > 0 ? nowIso : at(v.day),
    );
  }
  await recordAudit(trx, deps, systemContext(), {
    action: 'setup.load_visits',
    entityType: 'visit',
    entityId: null,
    after: { assignments: plan.length + 1, exchanges: exchanges.length, visits: visits.length },
  });
}
