import { describe, expect, it } from 'vitest';
import { CALENDAR_2021 } from './fixtures/calendar-2021';
import { EMPTY_ARRANGEMENT, addWorkingDays, isWorkingDay, nthWorkingDayOfMonth, workingDaysBetween } from './working-days';

const cal2021 = CALENDAR_2021;

describe('isWorkingDay', () => {
  it.each([
    ['2021-09-17', true], // Friday
    ['2021-09-18', true], // Saturday, make-up day
    ['2021-09-20', false], // Monday, Mid-autumn
    ['2021-09-25', false], // plain Saturday
    ['2021-09-26', true], // Sunday, make-up day
    ['2021-10-01', false],
    ['2021-10-07', false], // Thursday, holiday
    ['2021-10-08', true], // Friday
    ['2021-10-09', true], // Saturday, make-up day
    ['2021-10-10', false], // Sunday
  ])('%s -> %s', (date, expected) => {
    expect(isWorkingDay(cal2021, date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    [cal2021, '2021-09-30', 1, '2021-10-08'],
    [cal2021, '2021-09-30', 2, '2021-10-09'],
    [cal2021, '2021-09-30', 3, '2021-10-11'],
    [cal2021, '2021-09-24', 1, '2021-09-26'],
    [cal2021, '2021-09-28', 5, '2021-10-11'],
    [cal2021, '2021-10-08', -1, '2021-09-30'],
    [cal2021, '2021-10-08', 0, '2021-10-08'],
    [EMPTY_ARRANGEMENT, '2021-09-30', 1, '2021-10-01'],
    [EMPTY_ARRANGEMENT, '2026-11-27', 1, '2026-11-30'], // Friday + 1 = Monday
    [EMPTY_ARRANGEMENT, '2026-11-28', 5, '2026-12-04'], // from a Saturday
    [EMPTY_ARRANGEMENT, '2024-02-28', 2, '2024-03-01'], // leap day counts
  ] as const)('%# from %s plus %i -> %s', (cal, date, n, expected) => {
    expect(addWorkingDays(cal, date, n)).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2021-09-30', '2021-10-08', 1],
    ['2021-09-30', '2021-10-11', 3],
    ['2021-09-24', '2021-10-11', 8], // 26–30 Sep, 8, 9 and 11 Oct
    ['2021-10-08', '2021-10-08', 0],
    ['2021-10-11', '2021-09-30', -3],
  ])('%s to %s -> %i', (from, to, expected) => {
    expect(workingDaysBetween(cal2021, from, to)).toBe(expected);
  });

  it('is the inverse of addWorkingDays', () => {
    for (let n = 1; n <= 30; n++) expect(workingDaysBetween(cal2021, '2021-09-15', addWorkingDays(cal2021, '2021-09-15', n))).toBe(n);
  });
});

describe('nthWorkingDayOfMonth', () => {
  it.each([
    ['2021-10', 1, '2021-10-08'],
    ['2021-10', 5, '2021-10-13'],
    ['2021-10', 8, '2021-10-18'],
    ['2021-09', 1, '2021-09-01'],
  ])('%s working day %i -> %s', (month, n, expected) => {
    expect(nthWorkingDayOfMonth(cal2021, month, n)).toBe(expected);
  });
});

it.each(['2021-13-45', '2021-02-30', '20211001', ''])('rejects %j, which is not a date', (date) => {
  expect(() => isWorkingDay(cal2021, date)).toThrow(RangeError);
});
