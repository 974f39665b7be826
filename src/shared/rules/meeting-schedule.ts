import { nextMonth } from './monthly-cycle';
import { type CalendarArrangement, addCalendarDays, isWorkingDay, nthWorkingDayOfMonth, workingDaysBetween } from './working-days';

/**
 * The date of a recurring meeting in a month: its n-th working day, or the month's last working day when the month
 * has fewer (a February with the Spring Festival), so a monthly meeting never slips into the next month.
 */
export function meetingDateOfMonth(cal: CalendarArrangement, month: string, workingDay: number): string {
  const date = nthWorkingDayOfMonth(cal, month, workingDay);
  if (date.startsWith(month)) return date;
  let last = addCalendarDays(`${nextMonth(month)}-01`, -1);
  while (!isWorkingDay(cal, last)) last = addCalendarDays(last, -1);
  return last;
}

/** Whether a schedule meets in `month`: every month, or every n-th month counted from its first month (`YYYY-MM`). */
export function meetsInMonth(month: string, everyMonths = 1, startMonth: string | null = null): boolean {
  if (everyMonths <= 1 || !startMonth) return true;
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const diff = index(month) - index(startMonth);
  return ((diff % everyMonths) + everyMonths) % everyMonths === 0;
}

/**
 * The next date of a recurring meeting from `today` on: this month's, or the next month's once this one has passed;
 * a schedule meeting every n months (政银企对接会 every two) skips the months between, counted from its first month.
 */
export function nextMeetingDate(cal: CalendarArrangement, today: string, workingDay: number, everyMonths = 1, startMonth: string | null = null): string {
  let month = today.slice(0, 7);
  for (let i = 0; i < 24; i++, month = nextMonth(month)) {
    if (!meetsInMonth(month, everyMonths, startMonth)) continue;
    const date = meetingDateOfMonth(cal, month, workingDay);
    if (date >= today) return date;
  }
  return meetingDateOfMonth(cal, month, workingDay);
}

/** Whether a meeting on `date` is close enough to be created and announced today: within its lead working days. */
export function isDueForCreation(cal: CalendarArrangement, today: string, date: string, leadWorkingDays: number): boolean {
  return date >= today && workingDaysBetween(cal, today, date) <= leadWorkingDays;
}
