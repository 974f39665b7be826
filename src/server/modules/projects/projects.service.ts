import type {
  BoardCard,
  CreateProjectBody,
  GanttPage,
  LeadersView,
  Milestone,
  Project,
  ProjectBoard,
  ProjectFilter,
  ProjectListItem,
  ProjectListQuery,
  UpdateProjectBody,
  createMilestoneBody,
  investmentBody,
  updateMilestoneBody,
} from '../../../shared/modules/projects.schemas';
import { PROJECT_STAGES, projectThresholdsSchema } from '../../../shared/modules/projects.schemas';
import {
  DEFAULT_MILESTONES,
  DEFAULT_PROJECT_THRESHOLDS,
  type ProjectThresholds,
  defaultMilestoneDue,
  lastClosedMonth,
  milestoneDoneAtStage,
  milestoneState,
  projectProgress,
  wasOverdue,
} from '../../../shared/rules/project-progress';
import { dueSoonDate } from '../../../shared/rules/task-deadline';
import type { z } from 'zod';
import { requirePermission, scopeFor } from '../../core/access/access';
import type { RequestContext, UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import { arrangementAround } from '../../core/calendar/calendar.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { fieldError, forbidden, notFound } from '../../core/http/errors';
import { countyDay } from '../../core/scheduler/scheduler';
import { events } from '../../core/events/events';
import { settingsStore } from '../../core/settings/settings-store';
import { tasksRepository } from '../../core/tasks/tasks.repository';
import { createTask, finishTask, reopenTask } from '../../core/tasks/tasks.service';
import { powers } from './projects.policy';
import { type ColourBasis, type ProjectRow, projectsRepository } from './projects.repository';

const thresholdsStore = settingsStore('projects.thresholds', projectThresholdsSchema, DEFAULT_PROJECT_THRESHOLDS, {
  action: 'project.thresholds',
  entityType: 'setting',
});

/** The project colour thresholds in force: stored settings over the defaults of rules.md. */
export function projectThresholds(db: Executor): Promise<ProjectThresholds> {
  return thresholdsStore.read(db);
}

/** Today in the county and the month figures run to (the last closed month). */
export async function colourBasis(deps: Pick<Deps, 'clock'>, db: Executor, today = countyDay(deps.clock.now())): Promise<ColourBasis> {
  return { today, asOfMonth: lastClosedMonth(today), thresholds: await projectThresholds(db) };
}

const splitTypes = (types: string) => (types ? (types.split(',') as ProjectListItem['types']) : []);
const unitBrief = (u: { id: number; nameZh: string; nameEn: string } | undefined, id: number) => ({ id, nameZh: u?.nameZh ?? '', nameEn: u?.nameEn ?? '' });

/** Names of the units, users and firms a page of projects points to, fetched once per page. */
async function lookups(db: Executor, rows: ProjectRow[]) {
  const unitIds = [
    ...new Set(rows.flatMap((r) => [r.townshipUnitId, r.responsibleUnitId, r.chainUnitId, r.serviceTeamUnitId]).filter((x): x is number => !!x)),
  ];
  const userIds = [...new Set(rows.map((r) => r.leaderUserId).filter((x): x is number => !!x))];
  const firmIds = [...new Set(rows.map((r) => r.enterpriseId).filter((x): x is number => !!x))];
  const [units, users, firms] = await Promise.all([
    projectsRepository.units(db, unitIds),
    projectsRepository.users(db, userIds),
    projectsRepository.enterprises(db, firmIds),
  ]);
  return {
    unit: (id: number) =>
      unitBrief(
        units.find((u) => u.id === id),
        id,
      ),
    user: (id: number | null) => (id ? { id, displayName: users.find((u) => u.id === id)?.displayName ?? '' } : null),
    firm: (id: number | null) => (id ? { id, name: firms.find((f) => f.id === id)?.name ?? '' } : null),
  };
}

function listItem(row: ProjectRow, l: Awaited<ReturnType<typeof lookups>>, basis: ColourBasis): ProjectListItem {
  const ytdFen = Number(row.ytdFen ?? 0);
  const p = projectProgress({
    completedThisYearFen: ytdFen,
    annualPlanFen: Number(row.annualPlanFen),
    month: Number(basis.asOfMonth.slice(5, 7)),
    started: Number(row.started) === 1,
    plannedStart: row.plannedStart,
    today: basis.today,
  });
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    library: row.library as ProjectListItem['library'],
    types: splitTypes(row.types),
    enterprise: l.firm(row.enterpriseId),
    chainUnit: row.chainUnitId ? l.unit(row.chainUnitId) : null,
    townshipUnit: l.unit(row.townshipUnitId),
    stage: row.stage as ProjectListItem['stage'],
    totalInvestmentFen: Number(row.totalInvestmentFen),
    annualPlanFen: Number(row.annualPlanFen),
    plannedStart: row.plannedStart,
    plannedCompletion: row.plannedCompletion,
    plannedProduction: row.plannedProduction,
    leader: l.user(row.leaderUserId),
    responsibleUnit: l.unit(row.responsibleUnitId),
    responsiblePerson: row.responsiblePerson,
    ytdFen,
    completion: p.completion,
    gapPp: p.gapPp,
    // The SQL and the pure rule agree; the SQL's answer is the one the list filtered by.
    colour: row.colour as ProjectListItem['colour'],
    overdueMilestones: Number(row.overdueMilestones ?? 0),
  };
}

async function listItems(db: Executor, rows: ProjectRow[], basis: ColourBasis) {
  const l = await lookups(db, rows);
  return rows.map((r) => listItem(r, l, basis));
}

const readScope = (db: Executor, ctx: UserContext) => scopeFor(db, ctx.user, 'project:read');

/** One page of the projects the user may see, with their colours. */
export async function listProjects(deps: Deps, ctx: UserContext, query: ProjectListQuery) {
  requirePermission(ctx, 'project:read');
  const basis = await colourBasis(deps, deps.db);
  const { rows, total } = await projectsRepository.list(deps.db, await readScope(deps.db, ctx), basis, query);
  return { items: await listItems(deps.db, rows, basis), total, page: query.page, pageSize: query.pageSize };
}

/** Every project of the list's filters, in its order, for export. */
export async function allProjects(deps: Deps, ctx: UserContext, query: Omit<ProjectListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'project:read');
  const basis = await colourBasis(deps, deps.db);
  return listItems(deps.db, await projectsRepository.all(deps.db, await readScope(deps.db, ctx), basis, query), basis);
}

const card = (p: ProjectListItem): BoardCard => ({
  id: p.id,
  code: p.code,
  name: p.name,
  library: p.library,
  colour: p.colour,
  completion: p.completion,
  gapPp: p.gapPp,
  annualPlanFen: p.annualPlanFen,
  ytdFen: p.ytdFen,
  townshipUnit: p.townshipUnit,
  leader: p.leader,
  overdueMilestones: p.overdueMilestones,
});

const BOARD_CARDS_PER_STAGE = 60;

/** The battle map: per stage, counts by colour and its first cards, reds first. */
export async function projectBoard(deps: Deps, ctx: UserContext, filter: ProjectFilter): Promise<ProjectBoard> {
  requirePermission(ctx, 'project:read');
  const basis = await colourBasis(deps, deps.db);
  const scope = await readScope(deps.db, ctx);
  // One pass computes every project's colour; only the cards shown are then read in full.
  const all = await projectsRepository.summary(deps.db, scope, basis, filter);
  const rank: Record<string, number> = { red: 0, yellow: 1, green: 2 };
  const stages = filter.stage ? [filter.stage] : PROJECT_STAGES;
  const picked = stages.map((stage) => {
    const rows = all.filter((r) => r.stage === stage);
    const colours = { green: 0, yellow: 0, red: 0 };
    for (const r of rows) colours[r.colour as keyof typeof colours] += 1;
    const shown = rows.sort((a, b) => rank[a.colour] - rank[b.colour] || a.code.localeCompare(b.code)).slice(0, BOARD_CARDS_PER_STAGE);
    return { stage, total: rows.length, colours, ids: shown.map((r) => r.id) };
  });
  const full = await projectsRepository.byIds(
    deps.db,
    scope,
    basis,
    picked.flatMap((c) => c.ids),
  );
  const cards = new Map((await listItems(deps.db, full, basis)).map((p) => [p.id, card(p)]));
  return {
    asOfMonth: basis.asOfMonth,
    columns: picked.map(({ ids, ...c }) => ({ ...c, cards: ids.map((id) => cards.get(id)).filter((x): x is BoardCard => !!x) })),
  };
}

/** Each county leader's projects (分包县领导), for the per-leader view. */
export async function projectsByLeader(deps: Deps, ctx: UserContext, filter: ProjectFilter): Promise<LeadersView> {
  requirePermission(ctx, 'project:read');
  const basis = await colourBasis(deps, deps.db);
  const rows = await projectsRepository.all(deps.db, await readScope(deps.db, ctx), basis, { ...filter, sort: 'code', order: 'asc' }, 2000);
  const items = await listItems(deps.db, rows, basis);
  const groups = new Map<number, LeadersView['items'][number]>();
  for (const p of items) {
    const key = p.leader?.id ?? 0;
    const g = groups.get(key) ?? { leader: p.leader, colours: { green: 0, yellow: 0, red: 0 }, projects: [] };
    g.colours[p.colour] += 1;
    g.projects.push(card(p));
    groups.set(key, g);
  }
  const rank = { red: 0, yellow: 1, green: 2 };
  for (const g of groups.values()) g.projects.sort((a, b) => rank[a.colour] - rank[b.colour] || a.code.localeCompare(b.code));
  // Leaders with red projects first; projects without a leader last.
  return {
    items: [...groups.values()].sort(
      (a, b) => (a.leader ? 0 : 1) - (b.leader ? 0 : 1) || b.colours.red - a.colours.red || b.projects.length - a.projects.length,
    ),
  };
}

function milestoneOf(
  row: Awaited<ReturnType<typeof projectsRepository.milestones>>[number],
  today: string,
  canUpdate: (ownerUnitId: number) => boolean,
): Milestone {
  return {
    id: row.id,
    seq: row.seq,
    code: row.code,
    name: row.name,
    ownerUnit: { id: row.ownerUnitId, nameZh: row.unitNameZh, nameEn: row.unitNameEn },
    dueDate: row.dueDate,
    metDate: row.metDate,
    note: row.note,
    state: milestoneState({ dueDate: row.dueDate, metDate: row.metDate, today }),
    wasOverdue: wasOverdue({ dueDate: row.dueDate, metDate: row.metDate, today }),
    task: row.taskId ? { id: row.taskId, status: row.taskStatus ?? '', escalationStep: Number(row.taskEscalationStep ?? 0) } : null,
    canUpdate: canUpdate(row.ownerUnitId),
  };
}

/** A page of projects with their milestones, planned against actual, for the Gantt. */
export async function projectGantt(deps: Deps, ctx: UserContext, query: ProjectListQuery): Promise<GanttPage> {
  requirePermission(ctx, 'project:read');
  const basis = await colourBasis(deps, deps.db);
  const { rows, total } = await projectsRepository.list(deps.db, await readScope(deps.db, ctx), basis, query);
  const milestones = await projectsRepository.milestones(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      colour: r.colour as ProjectListItem['colour'],
      milestones: milestones
        .filter((m) => m.projectId === r.id)
        .map((m) => {
          const { id, name, dueDate, metDate, state } = milestoneOf(m, basis.today, () => false);
          return { id, name, dueDate, metDate, state };
        }),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadVisible(db: Executor, ctx: UserContext, basis: ColourBasis, id: number) {
  const row = await projectsRepository.find(db, await readScope(db, ctx), basis, id);
  if (!row) throw notFound();
  return row;
}

async function detail(db: Executor, ctx: UserContext, basis: ColourBasis, row: ProjectRow): Promise<Project> {
  const [item] = await listItems(db, [row], basis);
  const can = await powers(db, ctx, row);
  const year = basis.today.slice(0, 4);
  const [milestones, investments, team, tasks] = await Promise.all([
    projectsRepository.milestones(db, [row.id]),
    projectsRepository.investments(db, row.id, `${basis.asOfMonth.slice(0, 4)}-01`, `${year}-12`),
    row.serviceTeamUnitId ? projectsRepository.units(db, [row.serviceTeamUnitId]) : Promise.resolve([]),
    projectsRepository.tasks(db, row.id),
  ]);
  const p = projectProgress({
    completedThisYearFen: item.ytdFen,
    annualPlanFen: item.annualPlanFen,
    month: Number(basis.asOfMonth.slice(5, 7)),
    started: Number(row.started) === 1,
    plannedStart: row.plannedStart,
    today: basis.today,
  });
  return {
    ...item,
    serviceTeamUnit: row.serviceTeamUnitId ? unitBrief(team[0], row.serviceTeamUnitId) : null,
    content: row.content,
    location: row.location,
    lng: row.lng === null ? null : Number(row.lng),
    lat: row.lat === null ? null : Number(row.lat),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    progress: { asOfMonth: basis.asOfMonth, ytdFen: item.ytdFen, completion: p.completion, timeProgress: p.timeProgress, gapPp: p.gapPp, colour: item.colour },
    milestones: milestones.map((m) => milestoneOf(m, basis.today, can.milestone)),
    investments: investments.map((i) => ({
      month: i.month,
      completedFen: Number(i.completedFen),
      progressText: i.progressText,
      locked: i.locked === 1,
      reportedAt: i.reportedAt,
    })),
    tasks: tasks.map((x) => ({
      id: x.id,
      type: x.type,
      title: x.title,
      status: x.status,
      dueDate: x.dueDate,
      finishedDate: x.finishedDate,
      wasOverdue: x.wasOverdue === 1,
      ownerUnit: { id: x.unitId, nameZh: x.nameZh, nameEn: x.nameEn },
    })),
    can: { manage: can.manage, report: can.report },
  };
}

/** A project with its progress, milestones and this year's investment; outside the caller's scope it is 404. */
export async function getProject(deps: Deps, ctx: UserContext, id: number): Promise<Project> {
  requirePermission(ctx, 'project:read');
  const basis = await colourBasis(deps, deps.db);
  return detail(deps.db, ctx, basis, await loadVisible(deps.db, ctx, basis, id));
}

/** Whether the caller sees a project (its files follow it). */
export async function canSeeProject(db: Executor, ctx: RequestContext, id: number): Promise<boolean> {
  if (!ctx.user?.permissions.has('project:read')) return false;
  const basis = { today: '2000-01-01', asOfMonth: '2000-01', thresholds: DEFAULT_PROJECT_THRESHOLDS };
  return !!(await projectsRepository.find(db, await scopeFor(db, ctx.user, 'project:read'), basis, id));
}

/** Whether the caller may add files to a project: the office, or a unit that reports for it or owns a milestone. */
export async function canFileProject(db: Executor, ctx: RequestContext, id: number): Promise<boolean> {
  if (!ctx.user?.permissions.has('project:write') || !(await canSeeProject(db, ctx, id))) return false;
  const row = await projectsRepository.reportingUnits(db, id);
  const can = await powers(db, ctx as UserContext, row);
  if (can.report) return true;
  const ms = await projectsRepository.milestones(db, [id]);
  return ms.some((m) => can.milestone(m.ownerUnitId));
}

type Fields = Omit<CreateProjectBody, never>;

/** Checks what the schema cannot: dates in order, types of a 三大改造 project, units of the right kind, leader, firm, code. */
export async function checkProject(db: Executor, f: Fields, selfId: number | null) {
  const problems: Record<string, Parameters<typeof fieldError>[0][string]> = {};
  if (f.plannedCompletion < f.plannedStart) problems.plannedCompletion = 'err.project.dates_order';
  if (f.plannedProduction < f.plannedCompletion) problems.plannedProduction = 'err.project.dates_order';
  if (f.library === 'three_transformations' && f.types.length === 0) problems.types = 'err.project.types_required';
  const units = await projectsRepository.units(
    db,
    [f.townshipUnitId, f.responsibleUnitId, f.chainUnitId, f.serviceTeamUnitId].filter((x): x is number => !!x),
  );
  const kindOk = (id: number | null, kinds: string[] | null) => {
    if (!id) return true;
    const u = units.find((x) => x.id === id && x.active === 1);
    return !!u && (!kinds || kinds.includes(u.kind));
  };
  if (!kindOk(f.townshipUnitId, ['township'])) problems.townshipUnitId = 'err.project.unit_kind';
  if (!kindOk(f.responsibleUnitId, null)) problems.responsibleUnitId = 'err.unit_not_found';
  if (!kindOk(f.chainUnitId, ['industry_group', 'service_team'])) problems.chainUnitId = 'err.project.unit_kind';
  if (!kindOk(f.serviceTeamUnitId, ['service_team'])) problems.serviceTeamUnitId = 'err.project.unit_kind';
  if (f.leaderUserId && !(await projectsRepository.leaderUsers(db)).some((u) => u.id === f.leaderUserId)) problems.leaderUserId = 'err.NOT_FOUND';
  if (f.enterpriseId && !(await projectsRepository.enterprises(db, [f.enterpriseId])).length) problems.enterpriseId = 'err.NOT_FOUND';
  const taken = await projectsRepository.byCode(db, [f.code]);
  if (taken.some((t) => t.id !== selfId)) problems.code = 'err.project.code_taken';
  if (Object.keys(problems).length) throw fieldError(problems);
}

/**
 * Writes a new project and its standard milestones: those of earlier stages are recorded as met when it enters the
 * library; each of the others is a 督办 task of its department (source `projects/<id>/<seq>`), due on its default date
 * or today if that has passed. Used by the API, the import and the demo.
 */
export async function insertProject(
  trx: Trx,
  deps: Pick<Deps, 'clock' | 'dialect'>,
  ctx: RequestContext,
  body: CreateProjectBody,
  options: { createdByUnitId?: number; skipMilestones?: boolean } = {},
): Promise<number> {
  const now = deps.clock.now();
  const today = countyDay(now);
  const { types, ...fields } = body;
  const id = await projectsRepository.insert(trx, {
    ...fields,
    types: [...new Set(types)].join(','),
    createdBy: ctx.user?.id ?? null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  if (options.skipMilestones) return id;
  const owners = await projectsRepository.unitsByCode(
    trx,
    DEFAULT_MILESTONES.map((m) => m.unitCode),
  );
  const plan = { start: body.plannedStart, completion: body.plannedCompletion, production: body.plannedProduction };
  for (const [i, m] of DEFAULT_MILESTONES.entries()) {
    const ownerUnitId = owners.find((u) => u.code === m.unitCode)?.id ?? body.responsibleUnitId;
    const due = defaultMilestoneDue(m.code, plan);
    const done = milestoneDoneAtStage(m.stage, body.stage);
    const dueDate = done || due >= today ? due : today;
    const milestoneId = await projectsRepository.insertMilestone(trx, {
      projectId: id,
      seq: i + 1,
      code: m.code,
      name: m.zh,
      ownerUnitId,
      dueDate,
      // Work behind the project is recorded as met on its date, or today if that date is still ahead.
      metDate: done ? [dueDate, today].sort()[0] : null,
      note: '',
      taskId: null,
      updatedAt: now.toISOString(),
    });
    if (!done)
      await milestoneTask(trx, deps, ctx, { id, code: body.code, name: body.name }, { id: milestoneId, seq: i + 1, name: m.zh, ownerUnitId, dueDate }, options);
  }
  return id;
}

export async function milestoneTask(
  trx: Trx,
  deps: Pick<Deps, 'clock' | 'dialect'>,
  ctx: RequestContext,
  project: { id: number; code: string; name: string },
  m: { id: number; seq: number; name: string; ownerUnitId: number; dueDate: string },
  options: { createdByUnitId?: number },
) {
  const taskId = await createTask(trx, deps, ctx, {
    type: 'project_milestone',
    title: `${project.name}：${m.name}`,
    description: `重点项目 ${project.code}「${project.name}」节点“${m.name}”，请于 ${m.dueDate} 前完成。`,
    source: { module: 'projects', recordId: `${project.id}/${m.seq}` },
    ownerUnitId: m.ownerUnitId,
    dueDate: m.dueDate,
    createdByUnitId: options.createdByUnitId,
  });
  await projectsRepository.updateMilestone(trx, m.id, { taskId });
}

/** The office adds a project to a library. */
export async function createProject(deps: Deps, ctx: UserContext, body: CreateProjectBody): Promise<Project> {
  requirePermission(ctx, 'project:manage');
  const id = await deps.db.transaction().execute(async (trx) => {
    await checkProject(trx, body, null);
    const projectId = await insertProject(trx, deps, ctx, body);
    await recordAudit(trx, deps, ctx, { action: 'project.create', entityType: 'project', entityId: projectId, after: body });
    return projectId;
  });
  return getProject(deps, ctx, id);
}

function fieldsOf(row: ProjectRow): Fields {
  return {
    code: row.code,
    name: row.name,
    library: row.library as Fields['library'],
    types: splitTypes(row.types),
    enterpriseId: row.enterpriseId,
    chainUnitId: row.chainUnitId,
    townshipUnitId: row.townshipUnitId,
    stage: row.stage as Fields['stage'],
    totalInvestmentFen: Number(row.totalInvestmentFen),
    annualPlanFen: Number(row.annualPlanFen),
    plannedStart: row.plannedStart,
    plannedCompletion: row.plannedCompletion,
    plannedProduction: row.plannedProduction,
    leaderUserId: row.leaderUserId,
    responsibleUnitId: row.responsibleUnitId,
    responsiblePerson: row.responsiblePerson,
    serviceTeamUnitId: row.serviceTeamUnitId,
    content: row.content,
    location: row.location,
    lng: row.lng === null ? null : Number(row.lng),
    lat: row.lat === null ? null : Number(row.lat),
  };
}

/** The office edits a project: exactly the fields named, checked together with the ones kept. */
export async function updateProject(deps: Deps, ctx: UserContext, id: number, body: UpdateProjectBody): Promise<Project> {
  requirePermission(ctx, 'project:manage');
  const basis = await colourBasis(deps, deps.db);
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadVisible(trx, ctx, basis, id);
    const before = fieldsOf(row);
    const after = { ...before, ...body };
    await checkProject(trx, after, id);
    const { types, ...rest } = body;
    await projectsRepository.update(trx, id, {
      ...rest,
      ...(types ? { types: [...new Set(types)].join(',') } : {}),
      updatedAt: deps.clock.now().toISOString(),
    });
    await recordAudit(trx, deps, ctx, {
      action: 'project.update',
      entityType: 'project',
      entityId: id,
      before,
      after: fieldsOf((await projectsRepository.find(trx, { all: true }, basis, id)) ?? row),
    });
  });
  return getProject(deps, ctx, id);
}

/** The office adds a milestone to a project's set; it becomes a 督办 task of its unit. */
export async function addMilestone(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof createMilestoneBody>): Promise<Project> {
  requirePermission(ctx, 'project:manage');
  const basis = await colourBasis(deps, deps.db);
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadVisible(trx, ctx, basis, id);
    if (body.dueDate < basis.today) throw fieldError({ dueDate: 'err.task.due_past' });
    const seq = (await projectsRepository.lastMilestoneSeq(trx, id)) + 1;
    const milestoneId = await projectsRepository.insertMilestone(trx, {
      projectId: id,
      seq,
      code: null,
      name: body.name,
      ownerUnitId: body.ownerUnitId,
      dueDate: body.dueDate,
      metDate: null,
      note: '',
      taskId: null,
      updatedAt: deps.clock.now().toISOString(),
    });
    await milestoneTask(trx, deps, ctx, row, { id: milestoneId, seq, ...body }, {});
    await recordAudit(trx, deps, ctx, { action: 'project.milestone_create', entityType: 'project', entityId: id, after: { milestoneId, ...body } });
  });
  return getProject(deps, ctx, id);
}

/**
 * Records a milestone: its owner unit says when it was met (which finishes its 督办 task, late if after the due
 * date) or adds a note; the office may also rename it, move its date or give it to another unit. Another unit's
 * milestone in a project the caller sees is 403; a project the caller does not see is 404.
 */
export async function updateMilestone(
  deps: Deps,
  ctx: UserContext,
  id: number,
  milestoneId: number,
  body: z.infer<typeof updateMilestoneBody>,
): Promise<Project> {
  requirePermission(ctx, 'project:write');
  const basis = await colourBasis(deps, deps.db);
  // The milestone met finishes its task, whose `taskClosed` may have after-commit subscribers.
  await events.transaction(deps, async (trx) => {
    const row = await loadVisible(trx, ctx, basis, id);
    const before = await projectsRepository.milestone(trx, id, milestoneId);
    if (!before) throw notFound();
    const can = await powers(trx, ctx, row);
    if (!can.milestone(before.ownerUnitId)) throw forbidden();
    const officeOnly = body.name !== undefined || body.ownerUnitId !== undefined || body.dueDate !== undefined;
    if (officeOnly && !can.manage) throw forbidden();
    const problems: Record<string, Parameters<typeof fieldError>[0][string]> = {};
    if (body.metDate && body.metDate > basis.today) problems.metDate = 'err.project.met_future';
    const metDate = body.metDate === undefined ? before.metDate : body.metDate;
    if (body.dueDate && !metDate && body.dueDate < basis.today) problems.dueDate = 'err.task.due_past';
    if (body.ownerUnitId && !(await projectsRepository.units(trx, [body.ownerUnitId])).some((u) => u.active === 1)) problems.ownerUnitId = 'err.unit_not_found';
    if (Object.keys(problems).length) throw fieldError(problems);

    const now = deps.clock.now().toISOString();
    await projectsRepository.updateMilestone(trx, milestoneId, { ...body, updatedAt: now });
    if (before.taskId) await syncTask(trx, deps, ctx, before.taskId, { ...before, ...body, metDate });
    await recordAudit(trx, deps, ctx, {
      action: 'project.milestone_update',
      entityType: 'project',
      entityId: id,
      before,
      after: await projectsRepository.milestone(trx, id, milestoneId),
    });
  });
  return getProject(deps, ctx, id);
}

/**
 * Keeps a milestone's 督办 task in step: its date and unit, and done on the day it was met (late if after its due
 * date) through the task engine, which publishes `taskClosed`; a met date taken back reopens it.
 */
async function syncTask(trx: Trx, deps: Deps, ctx: UserContext, taskId: number, m: { dueDate: string; ownerUnitId: number; metDate: string | null }) {
  const task = await tasksRepository.findById(trx, taskId);
  if (!task || task.status === 'cancelled') return;
  const now = deps.clock.now().toISOString();
  const changes: Parameters<typeof tasksRepository.update>[2] = { updatedAt: now };
  if (m.dueDate !== task.dueDate) {
    changes.dueDate = m.dueDate;
    changes.dueSoonDate = dueSoonDate(await arrangementAround(trx, task.createdDate), task.createdDate, m.dueDate);
  }
  if (m.ownerUnitId !== task.ownerUnitId) changes.ownerUnitId = m.ownerUnitId;
  // A new date or unit is written first, so lateness is judged on it; opening and closing are the engine's.
  if (Object.keys(changes).length > 1) {
    await tasksRepository.update(trx, taskId, changes);
    await recordAudit(trx, deps, ctx, { action: 'task.project_milestone', entityType: 'task', entityId: taskId, before: task, after: changes });
  }
  if (m.metDate !== null) await finishTask(trx, deps, ctx, taskId, `节点已完成（${m.metDate}）`, 'task.project_milestone', { on: m.metDate });
  else await reopenTask(trx, deps, ctx, taskId, '节点完成记录已撤销', 'task.project_milestone');
}

/** The township or responsible unit reports a month's completed investment and image progress; a locked month is closed. */
export async function reportInvestment(deps: Deps, ctx: UserContext, id: number, month: string, body: z.infer<typeof investmentBody>): Promise<Project> {
  requirePermission(ctx, 'project:write');
  const basis = await colourBasis(deps, deps.db);
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadVisible(trx, ctx, basis, id);
    if (!(await powers(trx, ctx, row)).report) throw forbidden();
    if (month >= basis.today.slice(0, 7)) throw fieldError({ month: 'err.project.future_month' });
    const before = await projectsRepository.investment(trx, id, month);
    if (before?.locked === 1) throw fieldError({ month: 'err.month_locked' });
    await projectsRepository.upsertInvestment(trx, {
      projectId: id,
      month,
      completedFen: body.completedFen,
      progressText: body.progressText,
      reportedBy: ctx.user.id,
      reportedAt: deps.clock.now().toISOString(),
    });
    await recordAudit(trx, deps, ctx, { action: 'project.investment', entityType: 'project', entityId: id, before: before ?? null, after: { month, ...body } });
  });
  return getProject(deps, ctx, id);
}

/** The county leaders a project may be given to. */
export async function leaderUsers(deps: Deps, ctx: UserContext) {
  requirePermission(ctx, 'project:read');
  return projectsRepository.leaderUsers(deps.db);
}

/**
 * Another module adds a project to the library inside its own transaction, after checking its own permission (a
 * signed investment lead becomes a project): the same checks, milestones and audit as the office's `createProject`.
 */
export async function registerProject(trx: Trx, deps: Deps, ctx: UserContext, body: CreateProjectBody, origin: { module: string; recordId: string }) {
  await checkProject(trx, body, null);
  const projectId = await insertProject(trx, deps, ctx, body);
  await recordAudit(trx, deps, ctx, { action: 'project.create', entityType: 'project', entityId: projectId, after: { ...body, origin } });
  return projectId;
}

/** The projects of some chains' teams (as service team or chain unit) that the caller sees, newest first; none without `project:read`. */
export async function projectsOfUnits(deps: Deps, ctx: UserContext, unitIds: number[], limit = 200) {
  if (!ctx.user.permissions.has('project:read') || !unitIds.length) return [];
  const basis = await colourBasis(deps, deps.db);
  const rows = await projectsRepository.ofUnits(deps.db, await readScope(deps.db, ctx), basis, unitIds, limit);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    stage: r.stage,
    totalInvestmentFen: Number(r.totalInvestmentFen),
    colour: r.colour as string,
    serviceTeamUnitId: r.serviceTeamUnitId,
    chainUnitId: r.chainUnitId,
  }));
}
