import { describe, expect, it } from 'vitest';
import { CALENDAR_2021 } from './fixtures/calendar-2021';
import { isDueForCreation, meetingDateOfMonth, meetsInMonth, nextMeetingDate } from './meeting-schedule';
import { EMPTY_ARRANGEMENT } from './working-days';

// October 2021 works on 8, 9 (Saturday, made up), 11–15, 18–22 and 25–29 October: 17 working days.
describe('meetingDateOfMonth', () => {
  it.each([
    [CALENDAR_2021, '2021-10', 1, '2021-10-08'],
    [CALENDAR_2021, '2021-10', 2, '2021-10-09'],
    [CALENDAR_2021, '2021-10', 10, '2021-10-20'],
    [CALENDAR_2021, '2021-09', 10, '2021-09-14'],
    [CALENDAR_2021, '2021-10', 17, '2021-10-29'],
    // More than the month has: its last working day, not a day of November.
    [CALENDAR_2021, '2021-10', 20, '2021-10-29'],
    [EMPTY_ARRANGEMENT, '2021-02', 20, '2021-02-26'],
    [EMPTY_ARRANGEMENT, '2021-12', 1, '2021-12-01'],
  ])('%#: %s, working day %i -> %s', (cal, month, n, expected) => {
    expect(meetingDateOfMonth(cal, month, n)).toBe(expected);
  });
});

describe('nextMeetingDate', () => {
  it.each([
    ['2021-10-12', 10, '2021-10-20'],
    ['2021-10-20', 10, '2021-10-20'], // the day itself
    ['2021-10-21', 10, '2021-11-12'], // passed: November's 10th working day
    ['2021-12-31', 1, '2022-01-03'], // across the year; 1 January 2022 is a Saturday
  ])('%s, working day %i -> %s', (today, n, expected) => {
    expect(nextMeetingDate(CALENDAR_2021, today, n)).toBe(expected);
  });
});

describe('isDueForCreation', () => {
  it.each([
    ['2021-10-13', '2021-10-20', 5, true], // 14, 15, 18, 19, 20: five working days ahead
    ['2021-10-12', '2021-10-20', 5, false], // six
    ['2021-10-20', '2021-10-20', 5, true], // the day itself
    ['2021-10-21', '2021-10-20', 5, false], // passed
    ['2021-09-30', '2021-10-08', 1, true], // the National Day holiday does not count
  ])('%s for %s with %i days lead -> %s', (today, date, lead, expected) => {
    expect(isDueForCreation(CALENDAR_2021, today, date, lead)).toBe(expected);
  });
});

describe('nextMeetingDate every n months (政银企对接会 every two months from January)', () => {
  it.each([
    ['2021-10-12', 1, '2021-10', '2021-10-20'], // every month: unchanged
    ['2021-10-12', 2, '2021-01', '2021-11-12'], // October is not a meeting month of a January cycle
    ['2021-09-01', 2, '2021-01', '2021-09-14'], // September is
    ['2021-09-15', 2, '2021-01', '2021-11-12'], // September's has passed: two months on
    ['2021-12-31', 2, '2021-01', '2022-01-14'], // across the year
    ['2021-10-12', 3, '2021-12', '2021-12-14'], // a cycle starting later still counts backwards
  ])('%s, every %i months from %s -> %s', (today, every, start, expected) => {
    expect(nextMeetingDate(CALENDAR_2021, today, 10, every, start)).toBe(expected);
  });
  it('meetsInMonth', () => {
    expect(meetsInMonth('2021-03', 2, '2021-01')).toBe(true);
    expect(meetsInMonth('2021-04', 2, '2021-01')).toBe(false);
    expect(meetsInMonth('2020-11', 2, '2021-01')).toBe(true);
    expect(meetsInMonth('2021-04', 1, null)).toBe(true);
  });
});
