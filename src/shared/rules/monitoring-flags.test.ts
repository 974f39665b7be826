import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MONITORING_THRESHOLDS,
  type MonthFigures,
  addMonths,
  downYoY,
  flagsOfMonth,
  lastClosedMonth,
  monthsAffectedBy,
  monthsBetween,
  yoyPct,
} from './monitoring-flags';

const M = '2026-10';
const fig = (outputFen: number | null, electricityKwh: number | null = 100_000): MonthFigures => ({ outputFen, electricityKwh, taxesFen: null });
const seriesOf = (byMonth: Record<string, MonthFigures>) => (m: string) => byMonth[m];

/** Last year 10,000 (output) and 100,000 kWh both months; this year's output as given, electricity steady. */
function outputSeries(sep: number | null, oct: number | null, lastYear: number | null = 10_000) {
  return seriesOf({
    '2025-09': fig(lastYear),
    '2025-10': fig(lastYear),
    '2026-09': fig(sep),
    '2026-10': fig(oct),
  });
}

describe('month arithmetic', () => {
  it.each([
    ['2026-01', -1, '2025-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-10', -12, '2025-10'],
    ['2026-10', -13, '2025-09'],
    ['2026-10', 0, '2026-10'],
  ])('%s %+i → %s', (m, n, out) => expect(addMonths(m, n)).toBe(out));
  it('lists months and the last closed month', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
    expect(lastClosedMonth('2026-01-05')).toBe('2025-12');
  });
  it('an import of a month touches it, the next, and both a year later, never after the last closed month', () => {
    expect(monthsAffectedBy('2025-09', '2026-10')).toEqual(['2025-09', '2025-10', '2026-09', '2026-10']);
    expect(monthsAffectedBy('2026-10', '2026-10')).toEqual(['2026-10']);
  });
});

describe('downYoY at the threshold (20 %)', () => {
  it.each([
    [8_000, 10_000, true], // −20 % exactly
    [7_999, 10_000, true],
    [8_001, 10_000, false], // −19.99 %
    [10_000, 10_000, false],
    [0, 10_000, true],
    [8_000, null, null],
    [null, 10_000, null],
    [5, 0, null], // no base last year
  ])('%s against %s → %s', (now, before, down) => expect(downYoY(now, before, 20)).toBe(down));
  it('is exact for large figures (fen of billions) and fractional thresholds', () => {
    expect(downYoY(800_000_000_000_000, 1_000_000_000_000_000, 20)).toBe(true);
    expect(downYoY(800_000_000_000_001, 1_000_000_000_000_000, 20)).toBe(false);
    expect(downYoY(8_750, 10_000, 12.5)).toBe(true);
    expect(downYoY(8_751, 10_000, 12.5)).toBe(false);
  });
  it('gives the change in % for display', () => {
    expect(yoyPct(8_000, 10_000)).toBe(-20);
    expect(yoyPct(8_001, 10_000)).toBe(-20);
    expect(yoyPct(12_345, 10_000)).toBe(23.5);
    expect(yoyPct(1, null)).toBeNull();
  });
});

describe('下滑: down ≥ 20 % two months running', () => {
  it.each([
    ['−20 % exactly both months', 8_000, 8_000, true],
    ['−19.99 % in the month', 8_000, 8_001, false],
    ['−19.99 % the month before', 8_001, 8_000, false],
    ['one month only (the month)', 10_000, 7_000, false],
    ['one month only (the month before)', 7_000, 10_000, false],
    ['no figure the month before', null, 7_000, false],
    ['far down both months', 1_000, 2_000, true],
  ])('%s', (_, sep, oct, flagged) => {
    expect(flagsOfMonth(outputSeries(sep, oct), M).includes('decline')).toBe(flagged);
  });
  it('a missing figure last year never flags', () => {
    expect(flagsOfMonth(outputSeries(1_000, 1_000, null), M)).toEqual([]);
    expect(flagsOfMonth(seriesOf({ '2026-09': fig(1, 1), '2026-10': fig(1, 1) }), M)).toEqual([]);
  });
  it('either measure makes a month down: output one month, electricity the next', () => {
    const s = seriesOf({
      '2025-09': fig(10_000, 100_000),
      '2025-10': fig(10_000, 100_000),
      '2026-09': fig(8_000, 100_000),
      '2026-10': fig(10_000, 80_000),
    });
    expect(flagsOfMonth(s, M)).toEqual(['decline']);
  });
});

describe('停产 and 半停产 by electricity against the same month last year', () => {
  const elec = (now: number | null, before: number | null) =>
    flagsOfMonth(seriesOf({ '2025-10': fig(10_000, before), '2026-10': fig(10_000, now), '2025-09': fig(10_000, 1), '2026-09': fig(10_000, 1) }), M);
  it.each([
    [5_000, 100_000, ['stopped']], // 5 % exactly
    [5_001, 100_000, ['half_stopped']], // just above 5 %
    [0, 100_000, ['stopped']],
    [1_000, 10_000, ['stopped']], // at the absolute 1,000 kWh
    [1_001, 10_000, ['half_stopped']],
    [49_999, 100_000, ['half_stopped']],
    [50_000, 100_000, []], // half exactly is not below half
    [100_000, 100_000, []],
    [0, null, []], // no figure last year: never flags
    [null, 100_000, []],
    [0, 0, []],
  ])('%s kWh against %s kWh → %j', (now, before, flags) => expect(elec(now, before)).toEqual(flags));
  it('follows the settings', () => {
    const t = { ...DEFAULT_MONITORING_THRESHOLDS, stoppedPct: 10, stoppedKwh: 0, halfPct: 60 };
    const s = seriesOf({ '2025-10': fig(1, 100_000), '2026-10': fig(1, 10_000) });
    expect(flagsOfMonth(s, M, t)).toEqual(['stopped']);
    expect(flagsOfMonth(seriesOf({ '2025-10': fig(1, 100_000), '2026-10': fig(1, 59_999) }), M, t)).toEqual(['half_stopped']);
    expect(flagsOfMonth(seriesOf({ '2025-10': fig(1, 100_000), '2026-10': fig(1, 60_000) }), M, t)).toEqual([]);
  });
});
