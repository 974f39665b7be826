import { describe, expect, it } from 'vitest';
import {
  type Move,
  type Pipeline,
  addYears,
  breakthrough,
  canMove,
  certStatus,
  certValidTo,
  isPromotion,
  rdInstitutionsText,
  reachedInYear,
  renewalFrom,
  targetStatus,
  yearOf,
} from './innovation-pipelines';

describe('stage moves', () => {
  it.each([
    ['high_tech', 'pool', 'applied', true],
    ['high_tech', 'pool', 'certified', false],
    ['high_tech', 'pool', 'renewed', false],
    ['high_tech', 'applied', 'certified', true],
    ['high_tech', 'applied', 'pool', true],
    ['high_tech', 'applied', 'renewed', false],
    ['high_tech', 'certified', 'renewed', true],
    ['high_tech', 'certified', 'applied', false],
    ['high_tech', 'certified', 'pool', true],
    ['high_tech', 'renewed', 'renewed', true],
    ['high_tech', 'renewed', 'pool', true],
    ['high_tech', 'pool', 'pool', false],
    ['high_tech', 'pool', 'national', false],
    ['sme', 'candidate', 'innovative', true],
    ['sme', 'candidate', 'provincial', false],
    ['sme', 'innovative', 'provincial', true],
    ['sme', 'provincial', 'little_giant', true],
    ['sme', 'innovative', 'little_giant', false],
    ['sme', 'little_giant', 'candidate', true],
    ['sme', 'provincial', 'provincial', false],
    ['rd', 'county', 'city', true],
    ['rd', 'county', 'national', false],
    ['rd', 'provincial', 'national', true],
    ['rd', 'national', 'county', true],
    ['incubator', 'city', 'provincial', true],
    ['incubator', 'city', 'certified', false],
  ] as const)('%s: %s → %s is %s', (pipeline, from, to, ok) => {
    expect(canMove(pipeline, from, to)).toBe(ok);
  });

  it.each([
    ['high_tech', 'applied', 'certified', true],
    ['high_tech', 'certified', 'renewed', true],
    ['high_tech', 'renewed', 'renewed', true],
    ['high_tech', 'certified', 'pool', false],
    ['sme', 'little_giant', 'innovative', false],
    ['rd', 'city', 'provincial', true],
  ] as const)('%s: %s → %s is a promotion: %s', (pipeline, from, to, up) => {
    expect(isPromotion(pipeline, from, to)).toBe(up);
  });
});

describe('高新 certificates', () => {
  it.each([
    ['2023-12-01', '2026-11-30', '2025-12-01'],
    ['2024-01-01', '2026-12-31', '2026-01-01'],
    ['2024-02-29', '2027-02-28', '2026-03-01'],
    ['2026-03-15', '2029-03-14', '2028-03-15'],
  ])('issued %s: valid through %s, 复审 due from %s', (issued, validTo, from) => {
    expect(certValidTo(issued)).toBe(validTo);
    expect(renewalFrom(validTo)).toBe(from);
  });

  it.each([
    ['2026-11-30', '2025-11-30', 'valid'],
    ['2026-11-30', '2025-12-01', 'renewal_due'],
    ['2026-11-30', '2026-11-30', 'renewal_due'],
    ['2026-11-30', '2026-12-01', 'expired'],
    ['2029-03-14', '2026-12-02', 'valid'],
  ] as const)('valid to %s, on %s: %s', (validTo, today, status) => {
    expect(certStatus(validTo, today)).toBe(status);
  });

  it('adds years over 29 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('progress within a year', () => {
  const m = (entryId: number, pipeline: Pipeline, from: string | null, to: string, on: string): Move => ({ entryId, pipeline, from, to, on });
  const moves = [
    m(1, 'high_tech', 'applied', 'certified', '2026-12-31'),
    m(2, 'high_tech', 'applied', 'certified', '2027-01-01'),
    m(3, 'high_tech', 'certified', 'renewed', '2026-06-01'),
    m(4, 'high_tech', 'applied', 'certified', '2026-03-01'),
    m(4, 'high_tech', 'certified', 'pool', '2026-05-01'),
    m(4, 'high_tech', 'pool', 'applied', '2026-06-01'),
    m(4, 'high_tech', 'applied', 'certified', '2026-09-01'),
    m(5, 'sme', 'innovative', 'provincial', '2026-04-01'),
    m(6, 'sme', 'provincial', 'little_giant', '2026-05-01'),
    m(7, 'sme', 'candidate', 'innovative', '2026-05-01'),
    m(8, 'rd', null, 'provincial', '2026-07-01'),
    m(9, 'rd', 'provincial', 'national', '2025-07-01'),
  ];

  it.each([
    ['high_tech', 'certified', 2026, 2, 'promoted 31 Dec counts for 2026; a 复审 is no new 高企; entry 4 once'],
    ['high_tech', 'certified', 2027, 1, 'promoted 1 Jan counts for 2027'],
    ['high_tech', 'certified', 2025, 0, 'no moves that year'],
    ['sme', 'provincial', 2026, 1, 'provincial reached from innovative; little_giant from provincial was already provincial'],
    ['sme', 'little_giant', 2026, 1, 'one 小巨人'],
    ['sme', 'innovative', 2026, 1, 'one new 创新型'],
    ['rd', 'provincial', 2026, 1, 'an institution filed at provincial level counts'],
    ['rd', 'national', 2026, 0, 'the national one came the year before'],
    ['incubator', 'national', 2026, 0, 'none'],
  ] as const)('%s reaching %s in %i: %i (%s)', (pipeline, stage, year, n, _why) => {
    expect(reachedInYear(moves, pipeline, stage, year)).toBe(n);
  });

  it.each([
    [8, 8, 2026, '2026-06-01', 'achieved'],
    [8, 9, 2026, '2026-06-01', 'achieved'],
    [8, 3, 2026, '2026-12-31', 'in_progress'],
    [8, 3, 2026, '2027-01-01', 'missed'],
    [0, 0, 2026, '2026-01-01', 'achieved'],
  ] as const)('target %i with %i in %i on %s: %s', (target, achieved, year, today, status) => {
    expect(targetStatus(target, achieved, year, today)).toBe(status);
  });
});

describe('零突破 within two years', () => {
  const goal = { pipeline: 'rd' as const, stage: 'national', startYear: 2025, years: 2 };
  const m = (on: string, from: string | null = 'provincial', to = 'national', entryId = 1): Move => ({ entryId, pipeline: 'rd', from, to, on });

  it.each([
    [[m('2025-01-01')], '2025-06-01', 'achieved', '2025-01-01', 'first day of the window'],
    [[m('2026-12-31')], '2027-03-01', 'achieved', '2026-12-31', 'last day of the window'],
    [[m('2024-12-31')], '2026-06-01', 'in_progress', null, 'before the window does not count'],
    [[m('2027-01-01')], '2027-01-02', 'missed', null, 'after the window does not count'],
    [[], '2026-12-31', 'in_progress', null, 'still open on the last day'],
    [[], '2027-01-01', 'missed', null, 'over the day after'],
    [[m('2026-03-01', null)], '2026-06-01', 'achieved', '2026-03-01', 'filed straight at national level'],
    [[m('2026-03-01', 'provincial', 'city')], '2026-06-01', 'in_progress', null, 'a move below national does not count'],
    [[m('2026-05-01', 'provincial', 'national', 2), m('2025-09-01', 'provincial', 'national', 3)], '2026-06-01', 'achieved', '2025-09-01', 'the first one'],
  ] as const)('%#: %s', (moves, today, status, on, _why) => {
    const r = breakthrough([...moves], goal, today);
    expect(r.status).toBe(status);
    expect(r.achievedOn).toBe(on);
    expect([r.from, r.to]).toEqual(['2025-01-01', '2026-12-31']);
  });
});

describe('profile text', () => {
  it('lists R&D institutions highest level first', () => {
    expect(
      rdInstitutionsText([
        { name: '甲中心', stage: 'county' },
        { name: '乙中心', stage: 'national' },
      ]),
    ).toBe('国家级 乙中心；县级 甲中心');
    expect(rdInstitutionsText([])).toBe('');
  });
  it('year of a day', () => {
    expect(yearOf('2026-12-31')).toBe(2026);
    expect(yearOf('2027-01-01')).toBe(2027);
  });
});
