import type { ColumnType, Generated } from 'kysely';

// The funds module's tables as the application sees them (camelCase; see core/db/schema.ts for the conventions).

/** A fund's programme for one year: budget and the running totals approved and disbursed (fen). */
export interface FundProgrammeTable {
  id: Generated<number>;
  fund: string;
  name: string;
  year: number;
  budgetFen: number;
  approvedFen: Generated<number>;
  disbursedFen: Generated<number>;
  opensOn: string;
  closesOn: string;
  materials: string;
  basis: string;
  reviewUnitId: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** An award category of a programme and its amount rule. */
export interface FundCategoryTable {
  id: Generated<number>;
  programmeId: number;
  name: string;
  ruleKind: string;
  amountFen: number | null;
  shareBp: number | null;
  capFen: number | null;
  sortOrder: number;
}

/** A firm's application, its step, amounts and the 督办 task of the step it waits at. */
export interface FundApplicationTable {
  id: Generated<number>;
  programmeId: number;
  categoryId: number;
  enterpriseId: number;
  townshipUnitId: number;
  reviewUnitId: number;
  title: string;
  description: string;
  investmentFen: number | null;
  requestedFen: number;
  recommendedFen: number | null;
  approvedFen: number | null;
  disbursedFen: Generated<number>;
  status: string;
  taskId: number | null;
  submittedDate: string;
  approvedDate: string | null;
  /** The policy it came from (免申即享 awards and applications pre-filled from a matched policy). */
  policyId: ColumnType<number | null, number | null | undefined, number | null>;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A policy: eligibility as data (JSON) over the firm's profile, for one award category of a programme. */
export interface FundPolicyTable {
  id: Generated<number>;
  name: string;
  summary: string;
  programmeId: number;
  categoryId: number;
  eligibility: string;
  autoGrant: number;
  active: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** The history of an application: submission, each step's decision and reason, disbursements. */
export interface FundApplicationEventTable {
  id: Generated<number>;
  applicationId: number;
  at: string;
  kind: string;
  userId: number | null;
  unitId: number | null;
  text: string;
}

/** A payment of an approved award, one of several perhaps. */
export interface FundDisbursementTable {
  id: Generated<number>;
  applicationId: number;
  paidDate: string;
  amountFen: number;
  note: string;
  createdBy: number | null;
  createdAt: string;
}

/** A guaranteed loan (小额担保贷款) of a firm from a bank, its terms and running totals (fen). */
export interface FundLoanTable {
  id: Generated<number>;
  enterpriseId: number;
  townshipUnitId: number;
  bankUnitId: number;
  guarantorUnitId: number | null;
  guarantorName: string;
  contractNo: string;
  amountFen: number;
  annualRateBp: number;
  termMonths: number;
  startDate: string;
  maturityDate: string;
  method: string;
  repaidFen: Generated<number>;
  principalRepaidFen: Generated<number>;
  outstandingFen: number;
  overdue: Generated<number>;
  status: string;
  note: string;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** One instalment of a loan's repayment schedule and what has been paid of it. */
export interface FundLoanInstalmentTable {
  id: Generated<number>;
  loanId: number;
  seq: number;
  dueDate: string;
  principalFen: number;
  interestFen: number;
  totalFen: number;
  paidFen: Generated<number>;
  missedOn: string | null;
}

/** A repayment recorded against a loan. */
export interface FundLoanRepaymentTable {
  id: Generated<number>;
  loanId: number;
  paidDate: string;
  amountFen: number;
  note: string;
  createdBy: number | null;
  createdAt: string;
}

declare module '../../core/db/schema' {
  interface Database {
    fundProgrammes: FundProgrammeTable;
    fundCategories: FundCategoryTable;
    fundApplications: FundApplicationTable;
    fundApplicationEvents: FundApplicationEventTable;
    fundDisbursements: FundDisbursementTable;
    fundPolicies: FundPolicyTable;
    fundLoans: FundLoanTable;
    fundLoanInstalments: FundLoanInstalmentTable;
    fundLoanRepayments: FundLoanRepaymentTable;
  }
}
