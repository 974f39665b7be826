import type { Generated } from 'kysely';

// The financing module's tables as the application sees them (camelCase; see core/db/schema.ts for the conventions).

/** A bank's loan product (金融产品): amounts in fen, rates in hundredths of a percent. */
export interface FinancingProductTable {
  id: Generated<number>;
  bankUnitId: number;
  name: string;
  type: string;
  minAmountFen: number;
  maxAmountFen: number;
  termMonths: number;
  rateMinBp: number;
  rateMaxBp: number;
  conditions: string;
  contact: string;
  active: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

/** A firm's financing need (融资需求), shared with chosen banks, with its 督办 task. */
export interface FinancingNeedTable {
  id: Generated<number>;
  enterpriseId: number;
  townshipUnitId: number;
  ownerUnitId: number;
  amountFen: number;
  termMonths: number;
  purpose: string;
  collateral: string;
  urgency: string;
  contact: string;
  shareWithAll: number;
  consentAt: string;
  consentBy: number | null;
  status: string;
  failReason: string | null;
  grantedFen: Generated<number>;
  receivedDate: string;
  loanDate: string | null;
  workingDays: number | null;
  taskId: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface FinancingNeedBankTable {
  needId: number;
  bankUnitId: number;
}

export interface FinancingMeetingNeedTable {
  meetingId: number;
  needId: number;
  addedAt: string;
}

export interface FinancingMeetingBankTable {
  meetingId: number;
  bankUnitId: number;
}

/** A need × bank match and its outcome: intention, credit approved, loan granted, or declined with a reason. */
export interface FinancingMatchTable {
  id: Generated<number>;
  needId: number;
  bankUnitId: number;
  meetingId: number | null;
  productId: number | null;
  outcome: string;
  amountFen: number | null;
  rateBp: number | null;
  loanDate: string | null;
  declineReason: string | null;
  note: string;
  workingDays: number | null;
  updatedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

declare module '../../core/db/schema' {
  interface Database {
    financingProducts: FinancingProductTable;
    financingNeeds: FinancingNeedTable;
    financingNeedBanks: FinancingNeedBankTable;
    financingMeetingNeeds: FinancingMeetingNeedTable;
    financingMeetingBanks: FinancingMeetingBankTable;
    financingMatches: FinancingMatchTable;
  }
}
