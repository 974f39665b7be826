// What a user may do with a fund application, sent with each one so that the web shows exactly these buttons.
import type { ApplicationAction } from '../../../shared/modules/funds.schemas';
import type { UserContext } from '../../core/access/context';
import type { ListedApplication } from './funds.repository';

/** What the caller may do to an application now; the web shows exactly these buttons. */
export function actionsOf(ctx: UserContext, r: Pick<ListedApplication, 'status' | 'reviewUnitId' | 'enterpriseId'>): ApplicationAction[] {
  const p = ctx.user.permissions;
  const out: ApplicationAction[] = [];
  if (r.status === 'preliminary' && p.has('fund:review') && ctx.user.unitId === r.reviewUnitId) out.push('preliminary');
  if (r.status === 'office' && p.has('fund:manage')) out.push('office');
  if (r.status === 'leader' && p.has('fund:approve')) out.push('leader');
  if (out.some((a) => a === 'preliminary' || a === 'office' || a === 'leader')) out.push('reject');
  if (r.status === 'returned' && ((p.has('fund:apply') && ctx.user.enterpriseId === r.enterpriseId) || p.has('fund:manage'))) out.push('resubmit');
  if (r.status === 'approved' && p.has('fund:disburse')) out.push('disburse');
  return out;
}
