import type { Warnings } from '../../../shared/modules/indicators.schemas';
import type { RequestContext } from '../../core/access/context';
import type { Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';

/** A locked month as its follow-up sees it: the locked board, and the office unit that locked it (or would have). */
export interface MonthLocked {
  month: string;
  board: Warnings;
  officeUnitId: number;
}

/** Work another module does when a month is locked, in the lock's transaction; it must be safe to run again. */
export type MonthLockedHandler = (trx: Trx, deps: Deps, ctx: RequestContext, event: MonthLocked) => Promise<void>;

// Other modules (documents drafts the notice) react to a lock without indicators importing them: app.ts registers
// their handlers at start.
const handlers = new Set<MonthLockedHandler>();

/** Registers a handler of locked months; registering the same function again is harmless. */
export function onMonthLocked(handler: MonthLockedHandler): void {
  handlers.add(handler);
}

/** Runs every registered handler, in registration order, inside the lock's transaction. */
export async function monthLocked(trx: Trx, deps: Deps, ctx: RequestContext, event: MonthLocked): Promise<void> {
  for (const handler of handlers) await handler(trx, deps, ctx, event);
}
