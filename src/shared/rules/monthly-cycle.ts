import { type CalendarArrangement, nthWorkingDayOfMonth } from './working-days';

/** The monthly cycle's days (rules.md), kept as settings the office can change. */
export interface MonthlyCycle {
  /** Township reports and departmental values are due on this working day of the next month. */
  reportDueWorkingDay: number;
  /** The office locks the month on this working day of the next month. */
  lockWorkingDay: number;
  /** Working days a lagging unit has for its written answer. */
  responseWorkingDays: number;
  /** Whether the platform locks the month itself on the lock day when the office has not. */
  autoLock: boolean;
}

export const DEFAULT_MONTHLY_CYCLE: MonthlyCycle = { reportDueWorkingDay: 5, lockWorkingDay: 8, responseWorkingDays: 5, autoLock: true };

/** `YYYY-MM` of the month after `month`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** `YYYY-MM` of the month before a day `YYYY-MM-DD`. */
export function previousMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month that is due for locking on a day, if the lock day of that month's successor has come. */
export function monthDueForLock(cal: CalendarArrangement, today: string, cycle: MonthlyCycle): string | null {
  const lockDay = nthWorkingDayOfMonth(cal, today.slice(0, 7), cycle.lockWorkingDay);
  return today >= lockDay ? previousMonth(today) : null;
}
