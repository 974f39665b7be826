// Who may do what with a financing need, sent with each one so that the web shows exactly these buttons.
import type { Need, NeedStatus } from '../../../shared/modules/financing.schemas';
import type { UserContext } from '../../core/access/context';
import type { NeedRow } from './financing.repository';

/** A need still being worked on. */
export const OPEN: readonly NeedStatus[] = ['pending', 'matching', 'credited'];

/** A bank's account (it sees its own matches only). */
export const isBank = (ctx: UserContext) => ctx.user.permissions.has('financing:bank');
/** The firm a firm's account acts for, or null for staff and banks. */
export const firmOf = (ctx: UserContext) => (ctx.user.permissions.has('financing:submit') ? ctx.user.enterpriseId : null);

/**
 * The firm and its handlers edit a pending or matching need and change its banks while it is open; a handler closes
 * an open need; a bank records its outcome until the need has failed.
 */
export function needActions(ctx: UserContext, row: Pick<NeedRow, 'status' | 'enterpriseId'>): Need['actions'] {
  const bank = isBank(ctx);
  const handler = !bank && ctx.user.permissions.has('financing:handle');
  const firmOrHandler = firmOf(ctx) === row.enterpriseId || handler;
  const open = OPEN.includes(row.status as NeedStatus);
  const actions: Need['actions'] = [];
  if ((row.status === 'pending' || row.status === 'matching') && firmOrHandler) actions.push('edit');
  if (open && firmOrHandler) actions.push('banks');
  if (open && handler) actions.push('close');
  if (row.status !== 'failed' && bank) actions.push('outcome');
  return actions;
}
