import { addCalendarDays } from './working-days';

/** Days after the day a visit was logged during which its author or the office may still edit or delete it. */
export const DEFAULT_EDIT_DAYS = 7;

export interface VisitChange {
  action: 'edit' | 'delete';
  /** The caller logged the visit. */
  author: boolean;
  /** The caller manages visits (the office). */
  office: boolean;
  /** The county day the visit was logged (not the day of the visit). */
  loggedDay: string;
  today: string;
  editDays: number;
  /** Problems of the visit already filed as 督办 tasks or service requests. */
  filedProblems: number;
}

export type VisitChangeRefusal = 'not_author' | 'window_closed' | 'problems_filed';

/**
 * Whether a visit may be changed, or why not (the first reason that applies):
 * - only its author or the office (`not_author`, a 403);
 * - within `editDays` calendar days after the day it was logged, that day and the last day included
 *   (`window_closed`, a 409) — for the office too, so that the record settles;
 * - a visit whose problems already became tasks or requests is never deleted, only edited (`problems_filed`, a 409):
 *   the tasks and requests live on in their units' hands.
 */
export function visitChangeRefusal(c: VisitChange): VisitChangeRefusal | null {
  if (!c.author && !c.office) return 'not_author';
  if (c.today > addCalendarDays(c.loggedDay, c.editDays)) return 'window_closed';
  if (c.action === 'delete' && c.filedProblems > 0) return 'problems_filed';
  return null;
}
