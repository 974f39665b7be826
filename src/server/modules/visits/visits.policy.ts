// What a user may do with a visit, sent with it so that the web shows exactly these buttons; the service refuses by
// the same functions.
import { type VisitChange, visitChangeRefusal } from '../../../shared/rules/visits-edit';
import { addCalendarDays } from '../../../shared/rules/working-days';
import { type Scope, scopeIncludes } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { countyDay } from '../../core/scheduler/scheduler';

/** Whether the caller writes to a visit: a `visit:write` holder whose scope holds the visit's team (the office's covers all). */
export function writesVisit(ctx: UserContext, write: Scope | null, row: { teamUnitId: number }): boolean {
  return ctx.user.permissions.has('visit:write') && write !== null && scopeIncludes(write, row.teamUnitId);
}

/** The facts that decide whether the caller may change a visit (rule `shared/rules/visits-edit.ts`). */
export function visitChange(
  ctx: UserContext,
  write: Scope | null,
  row: { teamUnitId: number; createdBy: number | null; createdAt: string },
  facts: { today: string; editDays: number; filedProblems: number },
): Omit<VisitChange, 'action'> {
  const author = row.createdBy === ctx.user.id && writesVisit(ctx, write, row);
  return { author, office: ctx.user.permissions.has('visit:manage'), loggedDay: countyDay(new Date(row.createdAt)), ...facts };
}

/** The flags sent with a visit: write to it (files, problems), edit or delete it, and until when. */
export function visitCan(ctx: UserContext, write: Scope | null, row: { teamUnitId: number }, change: Omit<VisitChange, 'action'>) {
  return {
    canWrite: writesVisit(ctx, write, row),
    canEdit: visitChangeRefusal({ ...change, action: 'edit' }) === null,
    canDelete: visitChangeRefusal({ ...change, action: 'delete' }) === null,
    editableUntil: addCalendarDays(change.loggedDay, change.editDays),
  };
}
