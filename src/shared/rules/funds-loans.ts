import { type CalendarArrangement, addWorkingDays, isWorkingDay } from './working-days';

/**
 * Guaranteed loans (小额担保贷款): the repayment schedule of a loan and the state of its instalments.
 * Money is integer fen; the annual rate is in basis points (435 = 4.35 %), so the monthly rate is bp / 120,000.
 * Every instalment's interest is rounded half up to the fen on the balance it runs on, and the last instalment takes
 * whatever principal remains, so Σ principal = the amount exactly whatever the rounding.
 */
export const REPAYMENT_METHODS = ['annuity', 'equal_principal', 'interest_only'] as const;
/** 等额本息 (equal instalments), 等额本金 (equal principal), 按月付息到期还本 (interest monthly, principal at maturity). */
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

export interface Instalment {
  seq: number;
  dueDate: string;
  principalFen: number;
  interestFen: number;
  totalFen: number;
  /** Principal still owed after this instalment is paid. */
  balanceFen: number;
}

export interface LoanTerms {
  amountFen: number;
  annualRateBp: number;
  termMonths: number;
  startDate: string;
  method: RepaymentMethod;
}

/** The date `months` months after `date`, on the same day or the month's last day when it has fewer (01-31 → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** One month's interest on a balance, half up to the fen, computed exactly (BigInt: balance × bp exceeds 2^53). */
export function monthInterest(balanceFen: number, annualRateBp: number): number {
  if (balanceFen <= 0 || annualRateBp <= 0) return 0;
  return Number((BigInt(balanceFen) * BigInt(annualRateBp) * 2n + 120_000n) / 240_000n);
}

/** The level monthly payment of 等额本息, rounded to the fen: P·r·(1+r)^n / ((1+r)^n − 1), or P / n at rate 0. */
export function annuityPayment(amountFen: number, annualRateBp: number, termMonths: number): number {
  if (annualRateBp === 0) return Math.ceil(amountFen / termMonths);
  const r = annualRateBp / 120_000;
  const f = (1 + r) ** termMonths;
  return Math.round((amountFen * r * f) / (f - 1));
}

/** The repayment schedule: one instalment a month from a month after the start date, the last at maturity. */
export function repaymentSchedule(t: LoanTerms): Instalment[] {
  if (!Number.isInteger(t.amountFen) || t.amountFen <= 0) throw new RangeError('amount');
  if (!Number.isInteger(t.termMonths) || t.termMonths < 1) throw new RangeError('term');
  if (!Number.isInteger(t.annualRateBp) || t.annualRateBp < 0) throw new RangeError('rate');
  const out: Instalment[] = [];
  let balance = t.amountFen;
  const payment = t.method === 'annuity' ? annuityPayment(t.amountFen, t.annualRateBp, t.termMonths) : 0;
  const evenPrincipal = Math.floor(t.amountFen / t.termMonths);
  for (let seq = 1; seq <= t.termMonths; seq++) {
    const interest = monthInterest(balance, t.annualRateBp);
    const last = seq === t.termMonths;
    let principal: number;
    if (last) principal = balance;
    else if (t.method === 'interest_only') principal = 0;
    else if (t.method === 'equal_principal') principal = evenPrincipal;
    else principal = Math.min(balance, Math.max(0, payment - interest));
    balance -= principal;
    out.push({
      seq,
      dueDate: addMonths(t.startDate, seq),
      principalFen: principal,
      interestFen: interest,
      totalFen: principal + interest,
      balanceFen: balance,
    });
  }
  return out;
}

/**
 * The last day an instalment may be paid: its due date, moved to the next working day on the county calendar when
 * it falls on a day off, then `graceDays` working days more.
 */
export function paymentDeadline(cal: CalendarArrangement, dueDate: string, graceDays: number): string {
  const due = isWorkingDay(cal, dueDate) ? dueDate : addWorkingDays(cal, dueDate, 1);
  return graceDays > 0 ? addWorkingDays(cal, due, graceDays) : due;
}

export const INSTALMENT_STATES = ['paid', 'partial', 'due', 'missed'] as const;
export type InstalmentState = (typeof INSTALMENT_STATES)[number];

/**
 * How repayments settle the schedule: the total paid covers the instalments in order (each one's interest, then its
 * principal). Returns each instalment's paid part and the principal repaid in all (the outstanding = amount − that).
 */
export function allocateRepayments(schedule: Pick<Instalment, 'principalFen' | 'interestFen'>[], paidTotalFen: number) {
  let left = Math.max(0, paidTotalFen);
  let principalRepaidFen = 0;
  const paid = schedule.map((i) => {
    const total = i.principalFen + i.interestFen;
    const part = Math.min(total, left);
    left -= part;
    principalRepaidFen += Math.max(0, part - i.interestFen);
    return part;
  });
  return { paid, principalRepaidFen, surplusFen: left };
}

/** An instalment's state on a day: paid in full, part paid, not yet past its deadline (due), or missed. */
export function instalmentState(totalFen: number, paidFen: number, deadline: string, today: string): InstalmentState {
  if (paidFen >= totalFen) return 'paid';
  if (today > deadline) return 'missed';
  return paidFen > 0 ? 'partial' : 'due';
}
