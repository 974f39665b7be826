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

/** The next date of a recurring meeting from `today` on: this month's, or next month's once this one has passed. */
export function nextMeetingDate(cal: CalendarArrangement, today: string, workingDay: number): string {
  const month = today.slice(0, 7);
  const date = meetingDateOfMonth(cal, month, workingDay);
  return date >= today ? date : meetingDateOfMonth(cal, nextMonth(month), workingDay);
}

/** Whether a meeting on `date` is close enough to be created and announced today: within its lead working days. */
export function isDueForCreation(cal: CalendarArrangement, today: string, date: string, leadWorkingDays: number): boolean {
  return date >= today && workingDaysBetween(cal, today, date) <= leadWorkingDays;
}
