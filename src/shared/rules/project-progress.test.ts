import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROJECT_THRESHOLDS,
  type ProjectColour,
  colourOfGap,
  defaultMilestoneDue,
  investmentCompletion,
  isStarted,
  lastClosedMonth,
  milestoneDoneAtStage,
  milestoneState,
  projectProgress,
  projectTimeProgress,
  startColour,
  wasOverdue,
  wholeMonthsBetween,
} from './project-progress';

describe('investment completion and time progress', () => {
  it.each([
    [0, 100_000, 0],
    [50_000, 100_000, 50],
    [120_000, 100_000, 120],
    [1, 3, 33.333333],
    [500, 0, null],
  ])('%i of %i fen -> %s %%', (done, plan, expected) => expect(investmentCompletion(done, plan)).toBe(expected));

  it.each([
    [1, 8.333333],
    [6, 50],
    [12, 100],
  ])('month %i -> %f %%', (m, expected) => expect(projectTimeProgress(m)).toBe(expected));
  it.each([0, 13, 2.5])('refuses month %s', (m) => expect(() => projectTimeProgress(m)).toThrow(RangeError));
});

describe('colour of a gap (green ≥ −10, yellow −30 … −10, red < −30)', () => {
  it.each<[number, ProjectColour]>([
    [15, 'green'],
    [0, 'green'],
    [-9.999, 'green'],
    [-10, 'green'],
    [-10.001, 'yellow'],
    [-20, 'yellow'],
    [-30, 'yellow'],
    [-30.001, 'red'],
    [-100, 'red'],
  ])('gap %f pp -> %s', (gap, colour) => expect(colourOfGap(gap)).toBe(colour));

  it('takes its thresholds as data', () => {
    const strict = { ...DEFAULT_PROJECT_THRESHOLDS, greenMinGapPp: -5, yellowMinGapPp: -15 };
    expect(colourOfGap(-10, strict)).toBe('yellow');
    expect(colourOfGap(-16, strict)).toBe('red');
  });
});

describe('projectProgress at exact boundaries', () => {
  const base = { started: true, plannedStart: '2021-01-01', today: '2021-07-10', annualPlanFen: 1_200_000 };
  // June: time progress 50 %. Completion 40 % → gap −10 (green); 20 % → −30 (yellow); just below → red.
  it.each<[number, number | null, ProjectColour]>([
    [600_000, 0, 'green'],
    [480_000, -10, 'green'],
    [479_999, -10.000083, 'yellow'],
    [240_000, -30, 'yellow'],
    [239_999, -30.000083, 'red'],
    [0, -50, 'red'],
  ])('%i fen by June -> gap %s, %s', (done, gap, colour) => {
    const p = projectProgress({ ...base, completedThisYearFen: done, month: 6 });
    expect(p.gapPp).toBe(gap);
    expect(p.colour).toBe(colour);
  });

  it('has no investment colour when nothing is planned this year', () => {
    const p = projectProgress({ ...base, annualPlanFen: 0, completedThisYearFen: 0, month: 6 });
    expect(p).toMatchObject({ completion: null, gapPp: null, investmentColour: null, colour: 'green' });
  });

  it('takes the worse of investment and start', () => {
    const p = projectProgress({ ...base, started: false, plannedStart: '2021-03-01', completedThisYearFen: 600_000, month: 6 });
    expect(p).toMatchObject({ investmentColour: 'green', startColour: 'red', colour: 'red' });
  });
});

describe('not started by the planned start', () => {
  it.each<[boolean, string | null, string, ProjectColour]>([
    [false, '2021-05-10', '2021-05-10', 'green'], // on the planned day itself, not late yet
    [false, '2021-05-10', '2021-05-11', 'yellow'],
    [false, '2021-05-10', '2021-08-09', 'yellow'], // two months and 30 days
    [false, '2021-05-10', '2021-08-10', 'red'], // three months late
    [false, '2021-11-30', '2022-02-28', 'yellow'],
    [false, '2021-11-30', '2022-03-30', 'red'],
    [true, '2021-05-10', '2021-12-31', 'green'],
    [false, null, '2021-12-31', 'green'],
  ])('started %s, planned %s, today %s -> %s', (started, plannedStart, today, colour) => expect(startColour({ started, plannedStart, today })).toBe(colour));

  it.each([
    ['2021-03-15', '2021-06-15', 3],
    ['2021-03-15', '2021-06-14', 2],
    ['2021-03-15', '2021-03-01', 0],
    ['2020-12-31', '2021-01-31', 1],
  ])('%s to %s is %i whole months', (a, b, n) => expect(wholeMonthsBetween(a, b)).toBe(n));

  it.each([
    ['planning', false, false],
    ['new_start', false, false],
    ['new_start', true, true],
    ['construction', false, true],
    ['production', false, true],
  ] as const)('stage %s, start met %s -> started %s', (stage, met, started) => expect(isStarted(stage, met)).toBe(started));
});

describe('milestones', () => {
  it.each([
    ['2021-06-30', null, '2021-06-01', 'pending', false],
    ['2021-06-30', null, '2021-06-25', 'due_soon', false],
    ['2021-06-30', null, '2021-06-30', 'due_soon', false],
    ['2021-06-30', null, '2021-07-01', 'overdue', true],
    ['2021-06-30', '2021-06-30', '2021-07-20', 'met', false],
    ['2021-06-30', '2021-06-12', '2021-07-20', 'met', false],
    // Met late: keeps "was overdue" for good.
    ['2021-06-30', '2021-07-05', '2021-12-20', 'met_late', true],
  ] as const)('due %s, met %s, today %s -> %s (was overdue %s)', (dueDate, metDate, today, state, late) => {
    expect(milestoneState({ dueDate, metDate, today })).toBe(state);
    expect(wasOverdue({ dueDate, metDate, today })).toBe(late);
  });

  it.each([
    ['preliminary', 'construction', true],
    ['new_start', 'construction', true],
    ['construction', 'construction', false],
    ['production', 'completed', false],
    ['production', 'production', true],
    ['preliminary', 'planning', false],
  ] as const)('a %s milestone of a project entered at %s is done: %s', (m, p, done) => expect(milestoneDoneAtStage(m, p)).toBe(done));

  it('spreads default due dates from the planned dates', () => {
    const plan = { start: '2021-06-01', completion: '2022-06-01', production: '2022-08-01' };
    expect(defaultMilestoneDue('approval', plan)).toBe('2021-03-03');
    expect(defaultMilestoneDue('construction_permit', plan)).toBe('2021-05-17');
    expect(defaultMilestoneDue('start', plan)).toBe('2021-06-01');
    expect(defaultMilestoneDue('structure', plan)).toBe('2021-12-01');
    expect(defaultMilestoneDue('acceptance', plan)).toBe('2022-06-01');
    expect(defaultMilestoneDue('production', plan)).toBe('2022-08-01');
  });

  it.each([
    ['2021-07-10', '2021-06'],
    ['2021-01-05', '2020-12'],
  ])('last closed month of %s is %s', (d, m) => expect(lastClosedMonth(d)).toBe(m));
});
