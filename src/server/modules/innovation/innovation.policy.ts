// What a user may do with an innovation entry, sent with each so that the web shows exactly these buttons.
import { type Scope, scopeIncludes } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';

/** Innovation entries are managed by the departments' staff: a holder of `innovation:manage`, never a firm's account. */
export function managesEntries(ctx: UserContext): boolean {
  return ctx.user.permissions.has('innovation:manage') && ctx.user.enterpriseId === null;
}

/** Whether the caller changes an entry: a manager whose `innovation:manage` scope holds the entry's responsible unit. */
export function entryWritable(ctx: UserContext, manage: Scope | null, entry: { responsibleUnitId: number }): boolean {
  return managesEntries(ctx) && manage !== null && scopeIncludes(manage, entry.responsibleUnitId);
}
