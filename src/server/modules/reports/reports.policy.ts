// What a user may do with a township's report, sent with the sheet so that the web shows exactly these buttons.
import type { ReportSheet } from '../../../shared/modules/reports.schemas';
import type { ReportStatus } from '../../../shared/rules/report-forms';
import { type Scope, scopeIncludes } from '../../core/access/access';
import type { RequestContext } from '../../core/access/context';

/**
 * The township that reports (its `report:fill` scope holds the unit) edits an open report of an active form and
 * submits a draft or a returned one; a reviewer accepts or returns a submitted report and reopens an accepted one.
 */
export function sheetPowers(ctx: RequestContext, fillScope: Scope, sheet: { unitId: number; status: ReportStatus; formActive: boolean }): ReportSheet['can'] {
  const mayFill = scopeIncludes(fillScope, sheet.unitId);
  const mayReview = !!ctx.user?.permissions.has('report:review');
  const open = sheet.status === 'draft' || sheet.status === 'returned';
  return {
    edit: mayFill && sheet.formActive && (sheet.status === 'not_started' || open),
    submit: mayFill && open,
    review: mayReview && sheet.status === 'submitted',
    reopen: mayReview && sheet.status === 'accepted',
  };
}
