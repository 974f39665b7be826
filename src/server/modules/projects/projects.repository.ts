import { type Expression, type Insertable, PostgresAdapter, type SqlBool, type Updateable, sql } from 'kysely';
import type { ProjectFilter, ProjectListQuery } from '../../../shared/modules/projects.schemas';
import type { ProjectThresholds } from '../../../shared/rules/project-progress';
import { type Scope, applyScope } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import { usersRepository } from '../../core/users/users.repository';
import type { ProjectInvestmentTable, ProjectMilestoneTable, ProjectTable } from './projects.tables';

/** The day and month the colours are computed at, with the thresholds in force. */
export interface ColourBasis {
  today: string;
  /** `YYYY-MM`, the last closed month: figures from January of its year through it count. */
  asOfMonth: string;
  thresholds: ProjectThresholds;
}

const SORTS = {
  code: 'p.code',
  name: 'p.name',
  stage: 'p.stageOrder',
  totalInvestmentFen: 'p.totalInvestmentFen',
  annualPlanFen: 'p.annualPlanFen',
  plannedStart: 'p.plannedStart',
  ytdFen: 'p.ytdFen',
} as const;

const STARTED_STAGES = ['construction', 'completed', 'production'];

/** The date `months` months before a date, day kept: a planned start on or before it is that many whole months late. */
function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const stageOrder = sql<number>`case projects.stage when 'planning' then 0 when 'preliminary' then 1 when 'new_start' then 2 when 'construction' then 3 when 'completed' then 4 else 5 end`;

function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

// SQLite answers three small sub-queries per row fastest (each an index probe); PostgreSQL prefers aggregating once
// and hash-joining. Both give the same columns: ytdFen, overdueMilestones, started, stageOrder.
function correlatedFigures(db: Executor, basis: ColourBasis, year: string) {
  return db
    .selectFrom('projects')
    .selectAll('projects')
    .select((eb) => [
      eb.fn
        .coalesce(
          eb
            .selectFrom('projectInvestments')
            .whereRef('projectInvestments.projectId', '=', 'projects.id')
            .where('projectInvestments.month', '>=', `${year}-01`)
            .where('projectInvestments.month', '<=', basis.asOfMonth)
            .select((e) => e.fn.sum<number>('projectInvestments.completedFen').as('s')),
          sql<number>`0`,
        )
        .as('ytdFen'),
      eb
        .selectFrom('projectMilestones')
        .whereRef('projectMilestones.projectId', '=', 'projects.id')
        .where('projectMilestones.metDate', 'is', null)
        .where('projectMilestones.dueDate', '<', basis.today)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('overdueMilestones'),
      eb
        .case()
        .when(
          eb.or([
            eb('projects.stage', 'in', STARTED_STAGES),
            eb.exists(
              eb
                .selectFrom('projectMilestones')
                .whereRef('projectMilestones.projectId', '=', 'projects.id')
                .where('projectMilestones.code', '=', 'start')
                .where('projectMilestones.metDate', 'is not', null)
                .select('projectMilestones.id'),
            ),
          ]),
        )
        .then(1)
        .else(0)
        .end()
        .as('started'),
      stageOrder.as('stageOrder'),
    ]);
}

function joinedFigures(db: Executor, basis: ColourBasis, year: string, ids?: number[]) {
  let ytdAgg = db
    .selectFrom('projectInvestments')
    .where('projectInvestments.month', '>=', `${year}-01`)
    .where('projectInvestments.month', '<=', basis.asOfMonth)
    .groupBy('projectInvestments.projectId')
    .select((e) => ['projectInvestments.projectId', e.fn.sum<number>('projectInvestments.completedFen').as('s')]);
  let msAgg = db
    .selectFrom('projectMilestones')
    .groupBy('projectMilestones.projectId')
    .select([
      'projectMilestones.projectId',
      sql<number>`sum(case when project_milestones.met_date is null and project_milestones.due_date < ${basis.today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when project_milestones.code = 'start' and project_milestones.met_date is not null then 1 else 0 end)`.as('startMet'),
    ]);
  if (ids) {
    ytdAgg = ytdAgg.where('projectInvestments.projectId', 'in', ids.length ? ids : [0]);
    msAgg = msAgg.where('projectMilestones.projectId', 'in', ids.length ? ids : [0]);
  }
  return db
    .selectFrom('projects')
    .leftJoin(ytdAgg.as('y'), 'y.projectId', 'projects.id')
    .leftJoin(msAgg.as('ms'), 'ms.projectId', 'projects.id')
    .selectAll('projects')
    .select((eb) => [
      eb.fn.coalesce('y.s', sql<number>`0`).as('ytdFen'),
      eb.fn.coalesce('ms.overdue', sql<number>`0`).as('overdueMilestones'),
      eb
        .case()
        .when(eb.or([eb('projects.stage', 'in', STARTED_STAGES), eb(eb.fn.coalesce('ms.startMet', sql<number>`0`), '>', 0)]))
        .then(1)
        .else(0)
        .end()
        .as('started'),
      stageOrder.as('stageOrder'),
    ]);
}

/**
 * The projects a scope sees, each with its year-to-date investment, overdue milestones and colour computed in SQL by
 * the same rule as `projectProgress` (shared/rules/project-progress.ts), so the list can filter and sort by colour:
 * with completion c = ytd ÷ plan and time progress m ÷ 12, "gap ≥ g pp" is "ytd × 1200 ≥ plan × (100 m + 12 g)".
 * A unit sees its township's projects, those it is responsible for or serves as team, and those where it owns a milestone.
 */
function withFigures(db: Executor, scope: Scope, basis: ColourBasis, f: ProjectFilter & { ids?: number[] }) {
  const year = basis.asOfMonth.slice(0, 4);
  const m = Number(basis.asOfMonth.slice(5, 7));
  const { greenMinGapPp: g, yellowMinGapPp: y, redLateMonths } = basis.thresholds;
  const lateDate = monthsBefore(basis.today, redLateMonths);
  const inner = isPostgres(db) ? joinedFigures(db, basis, year, f.ids) : correlatedFigures(db, basis, year);
  let filteredInner = f.ids ? inner.where('projects.id', 'in', f.ids.length ? f.ids : [0]) : inner;
  filteredInner = applyScope(filteredInner, scope, {
    unit: ['projects.townshipUnitId', 'projects.responsibleUnitId', 'projects.serviceTeamUnitId'],
    unitVia: [{ table: 'projectMilestones', parent: 'projects.id', key: 'projectId', unit: 'ownerUnitId' }],
  });
  if (f.library) filteredInner = filteredInner.where('projects.library', '=', f.library);
  if (f.type) filteredInner = filteredInner.where(sql<SqlBool>`(',' || projects.types || ',') like ${`%,${f.type},%`}`);
  if (f.stage) filteredInner = filteredInner.where('projects.stage', '=', f.stage);
  if (f.townshipUnitId) filteredInner = filteredInner.where('projects.townshipUnitId', '=', f.townshipUnitId);
  if (f.chainUnitId) filteredInner = filteredInner.where('projects.chainUnitId', '=', f.chainUnitId);
  if (f.leaderUserId) filteredInner = filteredInner.where('projects.leaderUserId', '=', f.leaderUserId);
  if (f.q) filteredInner = filteredInner.where((eb) => eb.or([eb('projects.name', 'like', `%${f.q}%`), eb('projects.code', 'like', `%${f.q}%`)]));

  const ytd = sql.ref('p.ytdFen');
  const plan = sql.ref('p.annualPlanFen');
  const below = (gapPp: number): Expression<SqlBool> => sql<SqlBool>`(${plan} > 0 and ${ytd} * 1200 < ${plan} * ${100 * m + 12 * gapPp})`;
  const notStarted = sql<SqlBool>`(p.started = 0 and p.planned_start < ${basis.today})`;
  const lateRed = sql<SqlBool>`(p.started = 0 and p.planned_start <= ${lateDate})`;
  let outer = db
    .selectFrom(filteredInner.as('p'))
    .selectAll('p')
    .select(sql<string>`case when ${below(y)} or ${lateRed} then 'red' when ${below(g)} or ${notStarted} then 'yellow' else 'green' end`.as('colour'));
  if (f.colour) {
    const colour = f.colour;
    outer = outer.where((eb) =>
      colour === 'red'
        ? eb.or([below(y), lateRed])
        : colour === 'yellow'
          ? eb.and([eb.not(eb.or([below(y), lateRed])), eb.or([below(g), notStarted])])
          : eb.not(eb.or([below(g), notStarted])),
    );
  }
  return outer;
}

export type ProjectRow = Awaited<ReturnType<ReturnType<typeof withFigures>['executeTakeFirstOrThrow']>>;

/** SQL of projects, their milestones and monthly investment. */
export const projectsRepository = {
  /** The units a project's reporting rights follow: its township and its responsible unit. */
  reportingUnits(db: Executor, id: number) {
    return db.selectFrom('projects').select(['townshipUnitId', 'responsibleUnitId']).where('id', '=', id).executeTakeFirstOrThrow();
  },
  /** Every active unit with its names, kind and code: an import resolves the names in its rows against them. */
  activeUnits(db: Executor) {
    return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind', 'code']).where('active', '=', 1).execute();
  },
  /** The firms named (by name or USCC) in an import's rows. */
  firmsNamed(db: Executor, names: string[]) {
    if (names.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('enterprises')
      .select(['id', 'name', 'uscc'])
      .where((eb) => eb.or([eb('name', 'in', names), eb('uscc', 'in', names)]))
      .execute();
  },
  list(db: Executor, scope: Scope, basis: ColourBasis, q: ProjectListQuery) {
    return paginate(withFigures(db, scope, basis, q), q, SORTS, 'code', 'p.id');
  },
  all(db: Executor, scope: Scope, basis: ColourBasis, q: Omit<ProjectListQuery, 'page' | 'pageSize'>, cap?: number) {
    return allRows(withFigures(db, scope, basis, q), q, SORTS, 'code', 'p.id', cap);
  },
  find(db: Executor, scope: Scope, basis: ColourBasis, id: number) {
    return withFigures(db, scope, basis, {}).where('p.id', '=', id).executeTakeFirst();
  },
  /** Projects in scope whose service team or chain unit is one of some units, newest first. */
  ofUnits(db: Executor, scope: Scope, basis: ColourBasis, unitIds: number[], limit: number) {
    return withFigures(db, scope, basis, {})
      .where((eb) => eb.or([eb('p.serviceTeamUnitId', 'in', unitIds), eb('p.chainUnitId', 'in', unitIds)]))
      .orderBy('p.id', 'desc')
      .limit(limit)
      .execute();
  },
  /** Stage, code and colour of every filtered project: the board counts them and picks its cards from them. */
  summary(db: Executor, scope: Scope, basis: ColourBasis, f: ProjectFilter) {
    return db
      .selectFrom(withFigures(db, scope, basis, f).as('c'))
      .select(['c.id', 'c.stage', 'c.code', 'c.colour'])
      .execute();
  },
  /** Full rows of some projects in scope, with their figures. */
  byIds(db: Executor, scope: Scope, basis: ColourBasis, ids: number[]) {
    return withFigures(db, scope, basis, { ids }).execute();
  },
  byCode(db: Executor, codes: string[]) {
    return codes.length ? db.selectFrom('projects').select(['id', 'code']).where('code', 'in', codes).execute() : Promise.resolve([]);
  },
  async insert(db: Executor, row: Insertable<ProjectTable>): Promise<number> {
    const { id } = await db.insertInto('projects').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, patch: Updateable<ProjectTable>) {
    await db.updateTable('projects').set(patch).where('id', '=', id).execute();
  },
  milestones(db: Executor, projectIds: number[]) {
    if (!projectIds.length) return Promise.resolve([]);
    return db
      .selectFrom('projectMilestones')
      .innerJoin('orgUnits', 'orgUnits.id', 'projectMilestones.ownerUnitId')
      .leftJoin('tasks', 'tasks.id', 'projectMilestones.taskId')
      .selectAll('projectMilestones')
      .select(['orgUnits.nameZh as unitNameZh', 'orgUnits.nameEn as unitNameEn', 'tasks.status as taskStatus', 'tasks.escalationStep as taskEscalationStep'])
      .where('projectMilestones.projectId', 'in', projectIds)
      .orderBy('projectMilestones.projectId')
      .orderBy('projectMilestones.seq')
      .execute();
  },
  milestone(db: Executor, projectId: number, milestoneId: number) {
    return db.selectFrom('projectMilestones').selectAll().where('projectId', '=', projectId).where('id', '=', milestoneId).executeTakeFirst();
  },
  async lastMilestoneSeq(db: Executor, projectId: number): Promise<number> {
    const row = await db
      .selectFrom('projectMilestones')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('projectId', '=', projectId)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  },
  async insertMilestone(db: Executor, row: Insertable<ProjectMilestoneTable>): Promise<number> {
    const { id } = await db.insertInto('projectMilestones').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async updateMilestone(db: Executor, id: number, patch: Updateable<ProjectMilestoneTable>) {
    await db.updateTable('projectMilestones').set(patch).where('id', '=', id).execute();
  },
  investments(db: Executor, projectId: number, from: string, to: string) {
    return db
      .selectFrom('projectInvestments')
      .selectAll()
      .where('projectId', '=', projectId)
      .where('month', '>=', from)
      .where('month', '<=', to)
      .orderBy('month')
      .execute();
  },
  investment(db: Executor, projectId: number, month: string) {
    return db.selectFrom('projectInvestments').selectAll().where('projectId', '=', projectId).where('month', '=', month).executeTakeFirst();
  },
  async upsertInvestment(db: Executor, row: Insertable<ProjectInvestmentTable>) {
    await db
      .insertInto('projectInvestments')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['projectId', 'month']).doUpdateSet({
          completedFen: row.completedFen,
          progressText: row.progressText,
          reportedBy: row.reportedBy,
          reportedAt: row.reportedAt,
        }),
      )
      .execute();
  },
  /** Locks every project's figures of a month; returns nothing, safe to repeat. */
  async lockMonth(db: Executor, month: string) {
    await db.updateTable('projectInvestments').set({ locked: 1 }).where('month', '=', month).execute();
  },
  units(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind', 'active']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  unitsByCode(db: Executor, codes: string[]) {
    return codes.length
      ? db.selectFrom('orgUnits').select(['id', 'code', 'nameZh', 'nameEn', 'kind']).where('code', 'in', codes).execute()
      : Promise.resolve([]);
  },
  users: usersRepository.namesOf,
  enterprises(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  /** Users who hold the leader role: the county leaders a project may be given to (分包县领导). */
  leaderUsers: (db: Executor) => usersRepository.withRole(db, 'leader'),
  /** Every 督办 task a project gave rise to: its milestones' and its red months'. */
  tasks(db: Executor, projectId: number) {
    return db
      .selectFrom('tasks')
      .innerJoin('orgUnits', 'orgUnits.id', 'tasks.ownerUnitId')
      .select([
        'tasks.id',
        'tasks.type',
        'tasks.title',
        'tasks.status',
        'tasks.dueDate',
        'tasks.finishedDate',
        'tasks.wasOverdue',
        'orgUnits.id as unitId',
        'orgUnits.nameZh',
        'orgUnits.nameEn',
      ])
      .where('tasks.sourceModule', '=', 'projects')
      .where('tasks.sourceId', 'like', `${projectId}/%`)
      .orderBy('tasks.dueDate')
      .orderBy('tasks.id')
      .execute();
  },
  /** The red-project task already created for a project and month, if any (the month close runs again after repairs). */
};
