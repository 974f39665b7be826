import { describe, expect, it } from 'vitest';
import { CALENDAR_2021 } from './fixtures/calendar-2021';
import { isDueForCreation, meetingDateOfMonth, nextMeetingDate } from './meeting-schedule';
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
