import { describe, expect, it } from 'vitest';
import { type AmountRule, awardAmount, fitsBudget, fitsDisbursement, nextStatus, programmeOpen, remainingBudget } from './funds-awards';

describe('awardAmount: fixed, or a share of the verified investment with a cap', () => {
  const share: AmountRule = { kind: 'share', shareBp: 1000, capFen: 50_000_000 }; // 10 %, at most 500,000 yuan
  it.each<[string, AmountRule, number | null, number]>([
    ['fixed ignores the investment', { kind: 'fixed', amountFen: 20_000_000 }, 999, 20_000_000],
    ['fixed without an investment', { kind: 'fixed', amountFen: 20_000_000 }, null, 20_000_000],
    ['share below the cap', share, 100_000_000, 10_000_000],
    ['share exactly at the cap', share, 500_000_000, 50_000_000],
    ['share one fen above the cap is capped', share, 500_000_010, 50_000_000],
    ['share far above the cap is capped', share, 10_000_000_000, 50_000_000],
    ['share rounds down to the fen', { kind: 'share', shareBp: 333, capFen: 1_000_000 }, 1_001, 33],
    ['share of nothing', share, 0, 0],
    ['share without a verified investment', share, null, 0],
    ['share of a negative figure', share, -5, 0],
    ['a large investment stays exact', { kind: 'share', shareBp: 1, capFen: 10 ** 14 }, 10 ** 14, 10 ** 10],
  ])('%s', (_, rule, investment, expected) => {
    expect(awardAmount(rule, investment)).toBe(expected);
  });
});

describe('budget and payment ceilings', () => {
  it.each([
    [1000, 0, 1000, true, 1000],
    [1000, 400, 600, true, 600],
    [1000, 400, 601, false, 600],
    [1000, 1000, 1, false, 0],
    [1000, 0, 0, false, 1000],
    [1000, 0, -1, false, 1000],
  ])('budget %i, approved %i, approving %i -> %s (remaining %i)', (budget, approved, amount, ok, remaining) => {
    expect(fitsBudget(budget, approved, amount)).toEqual({ ok, remainingFen: remaining });
  });
  it('never reports a negative remainder (a budget cut below what was approved)', () => {
    expect(remainingBudget(500, 800)).toBe(0);
  });
  it.each([
    [300, 0, 300, true, 300],
    [300, 100, 200, true, 200],
    [300, 100, 201, false, 200],
    [300, 300, 1, false, 0],
  ])('approved %i, paid %i, paying %i -> %s', (approved, paid, amount, ok, remaining) => {
    expect(fitsDisbursement(approved, paid, amount)).toEqual({ ok, remainingFen: remaining });
  });
});

describe('programme window and review steps', () => {
  const p = { opensOn: '2026-03-01', closesOn: '2026-10-31' };
  it.each([
    ['2026-02-28', false],
    ['2026-03-01', true],
    ['2026-10-31', true],
    ['2026-11-01', false],
  ])('%s open: %s', (day, open) => expect(programmeOpen(p, day)).toBe(open));
  it('steps go township → office → leader → approved', () => {
    expect([nextStatus('preliminary'), nextStatus('office'), nextStatus('leader')]).toEqual(['office', 'leader', 'approved']);
  });
});
