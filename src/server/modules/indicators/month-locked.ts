import type { Warnings } from '../../../shared/modules/indicators.schemas';

/** A locked month as its follow-up sees it: the locked board, and the office unit that locked it (or would have). */
export interface MonthLocked {
  month: string;
  board: Warnings;
  officeUnitId: number;
}

declare module '../../core/events/events' {
  interface DomainEvents {
    /**
     * A month was locked (by the office or the auto-lock job), published in the lock's transaction after the month
     * close's own follow-up; `ctx.user` may be null. A month can be locked again after a repair: handlers must be
     * idempotent.
     */
    monthLocked: MonthLocked;
  }
}
