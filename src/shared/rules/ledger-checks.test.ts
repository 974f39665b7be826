import { describe, expect, it } from 'vitest';
import { type ValueLimits, jumpPct, sumOfReported, sumOfUnits, valueProblems } from './ledger-checks';

const investment: ValueLimits = { minValue: 0, maxValue: null, maxJumpPct: 50, decimals: 2 };
const share: ValueLimits = { minValue: 0, maxValue: 100, maxJumpPct: null, decimals: 1 };

describe('jumpPct', () => {
  it.each([
    [15, 10, 50],
    [5, 10, -50],
    [10, null, null],
    [10, 0, null],
    [-3, -2, -50],
  ])('%f after %s -> %s', (value, previous, expected) => expect(jumpPct(value, previous)).toBe(expected));
});

describe('valueProblems', () => {
  it.each([
    ['within limits', investment, 12.5, 10, '', []],
    ['exactly +50 % is allowed', investment, 15, 10, '', []],
    ['just over +50 % needs a reason', investment, 15.01, 10, '', ['jump_unexplained']],
    ['a fall of more than 50 % too', investment, 4.99, 10, '', ['jump_unexplained']],
    ['an explanation clears the jump', investment, 30, 10, '新投产项目集中入库', []],
    ['whitespace is no explanation', investment, 30, 10, '  ', ['jump_unexplained']],
    ['no previous month, no jump', investment, 30, null, '', []],
    ['below the minimum', investment, -1, 10, '', ['below_min', 'jump_unexplained']],
    ['an explanation does not clear a limit', investment, -1, 10, '退库', ['below_min']],
    ['above the maximum', share, 100.5, 40, '', ['above_max']],
    ['the maximum itself is fine', share, 100, 40, '', []],
    ['too many decimals', share, 38.25, 38, '', ['too_many_decimals']],
    ['float dust is not a decimal', share, 0.1 + 0.2, 0.3, '', []],
  ] as const)('%s', (_name, limits, value, previous, explanation, expected) => {
    expect(valueProblems(limits, value, previous, explanation)).toEqual(expected);
  });
});

const SUM_CASES = [
  [
    'every unit in: the sum',
    [
      { unitId: 1, value: 1.25 },
      { unitId: 2, value: 2.5 },
    ],
    [1, 2],
    2,
    3.75,
  ],
  [
    'rounded to the decimals',
    [
      { unitId: 1, value: 0.1 },
      { unitId: 2, value: 0.2 },
    ],
    [1, 2],
    1,
    0.3,
  ],
  ['a unit missing: no figure yet', [{ unitId: 1, value: 5 }], [1, 2], 0, null],
  [
    'values of units without a target are not counted',
    [
      { unitId: 1, value: 5 },
      { unitId: 9, value: 100 },
    ],
    [1],
    0,
    5,
  ],
  ['no units: no figure', [], [], 0, null],
] as const;

describe('sumOfUnits', () => {
  it.each(SUM_CASES)('%s', (_name, values, unitIds, decimals, expected) => {
    expect(sumOfUnits([...values], [...unitIds], decimals)).toBe(expected);
  });
});

describe("sumOfReported agrees with sumOfUnits on what the database adds up (the target units' values)", () => {
  it.each(SUM_CASES)('%s', (_name, values, unitIds, decimals, expected) => {
    const counted = values.filter((v) => (unitIds as readonly number[]).includes(v.unitId));
    const total = counted.reduce((sum, v) => sum + v.value, 0);
    expect(sumOfReported(total, counted.length, unitIds.length, decimals)).toBe(expected);
  });
});
