import { describe, expect, it } from 'vitest';
import { type VisitChange, visitChangeRefusal } from './visits-edit';

const base: VisitChange = { action: 'edit', author: true, office: false, loggedDay: '2026-11-20', today: '2026-11-20', editDays: 7, filedProblems: 0 };

describe('who may change a visit, and until when', () => {
  it.each([
    ['the author, the same day', {}, null],
    ['the author, on the 7th day after', { today: '2026-11-27' }, null],
    ['the author, on the 8th day after', { today: '2026-11-28' }, 'window_closed'],
    ['the author, across a month end', { loggedDay: '2026-11-28', today: '2026-12-05' }, null],
    ['the author, across a year end, one day late', { loggedDay: '2026-12-28', today: '2027-01-05' }, 'window_closed'],
    ['the office, not the author, within the window', { author: false, office: true, today: '2026-11-27' }, null],
    ['the office, after the window', { author: false, office: true, today: '2026-11-28' }, 'window_closed'],
    ['another officer of the team', { author: false }, 'not_author'],
    ['another officer, even after the window', { author: false, today: '2027-01-01' }, 'not_author'],
    ['a setting of 0 days: the same day only', { editDays: 0 }, null],
    ['a setting of 0 days: not the next day', { editDays: 0, today: '2026-11-21' }, 'window_closed'],
    ['a setting of 30 days', { editDays: 30, today: '2026-12-20' }, null],
    ['editing a visit whose problems were filed', { filedProblems: 2 }, null],
    ['deleting a visit without problems', { action: 'delete' }, null],
    ['deleting a visit whose problems were filed', { action: 'delete', filedProblems: 1 }, 'problems_filed'],
    ['deleting, by the office, a visit whose problems were filed', { action: 'delete', author: false, office: true, filedProblems: 1 }, 'problems_filed'],
    ['deleting after the window: the window is the reason', { action: 'delete', filedProblems: 1, today: '2026-12-01' }, 'window_closed'],
  ] as const)('%s', (_name, change, refusal) => {
    expect(visitChangeRefusal({ ...base, ...change })).toBe(refusal);
  });
});
