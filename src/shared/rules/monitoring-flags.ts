/**
 * Enterprise operation monitoring (企业运行监测): the flags of a firm's month from its monthly figures. Pure: the
 * server computes them after an import, the tests pin them at the thresholds.
 *
 * - 下滑 `decline`: output value or electricity down by at least `declinePct` % year on year, two months running (the
 *   month and the one before are each "down" by either measure).
 * - 停产 `stopped`: electricity at most `stoppedPct` % of the same month last year, or at most `stoppedKwh`.
 * - 半停产 `half_stopped`: electricity below `halfPct` % of the same month last year (and not 停产).
 *
 * A comparison needs both figures: a missing figure this month or the same month last year (or last year's zero)
 * never flags. Comparisons are exact on integers (BigInt), so −20 % exactly is down 20 % and −19.99 % is not.
 */

export const MONITORING_FLAGS = ['decline', 'stopped', 'half_stopped'] as const;
export type MonitoringFlag = (typeof MONITORING_FLAGS)[number];

export const MONITORING_SOURCES = ['output', 'electricity', 'taxes'] as const;
export type MonitoringSource = (typeof MONITORING_SOURCES)[number];

export interface MonitoringThresholds {
  /** 下滑: the year-on-year fall (in %, two decimals at most) that counts, e.g. 20. */
  declinePct: number;
  /** 停产: electricity at most this share (%) of the same month last year… */
  stoppedPct: number;
  /** …or at most this many kWh. */
  stoppedKwh: number;
  /** 半停产: electricity below this share (%) of the same month last year. */
  halfPct: number;
}

export const DEFAULT_MONITORING_THRESHOLDS: MonitoringThresholds = { declinePct: 20, stoppedPct: 5, stoppedKwh: 1000, halfPct: 50 };

/** Flags of months this far back from the last closed month (0 = that month) get a 督办 task; older ones are only listed. */
export const TASK_WINDOW_MONTHS = 2;

/** One firm's figures of one month; null when the source has not reported it. */
export interface MonthFigures {
  outputFen: number | null;
  electricityKwh: number | null;
  taxesFen: number | null;
}

/** `YYYY-MM` plus `n` months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, both included (empty when `from` is after `to`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The last closed month on a county day `YYYY-MM-DD`: the month before it. */
export const lastClosedMonth = (today: string) => addMonths(today.slice(0, 7), -1);

/** A percentage with at most two decimals as hundredths of a percent (20 → 2000, 19.99 → 1999). */
const basisPoints = (pct: number) => BigInt(Math.round(pct * 100));
const HUNDRED_PCT = 10_000n;

/** Whether `current` is at most `share`% of `base`: current·10000 ≤ base·share·100, exactly. */
function atMostShare(current: number, base: number, sharePct: number): boolean {
  return BigInt(current) * HUNDRED_PCT <= BigInt(base) * basisPoints(sharePct);
}

/** Down by at least `pct` % year on year; null when either figure is missing or last year's is not positive. */
export function downYoY(current: number | null, lastYear: number | null, pct: number): boolean | null {
  if (current === null || lastYear === null || lastYear <= 0) return null;
  return atMostShare(current, lastYear, 100 - pct);
}

/** The year-on-year change in % (one decimal), or null without a positive base. */
export function yoyPct(current: number | null, lastYear: number | null): number | null {
  if (current === null || lastYear === null || lastYear <= 0) return null;
  return Math.round(((current - lastYear) / lastYear) * 1000) / 10;
}

type Series = (month: string) => MonthFigures | undefined;

const monthDown = (series: Series, month: string, t: MonitoringThresholds) => {
  const now = series(month);
  const before = series(addMonths(month, -12));
  if (!now || !before) return false;
  return downYoY(now.outputFen, before.outputFen, t.declinePct) === true || downYoY(now.electricityKwh, before.electricityKwh, t.declinePct) === true;
};

/** The flags of one firm's month, given its figures by month. */
export function flagsOfMonth(series: Series, month: string, t: MonitoringThresholds = DEFAULT_MONITORING_THRESHOLDS): MonitoringFlag[] {
  const flags: MonitoringFlag[] = [];
  if (monthDown(series, month, t) && monthDown(series, addMonths(month, -1), t)) flags.push('decline');
  const now = series(month)?.electricityKwh ?? null;
  const before = series(addMonths(month, -12))?.electricityKwh ?? null;
  if (now !== null && before !== null && before > 0) {
    if (atMostShare(now, before, t.stoppedPct) || now <= t.stoppedKwh) flags.push('stopped');
    else if (BigInt(now) * HUNDRED_PCT < BigInt(before) * basisPoints(t.halfPct)) flags.push('half_stopped');
  }
  return flags;
}

/**
 * The months whose flags an import of `month` can change: the month itself, the next (two months running), and the
 * same two a year later (this month is their base), up to the last closed month.
 */
export function monthsAffectedBy(month: string, lastClosed: string): string[] {
  return [month, addMonths(month, 1), addMonths(month, 12), addMonths(month, 13)].filter((m) => m <= lastClosed);
}

/** Checks a thresholds object an office user entered: per-field problems (message keys), empty when valid. */
export function thresholdProblems(t: MonitoringThresholds): Partial<Record<keyof MonitoringThresholds, string>> {
  const problems: Partial<Record<keyof MonitoringThresholds, string>> = {};
  if (t.stoppedPct >= t.halfPct) problems.stoppedPct = 'err.monitoring.stopped_below_half';
  return problems;
}
