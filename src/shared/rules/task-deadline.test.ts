import { describe, expect, it } from 'vitest';
import { type DeadlineState, type TaskStatus, deadlineState, dueSoonDate, escalationStepDueOn, escalationStepReached } from './task-deadline';
import { CALENDAR_2021 } from './fixtures/calendar-2021';
import { addWorkingDays } from './working-days';

const cal = CALENDAR_2021;

describe('due dates across the National Day week', () => {
  it.each([
    ['2021-09-27', 5, '2021-10-09'], // Tue–Thu, then 8 Oct and the make-up Saturday
    ['2021-09-22', 10, '2021-10-11'], // counts the make-up Sunday 26 Sep
    ['2021-09-29', 1, '2021-09-30'],
  ])('created %s + %i working days = %s', (created, n, due) => {
    expect(addWorkingDays(cal, created, n)).toBe(due);
  });

  it.each([
    ['2021-09-27', '2021-10-09', '2021-10-08'], // span 5 → 4th working day
    ['2021-09-22', '2021-10-11', '2021-10-08'], // span 10 → 8th working day
    ['2021-09-29', '2021-09-30', '2021-09-30'], // span 1 → ceil(0.8) = 1
    ['2021-09-30', '2021-09-30', '2021-09-30'], // due the day it is created: due soon at once
  ])('created %s due %s is due soon from %s', (created, due, from) => {
    expect(dueSoonDate(cal, created, due)).toBe(from);
  });
});

describe('deadlineState', () => {
  it.each<[string, string, string, TaskStatus, string | null, DeadlineState]>([
    // submitted tasks: the clock stops at the submission (the 5th column is the submission day here)
    ['2021-09-27', '2021-10-09', '2021-10-20', 'submitted', '2021-10-09', 'due_soon'],
    ['2021-09-27', '2021-10-09', '2021-10-20', 'submitted', '2021-09-30', 'on_track'],
    ['2021-09-27', '2021-10-09', '2021-10-20', 'submitted', '2021-10-11', 'overdue'],
  ])('created %s due %s on %s (%s on %s) → %s', (created, due, today, status, submitted, expected) => {
    expect(deadlineState(cal, { created, due, today, status, submitted })).toBe(expected);
  });

  it.each<[string, string, string, TaskStatus, string | null, DeadlineState]>([
    ['2021-09-27', '2021-10-09', '2021-09-30', 'open', null, 'on_track'],
    ['2021-09-27', '2021-10-09', '2021-10-03', 'in_progress', null, 'on_track'], // holiday: no working day elapsed
    ['2021-09-27', '2021-10-09', '2021-10-08', 'in_progress', null, 'due_soon'],
    ['2021-09-27', '2021-10-09', '2021-10-09', 'submitted', null, 'due_soon'], // the due day itself is not late
    ['2021-09-27', '2021-10-09', '2021-10-10', 'returned', null, 'overdue'],
    ['2021-09-27', '2021-10-09', '2021-10-20', 'done', '2021-10-09', 'done_on_time'],
    ['2021-09-27', '2021-10-09', '2021-10-20', 'done', '2021-10-11', 'done_late'],
    ['2021-09-27', '2021-10-09', '2021-10-20', 'cancelled', null, 'cancelled'],
    ['2021-09-22', '2021-10-11', '2021-10-07', 'open', null, 'on_track'], // 7 of 10 working days
    ['2021-09-22', '2021-10-11', '2021-10-08', 'open', null, 'due_soon'], // 8 of 10
    ['2021-09-29', '2021-09-30', '2021-09-29', 'open', null, 'on_track'],
    ['2021-09-29', '2021-09-30', '2021-10-01', 'open', null, 'overdue'],
  ])('created %s due %s on %s (%s, finished %s) → %s', (created, due, today, status, finished, expected) => {
    expect(deadlineState(cal, { created, due, today, status, finished })).toBe(expected);
  });
});

describe('escalation', () => {
  it.each<[string, string, TaskStatus, number, number]>([
    // due on the make-up Saturday 9 October
    ['2021-10-09', '2021-10-09', 'open', 0, 0],
    ['2021-10-09', '2021-10-10', 'open', 1, 1], // Sunday: overdue → assignee and owner unit
    ['2021-10-09', '2021-10-11', 'in_progress', 1, 0],
    ['2021-10-09', '2021-10-12', 'in_progress', 2, 2], // +2 working days → the office
    ['2021-10-09', '2021-10-14', 'returned', 2, 0],
    ['2021-10-09', '2021-10-15', 'open', 3, 3], // +5 working days → listed for the next notice
    ['2021-10-09', '2021-10-16', 'open', 3, 0],
    // due the day before the holiday week: the week does not count, the make-up Saturday does
    ['2021-09-30', '2021-10-01', 'open', 1, 1],
    ['2021-09-30', '2021-10-07', 'open', 1, 0],
    ['2021-09-30', '2021-10-08', 'open', 1, 0],
    ['2021-09-30', '2021-10-09', 'open', 2, 2],
    ['2021-09-30', '2021-10-12', 'open', 2, 0],
    ['2021-09-30', '2021-10-13', 'open', 3, 3],
    // finished tasks never escalate, nor do tasks waiting for review
    ['2021-09-30', '2021-10-13', 'submitted', 0, 0],
    ['2021-09-30', '2021-10-13', 'done', 0, 0],
    ['2021-09-30', '2021-10-13', 'cancelled', 0, 0],
  ])('due %s, on %s (%s): reached step %i, due today %i', (due, today, status, reached, dueToday) => {
    expect(escalationStepReached(cal, due, today, status)).toBe(reached);
    expect(escalationStepDueOn(cal, due, today, status)).toBe(dueToday);
  });
});
