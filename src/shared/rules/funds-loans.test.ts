import { describe, expect, it } from 'vitest';
import {
  type LoanTerms,
  REPAYMENT_METHODS,
  addMonths,
  allocateRepayments,
  annuityPayment,
  instalmentState,
  monthInterest,
  paymentDeadline,
  repaymentSchedule,
} from './funds-loans';
import { EMPTY_ARRANGEMENT } from './working-days';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const terms = (over: Partial<LoanTerms>): LoanTerms => ({
  amountFen: 100_000_000,
  annualRateBp: 435,
  termMonths: 12,
  startDate: '2026-01-15',
  method: 'annuity',
  ...over,
});

describe('addMonths: same day, or the month end when the month is shorter', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-30', 2, '2027-01-30'],
    ['2026-12-31', 12, '2027-12-31'],
    ['2026-05-10', 0, '2026-05-10'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
});

describe('monthInterest: balance × bp / 120,000, half up, exact for large balances', () => {
  it.each([
    [100_000_000, 435, 362_500],
    [1_000, 435, 4], // 3.625 → 4
    [100, 600, 1], // 0.5 → 1 (half up)
    [99, 600, 0], // 0.495 → 0
    [0, 435, 0],
    [100_000_000, 0, 0],
    [10 ** 14, 1, 833_333_333], // 10^14 / 120000 = 833,333,333.33…
    [999_999_999_999_999, 9_999, 83_325_000_000_000], // 83,324,999,999,999.9166… half up; the product exceeds 2^53
  ])('%i fen at %i bp → %i', (balance, bp, expected) => {
    expect(monthInterest(balance, bp)).toBe(expected);
  });
});

describe('repaymentSchedule', () => {
  it('等额本息: a level payment (the textbook figure), Σ principal = amount, the balance runs down to zero', () => {
    const s = repaymentSchedule(terms({ method: 'annuity' }));
    expect(s).toHaveLength(12);
    const payment = annuityPayment(100_000_000, 435, 12);
    expect(payment).toBe(8_530_990); // 1,000,000 yuan at 4.35 % over 12 months: 85,309.90 a month (any 房贷计算器)
    for (const i of s.slice(0, -1)) expect(i.totalFen).toBe(payment);
    expect(Math.abs((s.at(-1)?.totalFen ?? 0) - payment)).toBeLessThanOrEqual(12);
    expect(sum(s.map((i) => i.principalFen))).toBe(100_000_000);
    expect(s.at(-1)?.balanceFen).toBe(0);
    expect(s[0]).toMatchObject({ seq: 1, dueDate: '2026-02-15', interestFen: 362_500, principalFen: payment - 362_500 });
    expect(s.map((i) => i.dueDate).at(-1)).toBe('2027-01-15');
  });

  it('等额本金: equal principal, interest falling, the last instalment takes the rounding remainder', () => {
    const s = repaymentSchedule(terms({ method: 'equal_principal', amountFen: 100_000_001, termMonths: 3 }));
    expect(s.map((i) => i.principalFen)).toEqual([33_333_333, 33_333_333, 33_333_335]);
    expect(s.map((i) => i.interestFen)).toEqual([362_500, 241_667, 120_833]);
    expect(sum(s.map((i) => i.principalFen))).toBe(100_000_001);
    expect(s.map((i) => i.balanceFen)).toEqual([66_666_668, 33_333_335, 0]);
  });

  it('按月付息到期还本: interest every month, the whole principal at maturity', () => {
    const s = repaymentSchedule(terms({ method: 'interest_only', termMonths: 6 }));
    expect(s.map((i) => i.principalFen)).toEqual([0, 0, 0, 0, 0, 100_000_000]);
    expect(s.map((i) => i.interestFen)).toEqual(Array(6).fill(362_500));
    expect(s.at(-1)?.totalFen).toBe(100_362_500);
  });

  it.each(REPAYMENT_METHODS)('%s over one month: the whole amount and one month of interest', (method) => {
    const s = repaymentSchedule(terms({ method, termMonths: 1, startDate: '2026-01-31' }));
    expect(s).toEqual([{ seq: 1, dueDate: '2026-02-28', principalFen: 100_000_000, interestFen: 362_500, totalFen: 100_362_500, balanceFen: 0 }]);
  });

  it.each(REPAYMENT_METHODS)('%s at rate 0: no interest and Σ principal = amount for an awkward amount', (method) => {
    const s = repaymentSchedule(terms({ method, annualRateBp: 0, amountFen: 1_000_003, termMonths: 7 }));
    expect(sum(s.map((i) => i.interestFen))).toBe(0);
    expect(sum(s.map((i) => i.principalFen))).toBe(1_000_003);
    for (const i of s) expect(i.principalFen).toBeGreaterThanOrEqual(0);
  });

  it.each(
    REPAYMENT_METHODS.flatMap((method) =>
      [
        [1, 1, 9_999],
        [7, 36, 385],
        [123_456_789, 60, 1_250],
        [5_000_000_000, 24, 600],
        [999_999, 13, 3],
      ].map(([amountFen, termMonths, annualRateBp]) => ({ method, amountFen, termMonths, annualRateBp }) as LoanTerms),
    ),
  )('Σ principal = amount, no negative part: %o', (t) => {
    const s = repaymentSchedule({ ...t, startDate: '2026-03-31' });
    expect(sum(s.map((i) => i.principalFen))).toBe(t.amountFen);
    for (const i of s) {
      expect(i.principalFen).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(i.interestFen)).toBe(true);
      expect(i.totalFen).toBe(i.principalFen + i.interestFen);
    }
  });

  it.each([
    ['term 0', { termMonths: 0 }],
    ['a fractional fen', { amountFen: 1.5 }],
    ['a negative amount', { amountFen: -1 }],
    ['a negative rate', { annualRateBp: -1 }],
  ])('refuses %s', (_, over) => {
    expect(() => repaymentSchedule(terms(over))).toThrow(RangeError);
  });
});

describe('repayments and instalment states', () => {
  const s = [
    { principalFen: 100, interestFen: 10 },
    { principalFen: 100, interestFen: 5 },
  ];
  it.each([
    [0, [0, 0], 0, 0],
    [5, [5, 0], 0, 0],
    [60, [60, 0], 50, 0],
    [110, [110, 0], 100, 0],
    [120, [110, 10], 105, 0],
    [215, [110, 105], 200, 0],
    [300, [110, 105], 200, 85],
  ])('%i paid → %o, principal repaid %i, surplus %i', (paidTotal, paid, principal, surplus) => {
    expect(allocateRepayments(s, paidTotal)).toEqual({ paid, principalRepaidFen: principal, surplusFen: surplus });
  });

  it.each([
    [110, 110, '2026-03-15', '2026-04-01', 'paid'],
    [110, 0, '2026-03-15', '2026-03-15', 'due'],
    [110, 50, '2026-03-15', '2026-03-15', 'partial'],
    [110, 0, '2026-03-15', '2026-03-16', 'missed'],
    [110, 109, '2026-03-15', '2026-03-16', 'missed'],
  ] as const)('total %i paid %i deadline %s on %s → %s', (total, paid, deadline, today, expected) => {
    expect(instalmentState(total, paid, deadline, today)).toBe(expected);
  });

  const cal = { holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05']), workdays: new Set(['2026-10-10']) };
  it.each([
    ['a working day, no grace', '2026-09-30', 0, '2026-09-30'],
    ['a holiday moves to the next working day', '2026-10-01', 0, '2026-10-06'],
    ['a Saturday moves to Monday', '2026-03-14', 0, '2026-03-16'],
    ['a make-up working Saturday stays', '2026-10-10', 0, '2026-10-10'],
    ['two grace working days (three holidays and a weekend between)', '2026-09-30', 2, '2026-10-07'],
  ])('%s', (_, due, grace, expected) => {
    expect(paymentDeadline(cal, due, grace)).toBe(expected);
  });
  it('with no calendar data weekends still count', () => {
    expect(paymentDeadline(EMPTY_ARRANGEMENT, '2026-03-15', 0)).toBe('2026-03-16');
  });
});
