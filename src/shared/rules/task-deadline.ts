/**
 * Deadline state and escalation of a task (督办事项), per rules.md: due soon at 80 % of the working-day span,
 * overdue after the due date; escalation at overdue → assignee and owner unit, +2 working days → the office,
 * +5 working days → listed for the next notice. Pure: the server and the web compute the same answer.
 */
import { type CalendarArrangement, addWorkingDays, workingDaysBetween } from './working-days';

export const TASK_STATUSES = ['open', 'in_progress', 'submitted', 'returned', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const DEADLINE_STATES = ['on_track', 'due_soon', 'overdue', 'done_on_time', 'done_late', 'cancelled'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** Escalation steps: 1 at overdue, 2 two working days later, 3 five working days later. */
export const ESCALATION_STEPS = [1, 2, 3] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

/** Working days past the due date at which each step falls due (step 1: any day after the due date). */
const STEP_WORKING_DAYS: Record<EscalationStep, number> = { 1: 0, 2: 2, 3: 5 };

/** Working days after creation at which a task of `span` working days turns due soon: 80 % of them. */
// Integer arithmetic: 0.8 * span in floating point can land a hair above a whole number and round up wrongly.
export const dueSoonWorkingDays = (span: number) => Math.ceil((4 * Math.max(0, span)) / 5);

/** The first day on which a task counts as due soon: when 80 % of the working days from creation to due have passed. */
export function dueSoonDate(cal: CalendarArrangement, created: string, due: string): string {
  return addWorkingDays(cal, created, dueSoonWorkingDays(workingDaysBetween(cal, created, due)));
}

export interface DeadlineInput {
  created: string;
  due: string;
  today: string;
  status: TaskStatus;
  /** The day the owner unit last submitted the task; a task counts as finished on the submission that is accepted. */
  submitted?: string | null;
  /** The day a done task was finished (its accepted submission). */
  finished?: string | null;
}

/**
 * The derived deadline state of a task on a given day. While a task waits for review its clock stops at the
 * submission: the owner unit is not late because the reviewer has not looked yet.
 */
export function deadlineState(cal: CalendarArrangement, t: DeadlineInput): DeadlineState {
  if (t.status === 'cancelled') return 'cancelled';
  if (t.status === 'done') return (t.finished ?? t.today) > t.due ? 'done_late' : 'done_on_time';
  const day = t.status === 'submitted' && t.submitted ? t.submitted : t.today;
  if (day > t.due) return 'overdue';
  return day >= dueSoonDate(cal, t.created, t.due) ? 'due_soon' : 'on_track';
}

/** Statuses in which a task escalates: the owner unit holds it. Submitted tasks wait on their reviewer instead. */
export const ESCALATING_STATUSES: readonly TaskStatus[] = ['open', 'in_progress', 'returned'];

/**
 * The highest escalation step a task in the owner unit's hands has reached on `today` (0 = none). The job applies
 * every step up to it that has not been applied yet, so a day the job missed is caught up.
 */
export function escalationStepReached(cal: CalendarArrangement, due: string, today: string, status: TaskStatus): 0 | EscalationStep {
  if (!ESCALATING_STATUSES.includes(status) || today <= due) return 0;
  const past = workingDaysBetween(cal, due, today);
  let reached: 0 | EscalationStep = 0;
  for (const step of ESCALATION_STEPS) if (past >= STEP_WORKING_DAYS[step]) reached = step;
  return reached;
}

/** The step that falls due exactly on `today` (for showing "escalates today"), or 0. */
export function escalationStepDueOn(cal: CalendarArrangement, due: string, today: string, status: TaskStatus): 0 | EscalationStep {
  const reached = escalationStepReached(cal, due, today, status);
  if (reached === 0) return 0;
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return escalationStepReached(cal, due, yesterday, status) === reached ? 0 : reached;
}
