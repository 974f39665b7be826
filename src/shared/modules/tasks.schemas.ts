import { z } from 'zod';
import { strictId } from '../ids';
import { listQuery, pageOf, queryBoolean } from '../list';
import { DEADLINE_STATES, TASK_STATUSES } from '../rules/task-deadline';

const id = strictId;
const unitBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });
const userBrief = z.object({ id: z.number().int(), displayName: z.string() });

/** What a user may do to a task; the server says which apply to whom, the web shows those buttons. */
export const TASK_ACTIONS = ['start', 'submit', 'accept', 'return', 'cancel', 'assign', 'comment'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const taskSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  title: z.string(),
  description: z.string(),
  source: z.object({ module: z.string(), recordId: z.string() }).nullable(),
  /** The source record as people read it (预警看板 2021年9月 大营镇) and its page; null when the module does not say. */
  sourceLabel: z.object({ zh: z.string(), en: z.string(), path: z.string().nullable() }).nullable(),
  enterpriseId: z.number().int().nullable(),
  ownerUnit: unitBrief,
  assignee: userBrief.nullable(),
  coUnits: z.array(unitBrief),
  createdBy: userBrief.nullable(),
  createdByUnit: unitBrief,
  createdDate: z.string(),
  dueDate: z.string(),
  dueSoonDate: z.string(),
  status: z.enum(TASK_STATUSES),
  state: z.enum(DEADLINE_STATES),
  submittedDate: z.string().nullable(),
  finishedDate: z.string().nullable(),
  wasOverdue: z.boolean(),
  escalationStep: z.number().int(),
  actions: z.array(z.enum(TASK_ACTIONS)),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const TASK_EVENT_KINDS = ['created', 'transition', 'comment', 'escalation', 'assigned'] as const;
export const taskEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  user: userBrief.nullable(),
  kind: z.enum(TASK_EVENT_KINDS),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  text: z.string().nullable(),
});
export type TaskEvent = z.infer<typeof taskEventSchema>;
export const taskDetailSchema = taskSchema.extend({ events: z.array(taskEventSchema) });
export type TaskDetail = z.infer<typeof taskDetailSchema>;

/** Which list: assigned to me, my unit's (owned or co-handled), or all I may see (the office sees the county). */
export const TASK_VIEWS = ['mine', 'unit', 'all'] as const;
export const TASK_SORTS = ['dueDate', 'createdDate', 'title', 'status', 'updatedAt'] as const;
export const taskListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(TASK_SORTS).optional(),
  view: z.enum(TASK_VIEWS).default('all'),
  q: z.string().max(60).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  state: z.enum(DEADLINE_STATES).optional(),
  unitId: id.optional(),
  type: z.string().max(40).optional(),
  dueFrom: z.iso.date().optional(),
  dueTo: z.iso.date().optional(),
  enterpriseId: id.optional(),
  listedForNotice: queryBoolean.optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;
export const taskPage = pageOf(taskSchema);

const text = (max: number) => z.string().trim().max(max);

/** The office's ad-hoc 督办 task for any unit; the due date is given either in working days or as a date. */
export const createTaskBody = z
  .strictObject({
    title: text(200).min(1, 'err.required'),
    description: text(5000).default(''),
    ownerUnitId: z.number().int().positive(),
    assigneeUserId: z.number().int().positive().optional(),
    coUnitIds: z.array(z.number().int().positive()).max(30).default([]),
    enterpriseId: z.number().int().positive().optional(),
    dueInWorkingDays: z.number().int().min(1).max(250).optional(),
    dueDate: z.iso.date().optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.dueInWorkingDays === undefined) === (v.dueDate === undefined)) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'err.task.due_one_of' });
  });

/** A status change; `return` and `cancel` need a reason, the others may carry a note. */
export const taskTransitionBody = z
  .strictObject({
    action: z.enum(['start', 'submit', 'accept', 'return', 'cancel']),
    reason: text(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.action === 'return' || v.action === 'cancel') && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'err.task.reason_required' });
  });
/** Names (or clears) the user of the owner unit who handles the task. */
export const taskAssignBody = z.strictObject({ assigneeUserId: z.number().int().positive().nullable() });
export const assignableUsersResponse = z.array(userBrief);
export const taskCommentBody = z.strictObject({ text: text(2000).min(1, 'err.required') });
export const taskIdParams = z.strictObject({ id });
