import { describe, expect, it } from 'vitest';
import { DEFAULT_MONTHLY_CYCLE, monthDueForLock, previousMonth } from './monthly-cycle';
import type { CalendarArrangement } from './working-days';

// October 2021: 1–7 off for National Day, Saturday 9 worked. Working days 8, 9, 11–15, 18: the 8th is Monday 18 October.
const cal: CalendarArrangement = {
  holidays: new Set(['2021-10-01', '2021-10-02', '2021-10-03', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07']),
  workdays: new Set(['2021-10-09']),
};

describe('previousMonth', () => {
  it.each([
    ['2021-10-19', '2021-09'],
    ['2022-01-05', '2021-12'],
  ])('%s -> %s', (day, month) => expect(previousMonth(day)).toBe(month));
});

describe('monthDueForLock', () => {
  it.each([
    ['2021-10-15', null], // the 7th working day: not yet
    ['2021-10-16', null], // a Saturday after it
    ['2021-10-18', '2021-09'], // the 8th working day
    ['2021-10-30', '2021-09'],
    ['2021-11-10', '2021-10'], // November: 1–5, 8–10 → the 8th working day is the 10th
    ['2021-11-09', null],
  ])('%s -> %s', (day, month) => expect(monthDueForLock(cal, day, DEFAULT_MONTHLY_CYCLE)).toBe(month));

  it('follows a changed lock day', () => {
    expect(monthDueForLock(cal, '2021-10-11', { ...DEFAULT_MONTHLY_CYCLE, lockWorkingDay: 3 })).toBe('2021-09');
    expect(monthDueForLock(cal, '2021-10-10', { ...DEFAULT_MONTHLY_CYCLE, lockWorkingDay: 3 })).toBeNull();
  });
});
