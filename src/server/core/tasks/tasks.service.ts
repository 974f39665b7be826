import { describeTaskSources } from '../modules/registry';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Task, TaskAction, TaskDetail, createTaskBody, taskTransitionBody } from '../../../shared/modules/tasks.schemas';
import { type TaskStatus, deadlineState, dueSoonDate } from '../../../shared/rules/task-deadline';
import { requirePermission, scopeFor } from '../access/access';
import type { RequestContext, UserContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import { arrangementAround, workingDayAfter } from '../calendar/calendar.service';
import type { Executor, Trx } from '../db/database';
import type { TaskTable } from '../db/schema';
import type { Deps } from '../deps';
import { events } from '../events/events';
import { fieldError, forbidden, notFound } from '../http/errors';
import { notify } from '../notifications/notifications.service';
import { countyDay } from '../scheduler/scheduler';
import { taskTypes } from '../modules/registry';
import { taskEventSubject } from './task-events';
import { type TaskFilter, tasksRepository } from './tasks.repository';

type TaskRow = Selectable<TaskTable>;

/** What a module passes to create a task. */
export interface CreateTaskInput {
  /** `adhoc` for the office's own 督办; modules use their own code, e.g. `service_request`. */
  type: string;
  title: string;
  description?: string;
  /** The record the task came from, so the module can find its tasks again. */
  source?: { module: string; recordId: string | number } | null;
  enterpriseId?: number | null;
  ownerUnitId: number;
  /** A user of the owner unit who handles it, if known. */
  assigneeUserId?: number | null;
  coUnitIds?: number[];
  /** Exactly one of these: a time limit in working days on the county calendar, or a date. */
  dueInWorkingDays?: number;
  dueDate?: string;
  /** The unit that set the task (and accepts or returns it); defaults to the caller's unit. Needed for system callers. */
  createdByUnitId?: number;
}

const ACTION_TARGET: Record<Exclude<TaskAction, 'comment' | 'assign'>, TaskStatus> = {
  start: 'in_progress',
  submit: 'submitted',
  accept: 'done',
  return: 'returned',
  cancel: 'cancelled',
};

/**
 * What the caller may do to a task now. The owner unit works and submits; the creating unit (or the office) accepts
 * or returns; only the office cancels. The web shows exactly these buttons.
 */
export function taskActions(ctx: RequestContext, t: Pick<TaskRow, 'status' | 'ownerUnitId' | 'createdByUnitId'>): TaskAction[] {
  const user = ctx.user;
  if (!user) return [];
  const write = user.permissions.has('task:write');
  const office = user.permissions.has('task:assign');
  const works = write && user.unitId === t.ownerUnitId;
  const reviews = office || (write && user.unitId === t.createdByUnitId);
  const actions: TaskAction[] = [];
  const status = t.status as TaskStatus;
  if (works && (status === 'open' || status === 'returned')) actions.push('start');
  if (works && (status === 'open' || status === 'in_progress' || status === 'returned')) actions.push('submit');
  if (reviews && status === 'submitted') actions.push('accept', 'return');
  if (office && status !== 'done' && status !== 'cancelled') actions.push('cancel');
  if ((works || office) && status !== 'done' && status !== 'cancelled') actions.push('assign');
  if ((write || office) && status !== 'cancelled') actions.push('comment');
  return actions;
}

async function describeTasks(db: Executor, ctx: RequestContext, rows: TaskRow[], today: string): Promise<Task[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const unitIds = [...new Set(rows.flatMap((r) => [r.ownerUnitId, r.createdByUnitId]))];
  const userIds = [...new Set(rows.flatMap((r) => [r.assigneeUserId, r.createdByUserId]).filter((x): x is number => x !== null))];
  const sources = rows.flatMap((r) => (r.sourceModule && r.sourceId ? [{ module: r.sourceModule, recordId: r.sourceId }] : []));
  const [units, users, coUnits, cal, sourceLabels] = await Promise.all([
    tasksRepository.unitsByIds(db, unitIds),
    tasksRepository.usersByIds(db, userIds),
    tasksRepository.coUnitsOf(db, ids),
    arrangementAround(db, today),
    describeTaskSources(db, sources),
  ]);
  const unit = (id: number) => {
    const u = units.find((x) => x.id === id);
    return { id, nameZh: u?.nameZh ?? '', nameEn: u?.nameEn ?? '' };
  };
  const user = (id: number | null) => {
    if (id === null) return null;
    return { id, displayName: users.find((x) => x.id === id)?.displayName ?? '' };
  };
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    title: r.title,
    description: r.description,
    source: r.sourceModule && r.sourceId ? { module: r.sourceModule, recordId: r.sourceId } : null,
    sourceLabel: sourceLabels.get(`${r.sourceModule}:${r.sourceId}`) ?? null,
    enterpriseId: r.enterpriseId,
    ownerUnit: unit(r.ownerUnitId),
    assignee: user(r.assigneeUserId),
    coUnits: coUnits.filter((c) => c.taskId === r.id).map(({ taskId: _, ...u }) => u),
    createdBy: user(r.createdByUserId),
    createdByUnit: unit(r.createdByUnitId),
    createdDate: r.createdDate,
    dueDate: r.dueDate,
    dueSoonDate: r.dueSoonDate,
    status: r.status as TaskStatus,
    state: deadlineState(cal, {
      created: r.createdDate,
      due: r.dueDate,
      today,
      status: r.status as TaskStatus,
      submitted: r.submittedDate,
      finished: r.finishedDate,
    }),
    submittedDate: r.submittedDate,
    finishedDate: r.finishedDate,
    wasOverdue: r.wasOverdue === 1,
    escalationStep: r.escalationStep,
    actions: taskActions(ctx, r),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

const taskLink = (id: number) => `/tasks/${id}`;

/** Publishes `taskClosed` for a task as it stands once closed, in the closing transaction. */
async function publishClosed(trx: Trx, deps: Deps, ctx: RequestContext, task: TaskRow, closedAt: string) {
  const coUnitIds = (await tasksRepository.coUnitsOf(trx, [task.id])).map((u) => u.id);
  await events.publish(trx, deps, ctx, 'taskClosed', {
    ...taskEventSubject(task, coUnitIds),
    status: task.status as 'done' | 'cancelled',
    finishedDate: task.finishedDate as string,
    wasOverdue: task.wasOverdue === 1,
    closedAt,
  });
}

/**
 * Marks a module's task done because the module's own record says the work is done (a request answered, a review
 * step decided, a need placed): today, or `on` when the record names the day the work was done (a milestone met).
 * The timeline says why (`text`), the audit row names the module's `action`; done after its due date is late. A task
 * already finished or cancelled, or no task at all, is left alone; a finished one publishes `taskClosed`.
 */
export async function finishTask(trx: Trx, deps: Deps, ctx: RequestContext, taskId: number | null, text: string, action: string, { on }: { on?: string } = {}) {
  if (taskId === null) return;
  const task = await tasksRepository.findById(trx, taskId);
  if (!task || task.status === 'done' || task.status === 'cancelled') return;
  const now = deps.clock.now().toISOString();
  const day = on ?? countyDay(deps.clock.now());
  const changes = {
    status: 'done',
    finishedDate: day,
    submittedDate: task.submittedDate ?? day,
    wasOverdue: day > task.dueDate ? 1 : task.wasOverdue,
    updatedAt: now,
  };
  await tasksRepository.update(trx, taskId, changes);
  await tasksRepository.addEvent(trx, { taskId, at: now, userId: ctx.user?.id ?? null, kind: 'transition', fromStatus: task.status, toStatus: 'done', text });
  await recordAudit(trx, deps, ctx, { action, entityType: 'task', entityId: taskId, before: task, after: changes });
  await publishClosed(trx, deps, ctx, { ...task, ...changes }, now);
}

/**
 * Opens again a task its module had finished, because the module's record no longer says the work is done (a
 * milestone's met date taken back): the timeline says why, the audit row names the module's `action`, and
 * `taskReopened` is published. A task that is not done is left alone; a cancelled one stays cancelled.
 */
export async function reopenTask(trx: Trx, deps: Deps, ctx: RequestContext, taskId: number | null, text: string, action: string) {
  if (taskId === null) return;
  const task = await tasksRepository.findById(trx, taskId);
  if (task?.status !== 'done') return;
  const now = deps.clock.now().toISOString();
  const changes = { status: 'open', finishedDate: null, submittedDate: null, updatedAt: now };
  await tasksRepository.update(trx, taskId, changes);
  await tasksRepository.addEvent(trx, { taskId, at: now, userId: ctx.user?.id ?? null, kind: 'transition', fromStatus: task.status, toStatus: 'open', text });
  await recordAudit(trx, deps, ctx, { action, entityType: 'task', entityId: taskId, before: task, after: changes });
  const coUnitIds = (await tasksRepository.coUnitsOf(trx, [taskId])).map((u) => u.id);
  await events.publish(trx, deps, ctx, 'taskReopened', { ...taskEventSubject({ ...task, ...changes }, coUnitIds), reopenedAt: now });
}

/** The task a module created for one of its records (`source`), if any: how modules make a task once per record. */
export function taskOfSource(db: Executor, source: { module: string; recordId: string | number }): Promise<{ id: number; status: string } | undefined> {
  return tasksRepository.bySource(db, source.module, String(source.recordId));
}

/**
 * Creates a task in the caller's transaction: computes the due date on the county calendar, records the first
 * timeline entry and the audit row, and notifies the owner unit (and assignee, co-handling units). The one way every
 * module creates tasks; the caller checks its own permission first. Returns the new task's id.
 */
export async function createTask(trx: Trx, deps: Pick<Deps, 'clock' | 'dialect'>, ctx: RequestContext, input: CreateTaskInput): Promise<number> {
  const createdByUnitId = input.createdByUnitId ?? ctx.user?.unitId;
  if (createdByUnitId === undefined) throw new Error('createTask: a system caller must name createdByUnitId');
  if (!taskTypes().includes(input.type)) throw new Error(`createTask: task type ${input.type} is declared by no module (taskTypes)`);
  const coUnitIds = [...new Set(input.coUnitIds ?? [])].filter((id) => id !== input.ownerUnitId);
  const units = await tasksRepository.unitsByIds(trx, [input.ownerUnitId, ...coUnitIds]);
  const activeUnit = (id: number) => units.some((u) => u.id === id && u.active === 1);
  if (!activeUnit(input.ownerUnitId)) throw fieldError({ ownerUnitId: 'err.unit_not_found' });
  if (!coUnitIds.every(activeUnit)) throw fieldError({ coUnitIds: 'err.unit_not_found' });
  if (input.assigneeUserId) {
    const workers = await tasksRepository.workersOfUnit(trx, input.ownerUnitId);
    if (!workers.some((u) => u.id === input.assigneeUserId)) throw fieldError({ assigneeUserId: 'err.task.assignee_unit' });
  }
  if ((input.dueInWorkingDays === undefined) === (input.dueDate === undefined)) throw fieldError({ dueDate: 'err.task.due_one_of' });

  const now = deps.clock.now();
  const today = countyDay(now);
  const dueDate = input.dueDate ?? (await workingDayAfter(trx, today, input.dueInWorkingDays as number));
  if (dueDate < today) throw fieldError({ dueDate: 'err.task.due_past' });
  const row = {
    type: input.type,
    title: input.title,
    description: input.description ?? '',
    sourceModule: input.source?.module ?? null,
    sourceId: input.source ? String(input.source.recordId) : null,
    enterpriseId: input.enterpriseId ?? null,
    ownerUnitId: input.ownerUnitId,
    assigneeUserId: input.assigneeUserId ?? null,
    createdByUserId: ctx.user?.id ?? null,
    createdByUnitId,
    createdDate: today,
    dueDate,
    dueSoonDate: dueSoonDate(await arrangementAround(trx, today), today, dueDate),
    status: 'open',
    submittedDate: null,
    finishedDate: null,
    wasOverdue: 0,
    escalationStep: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const id = await tasksRepository.insert(trx, row);
  await tasksRepository.setCoUnits(trx, id, coUnitIds);
  await tasksRepository.addEvent(trx, {
    taskId: id,
    at: row.createdAt,
    userId: row.createdByUserId,
    kind: 'created',
    fromStatus: null,
    toStatus: 'open',
    text: null,
  });
  await recordAudit(trx, deps, ctx, { action: 'task.create', entityType: 'task', entityId: id, after: { ...row, coUnitIds } });
  await notify(trx, deps, {
    userIds: row.assigneeUserId ? [row.assigneeUserId] : [],
    unitIds: [input.ownerUnitId, ...coUnitIds],
    exceptUserIds: ctx.user ? [ctx.user.id] : [],
    kind: 'task.assigned',
    title: { zh: `新督办事项：${input.title}（${dueDate} 前办结）`, en: `New task: ${input.title} (due ${dueDate})` },
    link: taskLink(id),
    entityType: 'task',
    unitPermission: 'task:read',
    entityId: id,
  });
  return id;
}

async function loadVisible(db: Executor, ctx: UserContext, id: number): Promise<TaskRow> {
  const row = await tasksRepository.findById(db, id, await scopeFor(db, ctx.user, 'task:read'));
  if (!row) throw notFound();
  return row;
}

async function detail(db: Executor, ctx: UserContext, row: TaskRow, today: string): Promise<TaskDetail> {
  const [task] = await describeTasks(db, ctx, [row], today);
  const events = await tasksRepository.events(db, row.id);
  return {
    ...task,
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      user: e.userId === null ? null : { id: e.userId, displayName: e.displayName ?? '' },
      kind: e.kind as TaskDetail['events'][number]['kind'],
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      text: e.text,
    })),
  };
}

/** One page of the tasks the caller may see, in one of the three views. */
export async function listTasks(deps: Deps, ctx: UserContext, filter: TaskFilter) {
  requirePermission(ctx, 'task:read');
  const today = countyDay(deps.clock.now());
  const scope = await scopeFor(deps.db, ctx.user, 'task:read');
  const { rows, total } = await tasksRepository.list(deps.db, filter, scope, { userId: ctx.user.id, unitId: ctx.user.unitId, today });
  return { items: await describeTasks(deps.db, ctx, rows, today), total, page: filter.page, pageSize: filter.pageSize };
}

/** Every task matching the list's filters, for export. */
export async function allTasks(deps: Deps, ctx: UserContext, filter: Omit<TaskFilter, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'task:read');
  const today = countyDay(deps.clock.now());
  const scope = await scopeFor(deps.db, ctx.user, 'task:read');
  const rows = await tasksRepository.all(deps.db, filter, scope, { userId: ctx.user.id, unitId: ctx.user.unitId, today });
  return describeTasks(deps.db, ctx, rows, today);
}

/** A task with its timeline; a task outside the caller's scope is 404. */
export async function getTask(deps: Deps, ctx: UserContext, id: number): Promise<TaskDetail> {
  requirePermission(ctx, 'task:read');
  return detail(deps.db, ctx, await loadVisible(deps.db, ctx, id), countyDay(deps.clock.now()));
}

/** The office assigns an ad-hoc 督办 task to any unit: the one real use of `createTask` in the core. */
export async function createAdhocTask(deps: Deps, ctx: UserContext, body: z.infer<typeof createTaskBody>): Promise<TaskDetail> {
  requirePermission(ctx, 'task:assign');
  return deps.db.transaction().execute(async (trx) => {
    const id = await createTask(trx, deps, ctx, { type: 'adhoc', ...body });
    return detail(trx, ctx, (await tasksRepository.findById(trx, id)) as TaskRow, countyDay(deps.clock.now()));
  });
}

/** Moves a task along its workflow if the caller may, with history, audit, notices and `taskClosed` in one transaction. */
export async function transitionTask(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof taskTransitionBody>): Promise<TaskDetail> {
  requirePermission(ctx, 'task:read');
  return events.transaction(deps, async (trx) => {
    const before = await loadVisible(trx, ctx, id);
    if (!taskActions(ctx, before).includes(body.action)) throw fieldError({ action: 'err.task.action_not_allowed' });
    const to = ACTION_TARGET[body.action];
    const now = deps.clock.now();
    const today = countyDay(now);
    // An accepted task was finished on the day it was submitted: the review's own delay does not make it late.
    const finishedDate = to === 'done' ? (before.submittedDate ?? today) : to === 'cancelled' ? today : null;
    const changes = {
      status: to,
      updatedAt: now.toISOString(),
      ...(to === 'submitted' ? { submittedDate: today } : {}),
      ...(finishedDate ? { finishedDate } : {}),
      // Once late, always recorded as late.
      ...(to === 'done' && finishedDate && finishedDate > before.dueDate ? { wasOverdue: 1 } : {}),
    };
    await tasksRepository.update(trx, id, changes);
    await tasksRepository.addEvent(trx, {
      taskId: id,
      at: now.toISOString(),
      userId: ctx.user.id,
      kind: 'transition',
      fromStatus: before.status,
      toStatus: to,
      text: body.reason ?? null,
    });
    const after = { ...before, ...changes };
    await recordAudit(trx, deps, ctx, {
      action: `task.${body.action}`,
      entityType: 'task',
      entityId: id,
      before,
      after: { ...after, reason: body.reason ?? null },
    });
    await notifyTransition(trx, deps, ctx, after, body.action, body.reason);
    if (to === 'done' || to === 'cancelled') await publishClosed(trx, deps, ctx, after, after.updatedAt);
    return detail(trx, ctx, after, today);
  });
}

const TRANSITION_TITLES: Record<keyof typeof ACTION_TARGET, { kind: string; zh: string; en: string }> = {
  start: { kind: 'task.started', zh: '督办事项已开始办理', en: 'Task started' },
  submit: { kind: 'task.submitted', zh: '督办事项已提交办结，请审核', en: 'Task submitted for review' },
  accept: { kind: 'task.accepted', zh: '督办事项已通过审核办结', en: 'Task accepted as done' },
  return: { kind: 'task.returned', zh: '督办事项被退回', en: 'Task returned' },
  cancel: { kind: 'task.cancelled', zh: '督办事项已撤销', en: 'Task cancelled' },
};

async function notifyTransition(trx: Trx, deps: Deps, ctx: UserContext, t: TaskRow, action: keyof typeof ACTION_TARGET, reason?: string) {
  if (action === 'start') return; // starting work shows on the task; it is not worth an interruption
  // Submission goes to whoever set the task (its unit when a system job set it); every other outcome to the owner unit.
  const recipients =
    action === 'submit'
      ? t.createdByUserId
        ? { userIds: [t.createdByUserId] }
        : { unitIds: [t.createdByUnitId] }
      : { unitIds: [t.ownerUnitId], userIds: t.assigneeUserId ? [t.assigneeUserId] : [] };
  const title = TRANSITION_TITLES[action];
  const why = reason ? { zh: `（原因：${reason}）`, en: ` (reason: ${reason})` } : { zh: '', en: '' };
  await notify(trx, deps, {
    ...recipients,
    exceptUserIds: [ctx.user.id],
    kind: title.kind,
    title: { zh: `${title.zh}：${t.title}${why.zh}`, en: `${title.en}: ${t.title}${why.en}` },
    link: taskLink(t.id),
    entityType: 'task',
    unitPermission: 'task:read',
    entityId: t.id,
  });
}

/** Adds a comment to a task's timeline. */
export async function commentOnTask(deps: Deps, ctx: UserContext, id: number, text: string): Promise<TaskDetail> {
  requirePermission(ctx, 'task:read');
  return deps.db.transaction().execute(async (trx) => {
    const task = await loadVisible(trx, ctx, id);
    if (!taskActions(ctx, task).includes('comment')) throw fieldError({ text: 'err.task.action_not_allowed' });
    const at = deps.clock.now().toISOString();
    await tasksRepository.addEvent(trx, { taskId: id, at, userId: ctx.user.id, kind: 'comment', fromStatus: null, toStatus: null, text });
    await tasksRepository.update(trx, id, { updatedAt: at });
    await recordAudit(trx, deps, ctx, { action: 'task.comment', entityType: 'task', entityId: id, after: { text } });
    return detail(trx, ctx, { ...task, updatedAt: at }, countyDay(deps.clock.now()));
  });
}

/** The users who may be named as the task's assignee: active users of the owner unit who work on tasks. */
export async function assignableUsers(deps: Deps, ctx: UserContext, id: number) {
  requirePermission(ctx, 'task:read');
  const task = await loadVisible(deps.db, ctx, id);
  if (!taskActions(ctx, task).includes('assign')) throw forbidden();
  return tasksRepository.workersOfUnit(deps.db, task.ownerUnitId);
}

/** Names or clears the assignee (the owner unit or the office), with a timeline entry, audit and a notice to them. */
export async function assignTask(deps: Deps, ctx: UserContext, id: number, assigneeUserId: number | null): Promise<TaskDetail> {
  requirePermission(ctx, 'task:read');
  return deps.db.transaction().execute(async (trx) => {
    const before = await loadVisible(trx, ctx, id);
    if (!taskActions(ctx, before).includes('assign')) throw fieldError({ assigneeUserId: 'err.task.action_not_allowed' });
    const assignee = assigneeUserId === null ? null : (await tasksRepository.workersOfUnit(trx, before.ownerUnitId)).find((u) => u.id === assigneeUserId);
    if (assignee === undefined) throw fieldError({ assigneeUserId: 'err.task.assignee_unit' });
    const at = deps.clock.now().toISOString();
    await tasksRepository.update(trx, id, { assigneeUserId, updatedAt: at });
    await tasksRepository.addEvent(trx, {
      taskId: id,
      at,
      userId: ctx.user.id,
      kind: 'assigned',
      fromStatus: null,
      toStatus: null,
      text: assignee?.displayName ?? null,
    });
    const after = { ...before, assigneeUserId, updatedAt: at };
    await recordAudit(trx, deps, ctx, { action: 'task.assign', entityType: 'task', entityId: id, before, after });
    if (assignee)
      await notify(trx, deps, {
        userIds: [assignee.id],
        exceptUserIds: [ctx.user.id],
        kind: 'task.assigned',
        title: { zh: `督办事项指定由您经办：${before.title}（${before.dueDate} 前办结）`, en: `Task assigned to you: ${before.title} (due ${before.dueDate})` },
        link: taskLink(id),
        entityType: 'task',
        entityId: id,
      });
    return detail(trx, ctx, after, countyDay(deps.clock.now()));
  });
}
