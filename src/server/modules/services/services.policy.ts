// What a user may do with a service request, sent with each one so that the web shows exactly these buttons.
import type { RequestAction } from '../../../shared/modules/services.schemas';
import type { RequestStatus } from '../../../shared/rules/services-requests';
import type { RequestContext, UserContext } from '../../core/access/context';
import type { PartRow, RequestRow } from './services.repository';

/** The firm's own account acting on its request. */
export const isFirm = (ctx: RequestContext, enterpriseId: number) => !!ctx.user?.permissions.has('service:submit') && ctx.user.enterpriseId === enterpriseId;

/**
 * The firm rates a closed request and comments until it confirms; the owning unit notes, transfers, replies once
 * every part is answered and asks to lift; a unit handling a part notes and asks to lift; the office schedules and
 * decides a lift.
 */
export function actionsOf(ctx: UserContext, r: RequestRow, parts: PartRow[]): RequestAction[] {
  const actions: RequestAction[] = [];
  const status = r.status as RequestStatus;
  if (isFirm(ctx, r.enterpriseId)) {
    if (status === 'closed') actions.push('rate');
    if (status !== 'confirmed') actions.push('comment');
    return actions;
  }
  if (!ctx.user.permissions.has('service:handle')) return actions;
  const owner = ctx.user.unitId === r.ownerUnitId;
  const handlesPart = parts.some((p) => p.unitId === ctx.user.unitId);
  if ((owner || handlesPart) && status !== 'confirmed') actions.push('note');
  if (owner && status === 'open') {
    actions.push('transfer');
    if (parts.every((p) => p.status !== 'open')) actions.push('reply');
  }
  if ((owner || handlesPart) && status === 'open' && r.liftStatus === null) actions.push('lift');
  if (ctx.user.permissions.has('service:manage') && status !== 'confirmed') {
    if (r.liftStatus === 'requested' || r.liftStatus === 'scheduled') actions.push('schedule');
    if (r.liftStatus === 'scheduled') actions.push('decide');
  }
  return actions;
}
