/**
 * Enterprise service requests (企业诉求): default time limits by category, the due date on the county calendar, what a
 * rating does (不满意 reopens once), and the per-unit rates. Pure: the server and the web compute the same answers.
 */
import { type CalendarArrangement, addWorkingDays } from './working-days';

export const REQUEST_CHANNELS = ['portal', 'visit', 'hotline', 'meeting'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
/** open: being handled; closed: replied and closed by its owner, waiting for the firm; confirmed: the firm accepted it. */
export const REQUEST_STATUSES = ['open', 'closed', 'confirmed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** How many times an unsatisfied rating reopens a request (rules.md: once). */
export const MAX_REOPENS = 1;

/** The categories and their time limits in working days (rules.md); the office edits them as data. */
export const DEFAULT_CATEGORIES = [
  { code: 'consultation', nameZh: '咨询', nameEn: 'Consultation', limitDays: 3 },
  { code: 'general', nameZh: '一般协调', nameEn: 'General coordination', limitDays: 5 },
  { code: 'complex', nameZh: '复杂协调', nameEn: 'Complex coordination', limitDays: 15 },
  { code: 'major', nameZh: '重大事项', nameEn: 'Major matter', limitDays: 30 },
] as const;

/** The day a request received on `received` falls due: its limit in working days on the county calendar. */
export function requestDueDate(cal: CalendarArrangement, received: string, limitDays: number): string {
  return addWorkingDays(cal, received, limitDays);
}

/** What the firm's rating does to a request: accepted and finished, or reopened with a new due date. */
export type RatingOutcome =
  | { ok: false; problem: 'not_closed' }
  | { ok: true; status: 'confirmed'; reopen: false }
  | { ok: true; status: 'open'; reopen: true };

/** 不满意 reopens a closed request once; any other rating, or a second 不满意, confirms it closed. */
export function ratingOutcome(request: { status: RequestStatus; reopenCount: number }, rating: Rating): RatingOutcome {
  if (request.status !== 'closed') return { ok: false, problem: 'not_closed' };
  if (rating === 'unsatisfied' && request.reopenCount < MAX_REOPENS) return { ok: true, status: 'open', reopen: true };
  return { ok: true, status: 'confirmed', reopen: false };
}

/** Whether a close on `closed` is on time: by the due date in force, and never after an earlier late close. */
export function closedOnTime(closed: string, due: string, wasLate: boolean): boolean {
  return !wasLate && closed <= due;
}

/** A satisfied or basically satisfied rating counts as satisfied. */
export const isSatisfied = (rating: Rating) => rating !== 'unsatisfied';

/** The counts a unit's rates come from. */
export interface RateCounts {
  closed: number;
  onTime: number;
  rated: number;
  satisfied: number;
  workingDays: number;
}

/** On-time rate, satisfaction rate (percentages, one decimal) and average working days to close; null with nothing to count. */
export function serviceRates(c: RateCounts): { onTimeRate: number | null; satisfactionRate: number | null; avgWorkingDays: number | null } {
  const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);
  return {
    onTimeRate: pct(c.onTime, c.closed),
    satisfactionRate: pct(c.satisfied, c.rated),
    avgWorkingDays: c.closed === 0 ? null : Math.round((c.workingDays / c.closed) * 10) / 10,
  };
}

/** The first and last day of a year, or of one of its quarters. */
export function periodRange(year: number, quarter?: number): { from: string; to: string } {
  if (!quarter) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: `${year}-${String(last).padStart(2, '0')}-${lastDay}` };
}
