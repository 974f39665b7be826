import { describe, expect, it } from 'vitest';
import {
  shownTimeProgress,
  aggregateMonths,
  progressOf,
  type IndicatorInput,
  type WarningLevel,
  coverage,
  indicatorProgress,
  isPersistentRed,
  levelOfGap,
  planCurveProblem,
  rankUnits,
  timeProgress,
  ytdValue,
} from './indicator-progress';

const months = (...v: (number | null)[]) => [...v, ...Array(12 - v.length).fill(null)];
// Investment is back-loaded: 5 % planned by March, 40 % by June, 100 % in December.
const backLoaded = [2, 3, 5, 10, 20, 40, 50, 60, 70, 80, 90, 100];

describe('timeProgress', () => {
  it.each([
    [1, undefined, 8.333333],
    [6, undefined, 50],
    [12, undefined, 100],
    [1, backLoaded, 2],
    [6, backLoaded, 40],
    [12, backLoaded, 100],
  ])('month %i with curve %j -> %f %%', (month, curve, expected) => {
    expect(timeProgress(month, curve)).toBe(expected);
  });

  it.each([0, 13, 1.5])('refuses month %s', (m) => expect(() => timeProgress(m)).toThrow(RangeError));
});

describe('planCurveProblem', () => {
  it.each([
    [backLoaded, null],
    [[10, 20, 30], 'length'],
    [[...backLoaded.slice(0, 11), 101], 'range'],
    [[5, 4, ...backLoaded.slice(2)], 'decreasing'],
    [[...backLoaded.slice(0, 11), 95], 'end'],
  ])('%j -> %s', (curve, problem) => expect(planCurveProblem(curve)).toBe(problem));
});

describe('ytdValue', () => {
  it.each([
    ['cumulative', months(10, 20, 30), 3, 60],
    ['cumulative', months(10, null, 30), 3, 40], // a gap earlier in the year counts as nothing, not as missing
    ['cumulative', months(10, 20, null), 3, null], // the month itself not reported: missing
    ['growth', months(6.1, 7.2, 8.3), 3, 8.3],
    ['stock', months(40, 41, 43), 2, 41],
    ['ratio', months(30, null), 2, null],
  ] as const)('%s %j at %i -> %s', (kind, values, month, expected) => {
    expect(ytdValue(kind, values, month)).toBe(expected);
  });
});

type Row = [
  string,
  Omit<IndicatorInput, 'direction'> & { direction?: IndicatorInput['direction'] },
  { completion: number | null; gapPp: number | null; level: WarningLevel },
];

// Annual target 120 of a cumulative indicator: 10 a month is exactly on time progress.
const cumulativeCases: Row[] = [
  ['cumulative m1 on track', { kind: 'cumulative', target: 120, month: 1, values: months(10) }, { completion: 8.333333, gapPp: 0, level: 'green' }],
  ['cumulative m1 behind', { kind: 'cumulative', target: 120, month: 1, values: months(3) }, { completion: 2.5, gapPp: -5.833333, level: 'red' }],
  [
    'cumulative m6 exactly -5 pp is yellow',
    { kind: 'cumulative', target: 100, month: 6, values: months(5, 5, 5, 10, 10, 10) },
    { completion: 45, gapPp: -5, level: 'yellow' },
  ],
  [
    'cumulative m6 just past -5 pp is red',
    { kind: 'cumulative', target: 100, month: 6, values: months(5, 5, 5, 10, 10, 9.9) },
    { completion: 44.9, gapPp: -5.1, level: 'red' },
  ],
  ['cumulative m6 ahead', { kind: 'cumulative', target: 100, month: 6, values: months(10, 10, 10, 10, 10, 10) }, { completion: 60, gapPp: 10, level: 'green' }],
  ['cumulative m12 short', { kind: 'cumulative', target: 100, month: 12, values: Array(12).fill(8) }, { completion: 96, gapPp: -4, level: 'yellow' }],
  [
    'cumulative m6 with a back-loaded plan: 40 % planned, 41 % done',
    { kind: 'cumulative', target: 100, month: 6, values: months(1, 2, 2, 6, 10, 20), planCurve: backLoaded },
    { completion: 41, gapPp: 1, level: 'green' },
  ],
  [
    'cumulative m6, same data without the plan: 50 % expected',
    { kind: 'cumulative', target: 100, month: 6, values: months(1, 2, 2, 6, 10, 20) },
    { completion: 41, gapPp: -9, level: 'red' },
  ],
  [
    'cumulative missing month',
    { kind: 'cumulative', target: 100, month: 6, values: months(10, 10, 10, 10, 10) },
    { completion: null, gapPp: null, level: 'missing' },
  ],
  [
    'cumulative lower is better (energy use) below plan is green',
    { kind: 'cumulative', direction: 'lower', target: 120, month: 6, values: months(9, 9, 9, 9, 9, 9) },
    { completion: 45, gapPp: 5, level: 'green' },
  ],
  [
    'cumulative lower is better, 5 pp above plan, is yellow',
    { kind: 'cumulative', direction: 'lower', target: 120, month: 6, values: months(11, 11, 11, 11, 11, 11) },
    { completion: 55, gapPp: -5, level: 'yellow' },
  ],
];

const stockCases: Row[] = [
  // High-tech firms: 40 at the start of the year, 52 targeted; +1 a month is on track.
  ['stock m1 on track', { kind: 'stock', target: 52, startOfYear: 40, month: 1, values: months(41) }, { completion: 8.333333, gapPp: 0, level: 'green' }],
  [
    'stock m6 exactly -5 pp',
    { kind: 'stock', target: 60, startOfYear: 40, month: 6, values: months(40, 41, 42, 43, 44, 49) },
    { completion: 45, gapPp: -5, level: 'yellow' },
  ],
  [
    'stock m12 fell back below start',
    { kind: 'stock', target: 52, startOfYear: 40, month: 12, values: [...Array(11).fill(41), 39] },
    { completion: -8.333333, gapPp: -108.333333, level: 'red' },
  ],
  // A unit asked only to keep its count (target = start): compared with the count itself, not with time progress.
  [
    'stock held, m6',
    { kind: 'stock', target: 10, startOfYear: 10, month: 6, values: months(10, 10, 10, 10, 10, 10) },
    { completion: 100, gapPp: 0, level: 'green' },
  ],
  [
    'stock held, one firm lost',
    { kind: 'stock', target: 10, startOfYear: 10, month: 6, values: months(10, 10, 10, 10, 10, 9) },
    { completion: 90, gapPp: -10, level: 'red' },
  ],
  ['stock m12 reached', { kind: 'stock', target: 52, startOfYear: 40, month: 12, values: Array(12).fill(52) }, { completion: 100, gapPp: 0, level: 'green' }],
];

const growthCases: Row[] = [
  // Value-added growth target 8 %: the gap is the value minus the target, whatever the month.
  ['growth m1 above target', { kind: 'growth', target: 8, month: 1, values: months(9.5) }, { completion: null, gapPp: 1.5, level: 'green' }],
  [
    'growth m6 exactly -2 pp is yellow',
    { kind: 'growth', target: 8, month: 6, values: months(7, 7, 7, 7, 7, 6) },
    { completion: null, gapPp: -2, level: 'yellow' },
  ],
  [
    'growth m6 just past -2 pp is red',
    { kind: 'growth', target: 8, month: 6, values: months(7, 7, 7, 7, 7, 5.9) },
    { completion: null, gapPp: -2.1, level: 'red' },
  ],
  ['growth m12 on target', { kind: 'growth', target: 8, month: 12, values: Array(12).fill(8) }, { completion: null, gapPp: 0, level: 'green' }],
  [
    'growth m6 with a plan curve ignores the curve',
    { kind: 'growth', target: 8, month: 6, values: months(8, 8, 8, 8, 8, 8), planCurve: backLoaded },
    { completion: null, gapPp: 0, level: 'green' },
  ],
  ['growth missing', { kind: 'growth', target: 8, month: 6, values: months(8, 8, 8, 8, 8) }, { completion: null, gapPp: null, level: 'missing' }],
  [
    'growth lower is better (energy per unit of output, target −3 %)',
    { kind: 'growth', direction: 'lower', target: -3, month: 6, values: months(-1, -1, -1, -1, -1, -0.5) },
    { completion: null, gapPp: -2.5, level: 'red' },
  ],
];

const ratioCases: Row[] = [
  ['ratio m1 below target', { kind: 'ratio', target: 40, month: 1, values: months(38.5) }, { completion: null, gapPp: -1.5, level: 'yellow' }],
  ['ratio m6 on target', { kind: 'ratio', target: 40, month: 6, values: months(0, 0, 0, 0, 0, 40) }, { completion: null, gapPp: 0, level: 'green' }],
  ['ratio m12 red', { kind: 'ratio', target: 40, month: 12, values: [...Array(11).fill(null), 37.9] }, { completion: null, gapPp: -2.1, level: 'red' }],
  [
    'ratio lower is better below target',
    { kind: 'ratio', direction: 'lower', target: 10, month: 12, values: [...Array(11).fill(null), 8] },
    { completion: null, gapPp: 2, level: 'green' },
  ],
];

describe('indicatorProgress', () => {
  it.each([...cumulativeCases, ...stockCases, ...growthCases, ...ratioCases])('%s', (_name, input, expected) => {
    const result = indicatorProgress({ direction: 'higher', ...input });
    expect({ completion: result.completion, gapPp: result.gapPp, level: result.level }).toEqual(expected);
  });

  it('computes year-on-year growth of a cumulative indicator from last year’s same months', () => {
    const r = indicatorProgress({ kind: 'cumulative', direction: 'higher', target: 150, month: 3, values: months(12, 12, 12), lastYear: Array(12).fill(10) });
    expect(r.ytd).toBe(36);
    expect(r.yoyGrowth).toBe(20);
  });

  it('has no year-on-year growth without a baseline, or for other kinds', () => {
    expect(indicatorProgress({ kind: 'cumulative', direction: 'higher', target: 150, month: 3, values: months(1, 1, 1) }).yoyGrowth).toBeNull();
    expect(indicatorProgress({ kind: 'growth', direction: 'higher', target: 8, month: 1, values: months(8), lastYear: months(7) }).yoyGrowth).toBeNull();
  });

  it('takes a per-indicator yellow band over the default', () => {
    const input: IndicatorInput = { kind: 'growth', direction: 'higher', target: 8, month: 1, values: months(5) };
    expect(indicatorProgress(input).level).toBe('red');
    expect(indicatorProgress({ ...input, yellowBandPp: 3 }).level).toBe('yellow');
  });
});

describe('levelOfGap', () => {
  it.each([
    [0, 5, 'green'],
    [-0.000001, 5, 'yellow'],
    [-5, 5, 'yellow'],
    [-5.000001, 5, 'red'],
    [-2, 2, 'yellow'],
    [-2.01, 2, 'red'],
  ] as const)('gap %f band %f -> %s', (gap, band, level) => expect(levelOfGap(gap, band)).toBe(level));
});

describe('isPersistentRed', () => {
  const levels: WarningLevel[] = ['green', 'red', 'red', 'missing', 'red', 'yellow', 'red', 'red', 'red'];
  it.each([
    [1, false], // January has no month before it
    [2, false],
    [3, true],
    [4, false], // missing is not red here: it is listed separately
    [5, false], // a missing month breaks the run
    [8, true],
    [9, true],
  ])('month %i -> %s', (month, expected) => expect(isPersistentRed(levels, month)).toBe(expected));
});

describe('rankUnits', () => {
  it('ranks by gap, then YTD, shares ranks on full ties, and puts units without data last', () => {
    const ranked = rankUnits([
      { unitId: 1, gapPp: -3, ytd: 50 },
      { unitId: 2, gapPp: 4, ytd: 10 },
      { unitId: 3, gapPp: null, ytd: null },
      { unitId: 4, gapPp: -3, ytd: 70 },
      { unitId: 5, gapPp: -3, ytd: 50 },
    ]);
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      [2, 1],
      [4, 2],
      [1, 3],
      [5, 3],
      [3, null],
    ]);
  });
});

describe('coverage', () => {
  it.each([
    ['cumulative', 'higher', 100, [40, 40, 20], { applies: true, sum: 100, shortfall: 0, ok: true }],
    ['cumulative', 'higher', 100, [40, 40, 19.5], { applies: true, sum: 99.5, shortfall: 0.5, ok: false }],
    ['cumulative', 'higher', 100, [60, 60], { applies: true, sum: 120, shortfall: 0, ok: true }],
    ['stock', 'higher', 52, [10, 20], { applies: true, sum: 30, shortfall: 22, ok: false }],
    ['cumulative', 'lower', 100, [60, 60], { applies: true, sum: 120, shortfall: 20, ok: false }],
    ['growth', 'higher', 8, [7, 9], { applies: false, sum: 16, shortfall: 0, ok: true }],
    ['ratio', 'higher', 40, [], { applies: false, sum: 0, shortfall: 0, ok: true }],
    ['cumulative', 'higher', 0.3, [0.1, 0.2], { applies: true, sum: 0.3, shortfall: 0, ok: true }], // no float dust
  ] as const)('%s %s target %f over %j', (kind, direction, target, units, expected) => {
    expect(coverage(kind, direction, target, units)).toEqual(expected);
  });
});

describe('shownTimeProgress', () => {
  it.each([
    ['a cumulative cell shows its time progress', { completion: 61.2, timeProgress: 75 }, 75],
    ['a completion of zero still has a yardstick', { completion: 0, timeProgress: 8.3 }, 8.3],
    ['a growth or ratio cell (no completion) shows none', { completion: null, timeProgress: 75 }, null],
  ])('%s', (_name, cell, expected) => expect(shownTimeProgress(cell)).toBe(expected));
});

describe('progressOf: the level from a month’s aggregates', () => {
  const months = [1.5, null, 2, -1, 3, null, 4, 0.1, 0.2, 0.3, null, 5];
  const lastYear = [1, 1, 1, 1, 1, 1, 1, 1, 1, null, 1, 1];
  it.each([1, 2, 3, 6, 9, 10, 11, 12])('equals indicatorProgress from the monthly values at month %i, every kind and direction', (month) => {
    for (const kind of ['cumulative', 'growth', 'stock', 'ratio'] as const)
      for (const direction of ['higher', 'lower'] as const) {
        const input = { kind, direction, target: 12, month, values: months, lastYear, startOfYear: 2 };
        const aggregates = { thisYear: aggregateMonths(months, month), lastYear: aggregateMonths(lastYear, month) };
        expect(progressOf(input, aggregates)).toEqual(indicatorProgress(input));
      }
  });
  it('reduces the months to the month’s value and the sum to it, missing months as 0', () => {
    expect(aggregateMonths(months, 4)).toEqual({ current: -1, sum: 2.5 });
    expect(aggregateMonths(months, 2)).toEqual({ current: null, sum: 1.5 });
  });
});
