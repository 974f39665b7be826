import { type ExpressionBuilder, type Insertable, type SelectQueryBuilder, type Updateable, sql } from 'kysely';
import { type DeadlineState, ESCALATING_STATUSES } from '../../../shared/rules/task-deadline';
import type { TASK_SORTS, TASK_VIEWS } from '../../../shared/modules/tasks.schemas';
import { type Scope, type ScopeColumns, applyScope } from '../access/access';
import { batches, insertMany } from '../db/batch';
import type { Executor } from '../db/database';
import { type PageRequest, allRows, paginate } from '../db/paging';
import type { Database, TaskEventTable, TaskTable } from '../db/schema';

export interface TaskFilter extends PageRequest<(typeof TASK_SORTS)[number]> {
  view: (typeof TASK_VIEWS)[number];
  q?: string;
  status?: string;
  state?: DeadlineState;
  unitId?: number;
  type?: string;
  dueFrom?: string;
  dueTo?: string;
  enterpriseId?: number;
  listedForNotice?: boolean;
}

/** Who is listing, and on which county day (derived states depend on it). */
export interface TaskViewer {
  userId: number;
  unitId: number;
  today: string;
}

const SORTS = {
  dueDate: 'tasks.dueDate',
  createdDate: 'tasks.createdDate',
  title: 'tasks.title',
  status: 'tasks.status',
  updatedAt: 'tasks.updatedAt',
} as const;

const FINISHED = ['done', 'cancelled'];

type TaskQuery = SelectQueryBuilder<Database, 'tasks', any>;

const coHandledBy = (eb: ExpressionBuilder<Database, 'tasks'>, unitIds: number[]) =>
  eb.exists(
    eb.selectFrom('taskCoUnits').select('taskCoUnits.taskId').whereRef('taskCoUnits.taskId', '=', 'tasks.id').where('taskCoUnits.unitId', 'in', unitIds),
  );

/**
 * The tasks inside a `task:read` scope. A task belongs to three kinds of unit at once: the scope's units see tasks
 * they own, created or co-handle; an "own records" scope sees the tasks assigned to the user.
 */
export const TASK_SCOPE: ScopeColumns = {
  unit: ['tasks.ownerUnitId', 'tasks.createdByUnitId'],
  unitVia: [{ table: 'taskCoUnits', parent: 'tasks.id', key: 'taskId', unit: 'unitId' }],
  owner: 'tasks.assigneeUserId',
};
const withinScope = <QB extends TaskQuery>(qb: QB, scope: Scope): QB => applyScope(qb, scope, TASK_SCOPE);

/**
 * The SQL twin of `deadlineState` in shared/rules, using the due-soon day stored at creation. `day` is the day the
 * deadline is measured on: today, or the submission day for a task waiting for review.
 */
function inState<QB extends TaskQuery>(qb: QB, state: DeadlineState, today: string): QB {
  const day = sql<string>`(case when ${sql.ref('tasks.status')} = 'submitted' then ${sql.ref('tasks.submittedDate')} else ${today} end)`;
  switch (state) {
    case 'cancelled':
      return qb.where('tasks.status', '=', 'cancelled') as QB;
    case 'done_on_time':
      return qb.where('tasks.status', '=', 'done').whereRef('tasks.finishedDate', '<=', 'tasks.dueDate') as QB;
    case 'done_late':
      return qb.where('tasks.status', '=', 'done').whereRef('tasks.finishedDate', '>', 'tasks.dueDate') as QB;
    case 'overdue':
      return qb.where('tasks.status', 'not in', FINISHED).where('tasks.dueDate', '<', day) as QB;
    case 'due_soon':
      return qb.where('tasks.status', 'not in', FINISHED).where('tasks.dueDate', '>=', day).where('tasks.dueSoonDate', '<=', day) as QB;
    case 'on_track':
      return qb.where('tasks.status', 'not in', FINISHED).where('tasks.dueSoonDate', '>', day) as QB;
  }
}

function filtered(db: Executor, f: Omit<TaskFilter, 'page' | 'pageSize'>, scope: Scope, viewer: TaskViewer) {
  let qb = withinScope(db.selectFrom('tasks').selectAll('tasks'), scope);
  if (f.view === 'mine') qb = qb.where('tasks.assigneeUserId', '=', viewer.userId);
  if (f.view === 'unit') qb = qb.where((eb) => eb.or([eb('tasks.ownerUnitId', '=', viewer.unitId), coHandledBy(eb, [viewer.unitId])]));
  if (f.q) qb = qb.where('tasks.title', 'like', `%${f.q}%`);
  if (f.status) qb = qb.where('tasks.status', '=', f.status);
  if (f.state) qb = inState(qb, f.state, viewer.today);
  if (f.unitId) qb = qb.where('tasks.ownerUnitId', '=', f.unitId);
  if (f.type) qb = qb.where('tasks.type', '=', f.type);
  if (f.dueFrom) qb = qb.where('tasks.dueDate', '>=', f.dueFrom);
  if (f.dueTo) qb = qb.where('tasks.dueDate', '<=', f.dueTo);
  if (f.enterpriseId) qb = qb.where('tasks.enterpriseId', '=', f.enterpriseId);
  if (f.listedForNotice !== undefined) qb = qb.where('tasks.escalationStep', f.listedForNotice ? '>=' : '<', 3);
  return qb;
}

/** SQL for tasks, their co-handling units, timeline and escalations. */
export const tasksRepository = {
  bySource(db: Executor, module: string, recordId: string) {
    return db.selectFrom('tasks').select(['id', 'status']).where('sourceModule', '=', module).where('sourceId', '=', recordId).executeTakeFirst();
  },
  list(db: Executor, f: TaskFilter, scope: Scope, viewer: TaskViewer) {
    return paginate(filtered(db, f, scope, viewer), f, SORTS, 'dueDate', 'tasks.id');
  },
  all(db: Executor, f: Omit<TaskFilter, 'page' | 'pageSize'>, scope: Scope, viewer: TaskViewer) {
    return allRows(filtered(db, f, scope, viewer), f, SORTS, 'dueDate', 'tasks.id');
  },
  findById(db: Executor, id: number, scope: Scope = { all: true }) {
    return withinScope(db.selectFrom('tasks').selectAll('tasks').where('tasks.id', '=', id), scope).executeTakeFirst();
  },
  async insert(db: Executor, row: Insertable<TaskTable>): Promise<number> {
    const { id } = await db.insertInto('tasks').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<TaskTable>) {
    await db.updateTable('tasks').set(values).where('id', '=', id).execute();
  },
  async setCoUnits(db: Executor, taskId: number, unitIds: number[]) {
    if (unitIds.length)
      await db
        .insertInto('taskCoUnits')
        .values(unitIds.map((unitId) => ({ taskId, unitId })))
        .execute();
  },
  coUnitsOf(db: Executor, taskIds: number[]) {
    if (taskIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('taskCoUnits')
      .innerJoin('orgUnits', 'orgUnits.id', 'taskCoUnits.unitId')
      .select(['taskCoUnits.taskId', 'orgUnits.id', 'orgUnits.nameZh', 'orgUnits.nameEn'])
      .where('taskCoUnits.taskId', 'in', taskIds)
      .orderBy('orgUnits.sortOrder')
      .execute();
  },
  unitsByIds(db: Executor, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'active']).where('id', 'in', ids).execute();
  },
  usersByIds(db: Executor, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('users').select(['id', 'displayName', 'unitId']).where('id', 'in', ids).execute();
  },
  /** Active users of a unit who may work on tasks (hold `task:write`): the people a task may be assigned to. */
  workersOfUnit(db: Executor, unitId: number) {
    return db
      .selectFrom('users')
      .select(['users.id', 'users.displayName'])
      .where('users.unitId', '=', unitId)
      .where('users.active', '=', 1)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('userRoles')
            .innerJoin('rolePermissions', 'rolePermissions.roleId', 'userRoles.roleId')
            .select('userRoles.userId')
            .whereRef('userRoles.userId', '=', 'users.id')
            .where('rolePermissions.permission', '=', 'task:write'),
        ),
      )
      .orderBy('users.displayName')
      .execute();
  },
  async officeUnitIds(db: Executor): Promise<number[]> {
    const rows = await db.selectFrom('orgUnits').select('id').where('kind', '=', 'office').where('active', '=', 1).execute();
    return rows.map((r) => r.id);
  },
  async addEvent(db: Executor, row: Insertable<TaskEventTable>) {
    await db.insertInto('taskEvents').values(row).execute();
  },
  addEvents(db: Executor, rows: Insertable<TaskEventTable>[]) {
    return insertMany(db, 'taskEvents', rows);
  },
  /** Sets the escalation step of some tasks (and marks them as having been overdue). */
  async setEscalationStep(db: Executor, ids: number[], step: number) {
    for (const batch of batches(ids, 1)) await db.updateTable('tasks').set({ escalationStep: step, wasOverdue: 1 }).where('id', 'in', batch).execute();
  },
  events(db: Executor, taskId: number) {
    return db
      .selectFrom('taskEvents')
      .leftJoin('users', 'users.id', 'taskEvents.userId')
      .selectAll('taskEvents')
      .select('users.displayName')
      .where('taskEvents.taskId', '=', taskId)
      .orderBy('taskEvents.id')
      .execute();
  },
  /** Tasks in the owner unit's hands past their due date that have not reached the last step, in id batches. */
  escalationCandidates(db: Executor, today: string, afterId: number, limit: number) {
    return db
      .selectFrom('tasks')
      .selectAll()
      .where('status', 'in', ESCALATING_STATUSES)
      .where('dueDate', '<', today)
      .where('escalationStep', '<', 3)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  },
  /** Records the steps tasks reached, several per statement; returns those not recorded before (by an earlier or a parallel run). */
  async claimEscalations(db: Executor, rows: { taskId: number; step: number; at: string }[]) {
    const claimed: { taskId: number; step: number }[] = [];
    for (const batch of batches(rows, 3))
      claimed.push(
        ...(await db
          .insertInto('taskEscalations')
          .values(batch)
          .onConflict((oc) => oc.columns(['taskId', 'step']).doNothing())
          .returning(['taskId', 'step'])
          .execute()),
      );
    return claimed;
  },
};
