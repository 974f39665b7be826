// Fund awards (资金与政策): the amount rule of an award category, the budget and payment ceilings, the review steps.

/** An award category's amount: a fixed sum, or a share of the verified investment (basis points) up to a cap. */
export type AmountRule = { kind: 'fixed'; amountFen: number } | { kind: 'share'; shareBp: number; capFen: number };

export const AMOUNT_RULE_KINDS = ['fixed', 'share'] as const;

/**
 * What a category awards. Fixed: its amount. Share: investment × shareBp / 10,000, rounded down to the fen and never
 * above the cap; a share rule without a verified investment (or with none) awards nothing.
 */
export function awardAmount(rule: AmountRule, verifiedInvestmentFen: number | null): number {
  if (rule.kind === 'fixed') return rule.amountFen;
  if (verifiedInvestmentFen === null || verifiedInvestmentFen <= 0) return 0;
  // Integer arithmetic: investments up to 10^14 fen times 10,000 stay exact in a bigint.
  const share = Number((BigInt(Math.trunc(verifiedInvestmentFen)) * BigInt(rule.shareBp)) / 10_000n);
  return Math.min(share, rule.capFen);
}

/** What is left to approve in a programme: never negative. */
export const remainingBudget = (budgetFen: number, approvedFen: number) => Math.max(0, budgetFen - approvedFen);

/**
 * Whether an approval of `amountFen` fits a programme's budget (Σ approved ≤ budget), and what would remain.
 * Called with the programme row locked, so two racing approvals cannot both see the same remainder.
 */
export function fitsBudget(budgetFen: number, approvedFen: number, amountFen: number): { ok: boolean; remainingFen: number } {
  const remainingFen = remainingBudget(budgetFen, approvedFen);
  return { ok: amountFen > 0 && amountFen <= remainingFen, remainingFen };
}

/** Whether a disbursement fits what is still to pay on an application (Σ disbursed ≤ approved). */
export function fitsDisbursement(approvedFen: number, disbursedFen: number, amountFen: number): { ok: boolean; remainingFen: number } {
  const remainingFen = Math.max(0, approvedFen - disbursedFen);
  return { ok: amountFen > 0 && amountFen <= remainingFen, remainingFen };
}

/** Whether a programme takes applications on a day: between its opening and closing dates, both included. */
export const programmeOpen = (p: { opensOn: string; closesOn: string }, day: string) => p.opensOn <= day && day <= p.closesOn;

/**
 * The states of an application. The three review steps (township or department preliminary review, office review,
 * leader approval) each sit with one unit as a 督办 task; a return sends it back to the firm with a reason.
 */
export const APPLICATION_STATUSES = ['preliminary', 'office', 'leader', 'returned', 'approved', 'paid', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const REVIEW_STEPS = ['preliminary', 'office', 'leader'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

/** Where a passed step goes next. */
export function nextStatus(step: ReviewStep): ApplicationStatus {
  return step === 'preliminary' ? 'office' : step === 'office' ? 'leader' : 'approved';
}
