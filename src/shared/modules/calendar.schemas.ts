import { z } from 'zod';
import { strictInt } from '../ids';

export const calendarDayKind = z.enum(['holiday', 'workday']);

export const calendarDaySchema = z.object({ date: z.iso.date(), kind: calendarDayKind, name: z.string() });
export type CalendarDay = z.infer<typeof calendarDaySchema>;
/** A day as the calendar page reads it: the official holidays' names in English too (the office's own names as typed). */
export const calendarDayView = calendarDaySchema.extend({ nameEn: z.string() });
export type CalendarDayView = z.infer<typeof calendarDayView>;

export const calendarYearQuery = z.strictObject({ year: strictInt(2000, 2100) });

export const calendarYearResponse = z.object({
  year: z.number().int(),
  days: z.array(calendarDayView),
  /** Working days in each month of the year, 12 numbers, so the office can check the arrangement at a glance. */
  workingDaysPerMonth: z.array(z.number().int()),
});

export const dateParams = z.strictObject({ date: z.iso.date() });

/** Sets a day as a holiday or a make-up working day; `normal` removes the exception. */
export const setCalendarDayBody = z.strictObject({
  kind: z.enum(['holiday', 'workday', 'normal']),
  name: z.string().trim().max(40).default(''),
});

export const workingDayQuery = z.strictObject({
  from: z.iso.date(),
  add: strictInt(-400, 400),
});
export const workingDayResponse = z.object({ from: z.string(), add: z.number().int(), date: z.string() });

/** Dates the calculator accepts: the years the county calendar can hold. */
const calendarDate = z.iso.date().refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { message: 'err.calendar_range' });

export const workingDaysBetweenQuery = z.strictObject({ from: calendarDate, to: calendarDate });
export const workingDaysBetweenResponse = z.object({
  from: z.string(),
  to: z.string(),
  /** Working days after `from` up to and including `to`; negative when `to` is earlier. */
  workingDays: z.number().int(),
});
