import { describe, expect, it } from 'vitest';
import { type CoverageAssignment, coverage, holdersOn, periodOf, periodOfKey, reckoningDay, shiftPeriod } from './visits-coverage';

const a = (enterpriseId: number, officerUserId: number, fromDate: string, toDate: string | null = null, teamUnitId = 100): CoverageAssignment => ({
  enterpriseId,
  officerUserId,
  teamUnitId,
  fromDate,
  toDate,
});

describe('periods', () => {
  it.each([
    ['quarter', '2026-01-01', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['quarter', '2026-03-31', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['quarter', '2026-04-01', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['quarter', '2026-12-31', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['quarter', '2024-02-29', '2024-Q1', '2024-01-01', '2024-03-31'],
    ['month', '2026-02-10', '2026-02', '2026-02-01', '2026-02-28'],
    ['month', '2028-02-10', '2028-02', '2028-02-01', '2028-02-29'],
    ['half_year', '2026-07-01', '2026-H2', '2026-07-01', '2026-12-31'],
    ['half_year', '2026-06-30', '2026-H1', '2026-01-01', '2026-06-30'],
  ] as const)('%s of %s is %s (%s – %s)', (kind, day, key, start, end) => {
    expect(periodOf(kind, day)).toEqual({ key, start, end });
    expect(periodOfKey(kind, key)).toEqual({ key, start, end });
  });

  it.each([
    ['quarter', '2026-02-15', -1, '2025-Q4'],
    ['quarter', '2026-02-15', -8, '2024-Q1'],
    ['quarter', '2026-11-15', 1, '2027-Q1'],
    ['month', '2026-01-15', -1, '2025-12'],
    ['half_year', '2026-01-15', -1, '2025-H2'],
  ] as const)('%s of %s shifted by %i is %s', (kind, day, n, key) => {
    expect(shiftPeriod(kind, day, n).key).toBe(key);
  });

  it.each([
    ['quarter', '2026-13'],
    ['quarter', '2026-Q5'],
    ['month', '2026-13'],
    ['month', '2026-Q1'],
    ['half_year', '2026-H3'],
    ['quarter', 'x'],
  ] as const)('%s key %s is no period', (kind, key) => {
    expect(periodOfKey(kind, key)).toBeNull();
  });

  it.each([
    ['2026-09-30', null],
    ['2026-10-01', '2026-10-01'],
    ['2026-11-20', '2026-11-20'],
    ['2026-12-31', '2026-12-31'],
    ['2027-02-01', '2026-12-31'],
  ])('Q4 2026 reckoned on %s is %s', (today, day) => {
    expect(reckoningDay(periodOf('quarter', '2026-11-01'), today)).toBe(day);
  });
});

const Q4 = periodOf('quarter', '2026-10-01');

describe('coverage across a quarter', () => {
  it.each([
    // [case, assignments, visits, asOf, expected per officer [officer, firms, visited, unvisited]]
    ['a visit inside the quarter covers the firm', [a(1, 7, '2026-01-01')], [{ enterpriseId: 1, visitDate: '2026-11-20' }], '2026-12-31', [[7, 1, 1, []]]],
    [
      'a visit on the last day of the quarter covers it',
      [a(1, 7, '2026-01-01')],
      [{ enterpriseId: 1, visitDate: '2026-12-31' }],
      '2026-12-31',
      [[7, 1, 1, []]],
    ],
    [
      'a visit on the first day of the quarter covers it',
      [a(1, 7, '2026-01-01')],
      [{ enterpriseId: 1, visitDate: '2026-10-01' }],
      '2026-12-31',
      [[7, 1, 1, []]],
    ],
    [
      'a visit on the last day of the previous quarter does not',
      [a(1, 7, '2026-01-01')],
      [{ enterpriseId: 1, visitDate: '2026-09-30' }],
      '2026-12-31',
      [[7, 1, 0, [1]]],
    ],
    [
      'a visit on the first day of the next quarter does not',
      [a(1, 7, '2026-01-01')],
      [{ enterpriseId: 1, visitDate: '2027-01-01' }],
      '2026-12-31',
      [[7, 1, 0, [1]]],
    ],
    [
      'while the quarter runs, a visit after today is not counted',
      [a(1, 7, '2026-01-01')],
      [{ enterpriseId: 1, visitDate: '2026-11-21' }],
      '2026-11-20',
      [[7, 1, 0, [1]]],
    ],
    [
      'an assignment starting mid-quarter owes the visit to the new officer, and an earlier visit covers it',
      [a(1, 7, '2026-01-01', '2026-11-14'), a(1, 8, '2026-11-15')],
      [{ enterpriseId: 1, visitDate: '2026-10-10' }],
      '2026-12-31',
      [[8, 1, 1, []]],
    ],
    [
      'an assignment starting mid-quarter, never visited: unvisited for the new officer only',
      [a(1, 7, '2026-01-01', '2026-11-14'), a(2, 7, '2026-01-01'), a(1, 8, '2026-11-15')],
      [{ enterpriseId: 2, visitDate: '2026-12-01' }],
      '2026-12-31',
      [
        [7, 1, 1, []],
        [8, 1, 0, [1]],
      ],
    ],
    ['an assignment starting after today is nobody’s yet', [a(1, 7, '2026-12-01')], [], '2026-11-20', []],
    ['an assignment ended before the reckoning day is nobody’s', [a(1, 7, '2026-01-01', '2026-10-31')], [], '2026-12-31', []],
    ['an assignment ending on the reckoning day still holds the firm', [a(1, 7, '2026-01-01', '2026-12-31')], [], '2026-12-31', [[7, 1, 0, [1]]]],
    [
      'several firms, unvisited sorted',
      [a(3, 7, '2026-01-01'), a(1, 7, '2026-01-01'), a(2, 7, '2026-01-01')],
      [
        { enterpriseId: 2, visitDate: '2026-10-02' },
        { enterpriseId: 2, visitDate: '2026-10-03' },
      ],
      '2026-12-31',
      [[7, 3, 1, [1, 3]]],
    ],
  ] as const)('%s', (_case, assignments, visits, asOf, expected) => {
    const { officers } = coverage(Q4, asOf, assignments, visits);
    expect(officers.map((o) => [o.officerUserId, o.firms, o.visited, o.unvisited])).toEqual(expected);
  });

  it('adds officers up per team with rates', () => {
    const { officers, teams } = coverage(
      Q4,
      '2026-12-31',
      [a(1, 7, '2026-01-01', null, 100), a(2, 7, '2026-01-01', null, 100), a(3, 8, '2026-01-01', null, 100), a(4, 9, '2026-01-01', null, 200)],
      [
        { enterpriseId: 1, visitDate: '2026-12-31' },
        { enterpriseId: 3, visitDate: '2026-11-01' },
      ],
    );
    expect(officers.map((o) => o.rate)).toEqual([0.5, 1, 0]);
    expect(teams).toEqual([
      { teamUnitId: 100, officers: 2, firms: 3, visited: 2, rate: 2 / 3 },
      { teamUnitId: 200, officers: 1, firms: 1, visited: 0, rate: 0 },
    ]);
  });

  it('takes the latest-starting assignment when data overlap', () => {
    expect(holdersOn([a(1, 7, '2026-01-01'), a(1, 8, '2026-06-01')], '2026-11-01').get(1)?.officerUserId).toBe(8);
  });
});
