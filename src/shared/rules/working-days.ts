/**
 * Working days on the county calendar: weekends off, statutory holidays off, make-up working days (调休) on.
 * The arrangement is data (seeded from the State Council's notices, editable by the office); these functions are pure.
 * Dates are county calendar days, `YYYY-MM-DD`.
 */
export interface CalendarArrangement {
  /** Days off that would otherwise be working days (statutory holidays). */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休 make-up days). */
  workdays: ReadonlySet<string>;
}

export const EMPTY_ARRANGEMENT: CalendarArrangement = { holidays: new Set(), workdays: new Set() };

const DAY_MS = 86_400_000;

function toUtcMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  // The round trip catches days that do not exist, such as 30 February, which Date.parse rolls over.
  if (Number.isNaN(ms) || fromUtcMs(ms) !== date) throw new RangeError(`Not a date: ${date}`);
  return ms;
}

const fromUtcMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The day `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whether a day is a working day under the arrangement. */
export function isWorkingDay(cal: CalendarArrangement, date: string): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = new Date(toUtcMs(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day after `date` (n ≥ 1), or before it when n is negative; n = 0 gives `date` itself.
 * "Due in 5 working days" from a task created on `date` is `addWorkingDays(cal, date, 5)`.
 */
export function addWorkingDays(cal: CalendarArrangement, date: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(cal, current)) remaining--;
  }
  return current;
}

/** The number of working days after `from` up to and including `to`; negative when `to` is before `from`. */
export function workingDaysBetween(cal: CalendarArrangement, from: string, to: string): number {
  if (to < from) return -workingDaysBetween(cal, to, from);
  let count = 0;
  for (let ms = toUtcMs(from) + DAY_MS, end = toUtcMs(to); ms <= end; ms += DAY_MS) {
    if (isWorkingDay(cal, fromUtcMs(ms))) count++;
  }
  return count;
}

/** The n-th working day (n ≥ 1) of a month `YYYY-MM`, e.g. the 5th working day when monthly reports are due. */
export function nthWorkingDayOfMonth(cal: CalendarArrangement, month: string, n: number): string {
  return addWorkingDays(cal, addCalendarDays(`${month}-01`, -1), n);
}
