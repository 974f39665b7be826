import { describe, expect, it } from 'vitest';
import { CALENDAR_2021 } from './fixtures/calendar-2021';
import { closedOnTime, periodRange, ratingOutcome, requestDueDate, serviceRates } from './services-requests';

describe('requestDueDate', () => {
  it.each([
    // 5 working days from Thursday 30 September: 1–7 October off, Friday 8 and the make-up Saturday 9 count.
    ['2021-09-30', 5, '2021-10-13'],
    ['2021-09-30', 1, '2021-10-08'],
    ['2021-09-30', 2, '2021-10-09'],
    ['2021-09-30', 3, '2021-10-11'],
    // Received on a holiday: counting starts after it all the same.
    ['2021-10-03', 3, '2021-10-11'],
    // Mid-autumn 19–21 September, with the make-up Saturday 18 September.
    ['2021-09-17', 1, '2021-09-18'],
    ['2021-09-17', 2, '2021-09-22'],
    // A plain week: 3 working days from Monday.
    ['2021-06-07', 3, '2021-06-10'],
  ])('received %s, %i working days -> %s', (received, days, due) => {
    expect(requestDueDate(CALENDAR_2021, received, days)).toBe(due);
  });
});

describe('ratingOutcome: 不满意 reopens once', () => {
  it.each([
    [{ status: 'closed', reopenCount: 0 }, 'unsatisfied', { ok: true, status: 'open', reopen: true }],
    [{ status: 'closed', reopenCount: 1 }, 'unsatisfied', { ok: true, status: 'confirmed', reopen: false }],
    [{ status: 'closed', reopenCount: 0 }, 'satisfied', { ok: true, status: 'confirmed', reopen: false }],
    [{ status: 'closed', reopenCount: 0 }, 'basic', { ok: true, status: 'confirmed', reopen: false }],
    [{ status: 'closed', reopenCount: 1 }, 'satisfied', { ok: true, status: 'confirmed', reopen: false }],
    [{ status: 'open', reopenCount: 0 }, 'satisfied', { ok: false, problem: 'not_closed' }],
    [{ status: 'confirmed', reopenCount: 0 }, 'unsatisfied', { ok: false, problem: 'not_closed' }],
  ] as const)('%o rated %s', (request, rating, outcome) => {
    expect(ratingOutcome(request, rating)).toEqual(outcome);
  });
});

describe('closedOnTime', () => {
  it.each([
    ['2021-10-13', '2021-10-13', false, true],
    ['2021-10-14', '2021-10-13', false, false],
    ['2021-10-12', '2021-10-13', true, false],
  ])('closed %s, due %s, late before %s -> %s', (closed, due, wasLate, expected) => {
    expect(closedOnTime(closed, due, wasLate)).toBe(expected);
  });
});

describe('serviceRates', () => {
  it('rounds to one decimal and has nothing to say about nothing', () => {
    expect(serviceRates({ closed: 3, onTime: 2, rated: 3, satisfied: 1, workingDays: 10 })).toEqual({
      onTimeRate: 66.7,
      satisfactionRate: 33.3,
      avgWorkingDays: 3.3,
    });
    expect(serviceRates({ closed: 0, onTime: 0, rated: 0, satisfied: 0, workingDays: 0 })).toEqual({
      onTimeRate: null,
      satisfactionRate: null,
      avgWorkingDays: null,
    });
  });
});

describe('periodRange', () => {
  it.each([
    [2021, undefined, '2021-01-01', '2021-12-31'],
    [2021, 1, '2021-01-01', '2021-03-31'],
    [2021, 3, '2021-07-01', '2021-09-30'],
    [2021, 4, '2021-10-01', '2021-12-31'],
  ])('%i Q%s', (year, quarter, from, to) => {
    expect(periodRange(year, quarter)).toEqual({ from, to });
  });
});
