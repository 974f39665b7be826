/**
 * Indicator progress against the annual target: year-to-date value, completion, time progress (序时进度),
 * gap in percentage points and the warning level, as in rules.md. The server and the web compute the
 * same answer from these functions; every threshold comes in as data.
 */

export const INDICATOR_KINDS = ['cumulative', 'growth', 'stock', 'ratio'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export type Direction = 'higher' | 'lower';
export type WarningLevel = 'green' | 'yellow' | 'red' | 'missing';

/** Width of the yellow band below zero, in pp: gap ≥ 0 green, −band ≤ gap < 0 yellow, below that red. */
export type YellowBands = Record<IndicatorKind, number>;
export const DEFAULT_YELLOW_BANDS: YellowBands = { cumulative: 5, stock: 5, growth: 2, ratio: 2 };

/** Monthly inputs of one unit and indicator for a year, index 0 = January; null = not reported. */
export type MonthlyValues = readonly (number | null)[];

export interface IndicatorInput {
  kind: IndicatorKind;
  direction: Direction;
  /** Annual target: an amount (cumulative), a count (stock) or a percentage (growth, ratio). */
  target: number;
  /** 1..12 */
  month: number;
  values: MonthlyValues;
  /** Last year's monthly values, for year-on-year growth of cumulative indicators. */
  lastYear?: MonthlyValues;
  /** Value at the start of the year, for stock indicators (e.g. last December's count). */
  startOfYear?: number;
  /** Cumulative share of the annual target planned by the end of each month, in % (12 values ending at 100). */
  planCurve?: readonly number[];
  /** Overrides the default yellow band for this indicator. */
  yellowBandPp?: number;
}

export interface IndicatorProgress {
  ytd: number | null;
  /** Year-on-year growth in % (cumulative indicators with a baseline only). */
  yoyGrowth: number | null;
  /** Completion of the annual target in % (cumulative and stock only). */
  completion: number | null;
  timeProgress: number;
  gapPp: number | null;
  level: WarningLevel;
}

// Gaps like 0.1 + 0.2 − 0.3 must not fall on the wrong side of a level boundary.
const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Time progress at month m in %: m ÷ 12, or the plan curve's cumulative share when one is set. */
export function timeProgress(month: number, planCurve?: readonly number[]): number {
  if (month < 1 || month > 12 || !Number.isInteger(month)) throw new RangeError(`month ${month} is not 1..12`);
  if (planCurve) return planCurve[month - 1];
  return round((month / 12) * 100);
}

/** Problems of a monthly plan curve: 12 values, non-decreasing, between 0 and 100, ending at 100. */
/**
 * The time progress shown beside a cell: the yardstick of an indicator that has a completion rate only. A growth or
 * ratio indicator (no completion) is measured against its target, so a time progress beside it would mean nothing.
 */
export function shownTimeProgress(cell: { completion: number | null; timeProgress: number }): number | null {
  return cell.completion === null ? null : cell.timeProgress;
}

export function planCurveProblem(curve: readonly number[]): 'length' | 'range' | 'decreasing' | 'end' | null {
  if (curve.length !== 12) return 'length';
  if (curve.some((v) => !Number.isFinite(v) || v < 0 || v > 100)) return 'range';
  if (curve.some((v, i) => i > 0 && v < curve[i - 1])) return 'decreasing';
  if (curve[11] !== 100) return 'end';
  return null;
}

/**
 * What the level of month m needs from one series of monthly values: the month's own value and the sum of the
 * reported values of months 1..m. The board computes these in SQL for every unit at once; the rules below take them
 * instead of the twelve months, so the SQL path and the monthly arrays give the same answer.
 */
export interface MonthAggregates {
  /** Value of month m; null when month m is not reported. */
  current: number | null;
  /** Sum of the reported values of months 1..m (missing months count as 0). */
  sum: number;
}

/** The aggregates of month m of this year and, when given, of last year's same period. */
export interface ProgressAggregates {
  thisYear: MonthAggregates;
  lastYear: MonthAggregates | null;
}

/** Everything of an indicator input but its monthly values: target, month, plan curve and thresholds. */
export type ProgressParams = Omit<IndicatorInput, 'values' | 'lastYear'>;

/** Reduces monthly values to the aggregates of month m. */
export function aggregateMonths(values: MonthlyValues, month: number): MonthAggregates {
  let sum = 0;
  for (let i = 0; i < month; i++) sum += values[i] ?? 0;
  return { current: values[month - 1] ?? null, sum };
}

/** Year-to-date value from a month's aggregates: the sum for cumulative indicators, else the month's value; null when the month is not reported. */
export function ytdOf(kind: IndicatorKind, month: MonthAggregates): number | null {
  if (month.current === null) return null;
  return kind === 'cumulative' ? round(month.sum) : month.current;
}

/** Year-to-date value at month m: the sum of months 1..m for cumulative indicators, else the month's value; null when month m is not reported. */
export function ytdValue(kind: IndicatorKind, values: MonthlyValues, month: number): number | null {
  return ytdOf(kind, aggregateMonths(values, month));
}

function yoyGrowth(input: ProgressParams, lastYear: MonthAggregates | null, ytd: number | null): number | null {
  if (input.kind !== 'cumulative' || ytd === null || !lastYear) return null;
  const base = ytdOf('cumulative', lastYear);
  if (!base) return null;
  return round((ytd / base - 1) * 100);
}

function completion(input: ProgressParams, ytd: number): number | null {
  if (input.kind === 'cumulative') return input.target === 0 ? null : round((ytd / input.target) * 100);
  if (input.kind === 'stock') {
    const start = input.startOfYear ?? 0;
    if (input.target !== start) return round(((ytd - start) / (input.target - start)) * 100);
    return input.target === 0 ? null : round((ytd / input.target) * 100);
  }
  return null;
}

/** A stock target equal to the start of the year asks only to keep the count: progress through the year is moot. */
const holdsOnly = (input: ProgressParams) => input.kind === 'stock' && input.target === (input.startOfYear ?? 0);

/** Warning level of a gap in pp for a given yellow band. */
export function levelOfGap(gapPp: number, yellowBandPp: number): Exclude<WarningLevel, 'missing'> {
  if (gapPp >= 0) return 'green';
  return gapPp >= -yellowBandPp ? 'yellow' : 'red';
}

/** Everything the ledger, the warnings board and the brief show for one unit, indicator and month. */
export function indicatorProgress(input: IndicatorInput, bands: YellowBands = DEFAULT_YELLOW_BANDS): IndicatorProgress {
  const aggregates = {
    thisYear: aggregateMonths(input.values, input.month),
    lastYear: input.lastYear ? aggregateMonths(input.lastYear, input.month) : null,
  };
  return progressOf(input, aggregates, bands);
}

/** The same as indicatorProgress, from the month's aggregates instead of the monthly values. */
export function progressOf(input: ProgressParams, aggregates: ProgressAggregates, bands: YellowBands = DEFAULT_YELLOW_BANDS): IndicatorProgress {
  const tp = timeProgress(input.month, input.planCurve);
  const ytd = ytdOf(input.kind, aggregates.thisYear);
  const done = ytd === null ? null : completion(input, ytd);
  const yoy = yoyGrowth(input, aggregates.lastYear, ytd);
  const result: IndicatorProgress = { ytd, yoyGrowth: yoy, completion: done, timeProgress: tp, gapPp: null, level: 'missing' };
  if (ytd === null) return result;

  const byTarget = input.kind === 'growth' || input.kind === 'ratio';
  if (!byTarget && done === null) return result;
  const raw = byTarget ? ytd - input.target : (done as number) - (holdsOnly(input) ? 100 : tp);
  const gapPp = round(input.direction === 'lower' ? -raw : raw);
  return { ...result, gapPp, level: levelOfGap(gapPp, input.yellowBandPp ?? bands[input.kind]) };
}

/** Persistent red (连续红灯): red this month and the month before. A missing month breaks the run. */
export function isPersistentRed(levels: readonly WarningLevel[], month: number): boolean {
  return month >= 2 && levels[month - 1] === 'red' && levels[month - 2] === 'red';
}

export interface Rankable {
  unitId: number;
  gapPp: number | null;
  ytd: number | null;
}

/** Ranks units by gap descending, ties by YTD value; equal gap and YTD share a rank; units without data come last, unranked. */
export function rankUnits<T extends Rankable>(rows: readonly T[]): (T & { rank: number | null })[] {
  const ranked = rows.filter((r) => r.gapPp !== null).sort((a, b) => (b.gapPp as number) - (a.gapPp as number) || (b.ytd ?? 0) - (a.ytd ?? 0));
  const out = ranked.map((row, i) => ({ ...row, rank: i + 1 }));
  for (let i = 1; i < out.length; i++) {
    if (out[i].gapPp === out[i - 1].gapPp && out[i].ytd === out[i - 1].ytd) out[i].rank = out[i - 1].rank;
  }
  return [...out, ...rows.filter((r) => r.gapPp === null).map((row) => ({ ...row, rank: null }))];
}

export interface Coverage {
  /** Whether the check applies (cumulative and stock indicators only). */
  applies: boolean;
  sum: number;
  shortfall: number;
  ok: boolean;
}

/**
 * Coverage check of a decomposition: for cumulative and stock indicators the unit targets must add up to the
 * county target. For lower-is-better indicators the units may not exceed it instead.
 */
export function coverage(kind: IndicatorKind, direction: Direction, countyTarget: number, unitTargets: readonly number[]): Coverage {
  const sum = round(unitTargets.reduce((a, b) => a + b, 0));
  if (kind !== 'cumulative' && kind !== 'stock') return { applies: false, sum, shortfall: 0, ok: true };
  const shortfall = round(direction === 'lower' ? Math.max(0, sum - countyTarget) : Math.max(0, countyTarget - sum));
  return { applies: true, sum, shortfall, ok: shortfall === 0 };
}
