import type { Selectable } from 'kysely';
import type { EscalationStep } from '../../../shared/rules/task-deadline';
import type { TaskTable } from '../db/schema';

/** A task as the events about it carry it: what later modules (assessment, cockpit) count and group tasks by. */
export interface TaskEventSubject {
  taskId: number;
  type: string;
  /** The module record the task came from, as `createTask` was given it; null for the office's own 督办. */
  source: { module: string; recordId: string } | null;
  enterpriseId: number | null;
  ownerUnitId: number;
  coUnitIds: number[];
  createdByUnitId: number;
  dueDate: string;
}

/** A task past its due date reached an escalation step. */
export interface TaskOverdue extends TaskEventSubject {
  /** 1: just overdue (the owner unit is told); 2: the office follows it up; 3: listed for the next notice. */
  step: EscalationStep;
  /** The instant the escalation job recorded the step. */
  overdueAt: string;
}

/** A task was closed: accepted as done, finished by its module's own record, or cancelled. */
export interface TaskClosed extends TaskEventSubject {
  status: 'done' | 'cancelled';
  /** The county day it counts as finished (an accepted task: the day it was submitted). */
  finishedDate: string;
  /** The task's own record of lateness: set when it is finished after its due date, and kept once set. */
  wasOverdue: boolean;
  /** The instant it was closed. */
  closedAt: string;
}

/** A task its module had finished was opened again: the module's record no longer says the work is done. */
export interface TaskReopened extends TaskEventSubject {
  /** The instant it was reopened. */
  reopenedAt: string;
}

declare module '../events/events' {
  interface DomainEvents {
    /**
     * Published by the daily escalation job (`escalateTasks`) once per task and step, in the transaction that claims
     * the step, so a step is published once however often the job runs; `ctx.user` is null. Step 1 is the day a task
     * becomes overdue.
     */
    taskOverdue: TaskOverdue;
    /**
     * Published in the closing transaction: by `transitionTask` on accept (done) and cancel, and by `finishTask` when a
     * module's record finishes its task. `finishTask` runs in its module's own transaction, so an after-commit handler
     * needs those callers to open it with `events.transaction`.
     */
    taskClosed: TaskClosed;
    /**
     * Published by `reopenTask` in its module's transaction when a finished task is opened again (a milestone's met
     * date taken back), so whoever counted its close can take it back.
     */
    taskReopened: TaskReopened;
  }
}

/** The event fields of a task row and its co-handling units. */
export function taskEventSubject(row: Selectable<TaskTable>, coUnitIds: number[]): TaskEventSubject {
  return {
    taskId: row.id,
    type: row.type,
    source: row.sourceModule && row.sourceId ? { module: row.sourceModule, recordId: row.sourceId } : null,
    enterpriseId: row.enterpriseId,
    ownerUnitId: row.ownerUnitId,
    coUnitIds,
    createdByUnitId: row.createdByUnitId,
    dueDate: row.dueDate,
  };
}
