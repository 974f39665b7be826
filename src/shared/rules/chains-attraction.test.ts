import { describe, expect, it } from 'vitest';
import {
  type AttractionSettings,
  type CountableLead,
  DEFAULT_ATTRACTION_SETTINGS,
  canMoveStage,
  countsToward,
  daysBefore,
  isStalled,
  teamScore,
} from './chains-attraction';

const YI = 10_000_000_000; // fen in 1亿元
const lead = (over: Partial<CountableLead> = {}): CountableLead => ({
  stage: 'signed',
  plannedInvestmentFen: YI,
  contractInvestmentFen: null,
  signedDate: '2021-06-01',
  startedDate: null,
  producingDate: null,
  ...over,
});
const s = DEFAULT_ATTRACTION_SETTINGS;

describe('countsToward (≥ 1亿 counted at signing)', () => {
  const cases: [string, Partial<CountableLead>, number, boolean, AttractionSettings?][] = [
    ['exactly 1亿 counts', { contractInvestmentFen: YI }, 2021, true],
    ['one fen under 1亿 does not', { contractInvestmentFen: YI - 1 }, 2021, false],
    ['the contract amount decides, not the plan', { plannedInvestmentFen: 3 * YI, contractInvestmentFen: YI - 100 }, 2021, false],
    ['the plan stands in before a contract amount', { plannedInvestmentFen: YI, contractInvestmentFen: null }, 2021, true],
    ['signed on 31 December counts in that year', { signedDate: '2021-12-31' }, 2021, true],
    ['signed on 31 December does not count in the next', { signedDate: '2021-12-31' }, 2022, false],
    ['signed on 1 January counts in the new year', { signedDate: '2022-01-01' }, 2022, true],
    ['signed on 1 January does not count in the old', { signedDate: '2022-01-01' }, 2021, false],
    ['not signed yet', { stage: 'negotiation', signedDate: null }, 2021, false],
    ['in production still counts in its signing year', { stage: 'producing', signedDate: '2021-03-01', producingDate: '2022-05-01' }, 2021, true],
    ['counting at start: signed but not started', { stage: 'signed' }, 2021, false, { ...s, countingStage: 'started' }],
    ['counting at start: started that year', { stage: 'started', startedDate: '2021-09-09' }, 2021, true, { ...s, countingStage: 'started' }],
    ['a lower amount setting', { contractInvestmentFen: YI / 2 }, 2021, true, { ...s, minAmountFen: YI / 2 }],
  ];
  for (const [name, over, year, expected, settings] of cases)
    it(name, () => {
      expect(countsToward(lead(over), year, settings ?? s)).toBe(expected);
    });
});

describe('teamScore', () => {
  it('meets the target with two counted projects and sums their amounts', () => {
    const leads = [
      lead({ contractInvestmentFen: YI }),
      lead({ contractInvestmentFen: 2 * YI, signedDate: '2021-12-31' }),
      lead({ contractInvestmentFen: YI - 1 }),
    ];
    expect(teamScore(leads, 2021, s)).toEqual({ counted: 2, target: 2, met: true, countedFen: 3 * YI });
    expect(teamScore(leads, 2022, s)).toEqual({ counted: 0, target: 2, met: false, countedFen: 0 });
    expect(teamScore(leads, 2021, { ...s, targetCount: 3 }).met).toBe(false);
  });
});

describe('stalled leads and stage moves', () => {
  const cases: [string, string, boolean][] = [
    ['updated 29 days ago', '2021-06-02', false],
    ['updated exactly 30 days ago', '2021-06-01', true],
    ['updated 31 days ago', '2021-05-31', true],
  ];
  for (const [name, day, expected] of cases)
    it(name, () => {
      expect(isStalled({ stage: 'contact', lastUpdateDay: day }, '2021-07-01', 30)).toBe(expected);
    });
  it('a lead in production never stalls', () => {
    expect(isStalled({ stage: 'producing', lastUpdateDay: '2020-01-01' }, '2021-07-01', 30)).toBe(false);
  });
  it('counts days across a month and a year end', () => {
    expect(daysBefore('2021-03-01', 1)).toBe('2021-02-28');
    expect(daysBefore('2022-01-01', 30)).toBe('2021-12-02');
  });
  it('moves forward only, skipping allowed', () => {
    expect(canMoveStage('lead', 'contact')).toBe(true);
    expect(canMoveStage('lead', 'signed')).toBe(true);
    expect(canMoveStage('signed', 'negotiation')).toBe(false);
    expect(canMoveStage('signed', 'signed')).toBe(false);
  });
});
