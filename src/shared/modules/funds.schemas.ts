import { z } from 'zod';
import { strictId, strictInt } from '../ids';
import { listQuery, pageOf } from '../list';
import { patchOf } from '../patch';
import type { PermissionSet } from '../permissions';
import { AMOUNT_RULE_KINDS, APPLICATION_STATUSES, REVIEW_STEPS } from '../rules/funds-awards';
import { INSTALMENT_STATES, REPAYMENT_METHODS } from '../rules/funds-loans';
import { ELIGIBILITY_FIELDS, ELIGIBILITY_OPS, type EligibilityField, type Expr } from '../rules/funds-eligibility';

/**
 * Permissions of funds (资金与政策): read programmes and applications in scope; apply as a firm; the preliminary
 * review of a township or department; manage programmes, apply on a firm's behalf and review as the office; approve
 * as a county leader; record disbursements; read the budget.
 */
export const FUND_PERMISSIONS = [
  'fund:read',
  'fund:apply',
  'fund:review',
  'fund:manage',
  'fund:approve',
  'fund:disburse',
  'fund:budget',
  /** Guaranteed loans: read them in scope (a firm its own, a bank its own); manage them (the office). */
  'fund:loans',
  'fund:loan_manage',
] as const;
declare module '../permissions' {
  interface ModulePermissions extends PermissionSet<typeof FUND_PERMISSIONS> {}
}

export { AMOUNT_RULE_KINDS, APPLICATION_STATUSES, REVIEW_STEPS };
export const FUND_CODES = ['industry', 'innovation'] as const;

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1, 'err.required');
const unitBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });
/** Money in fen: a positive whole number, at most 10^14 fen (a fraction of a fen or a negative sum is a 400). */
const fen = z.number().int('err.report.not_an_integer').min(1).max(100_000_000_000_000);
const fenOrZero = z.number().int('err.report.not_an_integer').min(0).max(100_000_000_000_000);
const day = z.iso.date();

export const categoryBody = z
  .strictObject({
    name: required(60),
    ruleKind: z.enum(AMOUNT_RULE_KINDS),
    /** Fixed rule: the award. */
    amountFen: fen.nullable().default(null),
    /** Share rule: basis points of the verified investment (1000 = 10 %) and the cap. */
    shareBp: z.number().int().min(1).max(10_000).nullable().default(null),
    capFen: fen.nullable().default(null),
  })
  .refine((c) => (c.ruleKind === 'fixed' ? c.amountFen !== null : c.shareBp !== null && c.capFen !== null), {
    message: 'err.fund.rule_incomplete',
    path: ['ruleKind'],
  });
export const categorySchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  name: z.string(),
  ruleKind: z.enum(AMOUNT_RULE_KINDS),
  amountFen: z.number().int().nullable(),
  shareBp: z.number().int().nullable(),
  capFen: z.number().int().nullable(),
});
export type FundCategory = z.infer<typeof categorySchema>;

const programmeFields = {
  fund: z.enum(FUND_CODES),
  name: required(100),
  year: z.number().int().min(2000).max(2100),
  budgetFen: fen,
  opensOn: day,
  closesOn: day,
  materials: text(2000).default(''),
  basis: text(500).default(''),
  /** The department that does the preliminary review; none: the firm's township does. */
  reviewUnitId: z.number().int().positive().nullable().default(null),
};
export const createProgrammeBody = z.strictObject({ ...programmeFields, categories: z.array(categoryBody).min(1).max(20) });
export const updateProgrammeBody = patchOf({
  name: programmeFields.name,
  budgetFen: programmeFields.budgetFen,
  opensOn: programmeFields.opensOn,
  closesOn: programmeFields.closesOn,
  materials: programmeFields.materials,
  basis: programmeFields.basis,
  reviewUnitId: programmeFields.reviewUnitId,
});
export const programmeSchema = z.object({
  id: z.number().int(),
  fund: z.enum(FUND_CODES),
  name: z.string(),
  year: z.number().int(),
  budgetFen: z.number().int(),
  approvedFen: z.number().int(),
  disbursedFen: z.number().int(),
  remainingFen: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  open: z.boolean(),
  materials: z.string(),
  basis: z.string(),
  reviewUnit: unitBrief.nullable(),
  categories: z.array(categorySchema),
});
export type FundProgramme = z.infer<typeof programmeSchema>;
export const PROGRAMME_SORTS = ['id', 'year', 'budgetFen', 'closesOn'] as const;
export const programmeListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(PROGRAMME_SORTS).optional(),
  q: text(100).optional(),
  year: strictInt(2000, 2100).optional(),
  fund: z.enum(FUND_CODES).optional(),
  open: z.enum(['true', 'false']).optional(),
});
export type ProgrammeListQuery = z.infer<typeof programmeListQuery>;
export const programmePage = pageOf(programmeSchema);
export const idParams = z.strictObject({ id: strictId });

export const APPLICATION_ACTIONS = ['preliminary', 'office', 'leader', 'reject', 'resubmit', 'disburse'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const applicationListItem = z.object({
  id: z.number().int(),
  programme: z.object({ id: z.number().int(), name: z.string(), year: z.number().int(), fund: z.enum(FUND_CODES) }),
  category: z.object({ id: z.number().int(), name: z.string() }),
  enterprise: z.object({ id: z.number().int(), name: z.string() }),
  townshipUnit: unitBrief,
  reviewUnit: unitBrief,
  title: z.string(),
  requestedFen: z.number().int(),
  approvedFen: z.number().int().nullable(),
  disbursedFen: z.number().int(),
  status: z.enum(APPLICATION_STATUSES),
  submittedDate: z.string(),
  dueDate: z.string().nullable(),
});
export type ApplicationListItem = z.infer<typeof applicationListItem>;
export const applicationSchema = applicationListItem.extend({
  description: z.string(),
  investmentFen: z.number().int().nullable(),
  recommendedFen: z.number().int().nullable(),
  taskId: z.number().int().nullable(),
  events: z.array(
    z.object({ id: z.number().int(), at: z.string(), kind: z.string(), user: z.string().nullable(), unit: unitBrief.nullable(), text: z.string() }),
  ),
  disbursements: z.array(z.object({ id: z.number().int(), paidDate: z.string(), amountFen: z.number().int(), note: z.string() })),
  actions: z.array(z.enum(APPLICATION_ACTIONS)),
});
export type FundApplication = z.infer<typeof applicationSchema>;
export const APPLICATION_SORTS = ['id', 'submittedDate', 'requestedFen', 'status'] as const;
export const applicationListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(APPLICATION_SORTS).optional(),
  q: text(100).optional(),
  programmeId: strictId.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  year: strictInt(2000, 2100).optional(),
  /** Only what waits at the caller's own step and unit. */
  mine: z.enum(['true', 'false']).optional(),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuery>;
export const applicationPage = pageOf(applicationListItem);

/** An application: a firm applies for itself; the office enters one on a firm's behalf (enterpriseId). */
export const createApplicationBody = z.strictObject({
  enterpriseId: z.number().int().positive().optional(),
  programmeId: z.number().int().positive(),
  categoryId: z.number().int().positive(),
  title: required(200),
  description: text(4000).default(''),
  investmentFen: fen.nullable().default(null),
  /** The matched policy the firm applies from (its portal pre-fills programme and category from it). */
  policyId: z.number().int().positive().nullable().default(null),
});
/** A review step's decision; a return needs its reason; the office and the leader may set the amount. */
export const reviewBody = z
  .strictObject({
    decision: z.enum(['pass', 'return']),
    reason: text(1000).default(''),
    amountFen: fen.optional(),
  })
  .refine((b) => b.decision === 'pass' || b.reason.length > 0, { message: 'err.fund.reason_required', path: ['reason'] });
/** A final refusal at the step the application waits at; its reason goes to the firm. */
export const rejectBody = z.strictObject({ reason: required(1000) });
export const resubmitBody = z.strictObject({ description: text(4000).optional(), investmentFen: fen.nullable().optional() });
export const disbursementBody = z.strictObject({ amountFen: fen, paidDate: day, note: text(500).default('') });

export const budgetQuery = z.strictObject({ year: strictInt(2000, 2100).optional() });
export const budgetRow = z.object({
  programme: z.object({ id: z.number().int(), name: z.string(), year: z.number().int(), fund: z.enum(FUND_CODES) }),
  budgetFen: z.number().int(),
  approvedFen: z.number().int(),
  disbursedFen: z.number().int(),
  remainingFen: z.number().int(),
  applications: z.number().int(),
  pending: z.number().int(),
});
export type BudgetRow = z.infer<typeof budgetRow>;
export const budgetResponse = z.object({ items: z.array(budgetRow), totals: budgetRow.omit({ programme: true }) });
export { fenOrZero };

// Policies and matching (政策直达, 免申即享).
export { ELIGIBILITY_FIELDS, ELIGIBILITY_OPS };
const scalar = z.union([z.string().max(40), z.number().finite(), z.boolean()]);
export const conditionSchema = z.strictObject({
  field: z.enum(Object.keys(ELIGIBILITY_FIELDS) as [EligibilityField, ...EligibilityField[]]),
  op: z.enum(ELIGIBILITY_OPS),
  value: z.union([scalar, z.array(scalar).max(50)]),
});
/** An eligibility expression: conditions under all / any / not, at most a few levels deep. */
export const exprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    conditionSchema,
    z.strictObject({ all: z.array(exprSchema).max(30) }),
    z.strictObject({ any: z.array(exprSchema).max(30) }),
    z.strictObject({ not: exprSchema }),
  ]),
) as z.ZodType<Expr>;
const policyFields = {
  name: required(100),
  summary: text(2000).default(''),
  programmeId: z.number().int().positive(),
  categoryId: z.number().int().positive(),
  eligibility: exprSchema,
  autoGrant: z.boolean().default(false),
  active: z.boolean().default(true),
};
export const createPolicyBody = z.strictObject(policyFields);
export const updatePolicyBody = patchOf({
  name: policyFields.name,
  summary: policyFields.summary,
  eligibility: policyFields.eligibility,
  autoGrant: policyFields.autoGrant,
  active: policyFields.active,
});
export const policySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  summary: z.string(),
  programme: z.object({ id: z.number().int(), name: z.string(), year: z.number().int(), open: z.boolean() }),
  category: categorySchema,
  eligibility: exprSchema,
  autoGrant: z.boolean(),
  active: z.boolean(),
  /** Firms that qualify now (for the office). */
  qualifying: z.number().int().nullable(),
});
export type FundPolicy = z.infer<typeof policySchema>;
export const policyListQuery = z.strictObject({ ...listQuery, sort: z.enum(['id', 'name']).optional(), q: text(100).optional() });
export const policyPage = pageOf(policySchema);
export const previewBody = z.strictObject({ eligibility: exprSchema, categoryId: z.number().int().positive() });
export const matchSchema = z.object({
  enterprise: z.object({ id: z.number().int(), name: z.string() }),
  township: unitBrief,
  /** The award the category's rule gives without figures (fixed awards; a share rule needs the firm's investment). */
  amountFen: z.number().int(),
  /** Whether the firm already has an application from this policy. */
  awarded: z.boolean(),
});
export const matchesResponse = z.object({
  qualifying: z.number().int(),
  undecided: z.number().int(),
  items: z.array(matchSchema),
  amountFen: z.number().int(),
});
export const myPoliciesResponse = z.object({
  items: z.array(
    z.object({
      policy: z.object({ id: z.number().int(), name: z.string(), summary: z.string(), autoGrant: z.boolean() }),
      programme: programmeSchema,
      categoryId: z.number().int(),
      applied: z.boolean(),
    }),
  ),
});
export const confirmAwardsResponse = z.object({ granted: z.number().int(), amountFen: z.number().int() });

// Guaranteed loans (小额担保贷款).
export { INSTALMENT_STATES, REPAYMENT_METHODS };
export const LOAN_STATUSES = ['active', 'settled'] as const;
/** A loan of at most 10^12 fen (ten billion yuan): its interest stays exact in the schedule rule. */
const loanFen = z.number().int('err.report.not_an_integer').min(1).max(1_000_000_000_000);
export const createLoanBody = z
  .strictObject({
    enterpriseId: z.number().int().positive(),
    bankUnitId: z.number().int().positive(),
    /** A guarantor that is a unit of the platform, or named in text (a guarantee company, a person). */
    guarantorUnitId: z.number().int().positive().nullable().default(null),
    guarantorName: text(100).default(''),
    contractNo: text(60).default(''),
    amountFen: loanFen,
    /** The annual rate in basis points: 435 = 4.35 %. */
    annualRateBp: z.number().int('err.report.not_an_integer').min(0).max(10_000),
    termMonths: z.number().int('err.report.not_an_integer').min(1).max(360),
    startDate: day,
    method: z.enum(REPAYMENT_METHODS),
    note: text(1000).default(''),
  })
  .refine((b) => b.guarantorUnitId !== null || b.guarantorName.length > 0, { message: 'err.fund.guarantor_required', path: ['guarantorName'] });
export const repaymentBody = z.strictObject({ amountFen: loanFen, paidDate: day, note: text(500).default('') });
const brief = z.object({ id: z.number().int(), name: z.string() });
export const loanListItem = z.object({
  id: z.number().int(),
  enterprise: brief,
  bank: unitBrief,
  guarantor: z.string(),
  contractNo: z.string(),
  amountFen: z.number().int(),
  annualRateBp: z.number().int(),
  termMonths: z.number().int(),
  startDate: z.string(),
  maturityDate: z.string(),
  method: z.enum(REPAYMENT_METHODS),
  repaidFen: z.number().int(),
  outstandingFen: z.number().int(),
  overdue: z.boolean(),
  status: z.enum(LOAN_STATUSES),
  /** The next instalment not paid in full. */
  nextDue: z.object({ dueDate: z.string(), totalFen: z.number().int(), paidFen: z.number().int() }).nullable(),
});
export type LoanListItem = z.infer<typeof loanListItem>;
export const loanSchema = loanListItem.extend({
  guarantorUnit: unitBrief.nullable(),
  note: z.string(),
  principalRepaidFen: z.number().int(),
  schedule: z.array(
    z.object({
      seq: z.number().int(),
      dueDate: z.string(),
      deadline: z.string(),
      principalFen: z.number().int(),
      interestFen: z.number().int(),
      totalFen: z.number().int(),
      paidFen: z.number().int(),
      state: z.enum(INSTALMENT_STATES),
      missedOn: z.string().nullable(),
    }),
  ),
  repayments: z.array(z.object({ id: z.number().int(), paidDate: z.string(), amountFen: z.number().int(), note: z.string() })),
  canManage: z.boolean(),
});
export type FundLoan = z.infer<typeof loanSchema>;
export const LOAN_SORTS = ['id', 'startDate', 'amountFen', 'outstandingFen', 'maturityDate'] as const;
export const loanListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(LOAN_SORTS).optional(),
  q: text(100).optional(),
  bankUnitId: strictId.optional(),
  enterpriseId: strictId.optional(),
  method: z.enum(REPAYMENT_METHODS).optional(),
  status: z.enum(LOAN_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type LoanListQuery = z.infer<typeof loanListQuery>;
export const loanPage = pageOf(loanListItem);
export const bankTotalsRow = z.object({
  bank: unitBrief,
  loans: z.number().int(),
  active: z.number().int(),
  overdue: z.number().int(),
  amountFen: z.number().int(),
  outstandingFen: z.number().int(),
  overdueOutstandingFen: z.number().int(),
});
export type BankTotalsRow = z.infer<typeof bankTotalsRow>;
export const bankTotalsResponse = z.object({ items: z.array(bankTotalsRow), totals: bankTotalsRow.omit({ bank: true }) });
export const loanSettingsSchema = z.strictObject({ graceDays: z.number().int('err.report.not_an_integer').min(0).max(30) });
export type LoanSettings = z.infer<typeof loanSettingsSchema>;
export const loanOptionsResponse = z.object({ banks: z.array(unitBrief), settings: loanSettingsSchema });
