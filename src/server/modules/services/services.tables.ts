import type { Generated } from 'kysely';

// The services module's tables as the application sees them (camelCase; see core/db/schema.ts for the conventions).

/** A request category and its time limit in working days (咨询 3, 一般协调 5, 复杂协调 15, 重大事项 30 by default). */
export interface ServiceCategoryTable {
  id: Generated<number>;
  code: string;
  nameZh: string;
  nameEn: string;
  limitDays: number;
  sortOrder: number;
  active: number;
  updatedAt: string;
}

/** An enterprise's request (企业诉求), owned by the unit that first received it. */
export interface ServiceRequestTable {
  id: Generated<number>;
  enterpriseId: number;
  townshipUnitId: number;
  ownerUnitId: number;
  channel: string;
  categoryId: number;
  title: string;
  content: string;
  status: string;
  receivedDate: string;
  dueDate: string;
  taskId: number | null;
  reply: string | null;
  closedDate: string | null;
  workingDays: number | null;
  onTime: number | null;
  wasLate: Generated<number>;
  rating: string | null;
  ratingComment: string | null;
  ratedAt: string | null;
  reopenCount: Generated<number>;
  liftStatus: string | null;
  liftReason: string | null;
  liftUnitId: number | null;
  meetingId: number | null;
  meetingDecisionSeq: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A part of a request handed to another unit, with its reason and own deadline (a 督办 task of that unit). */
export interface ServiceRequestPartTable {
  id: Generated<number>;
  requestId: number;
  unitId: number;
  reason: string;
  dueDate: string;
  taskId: number | null;
  status: string;
  reply: string | null;
  repliedDate: string | null;
  repliedAt: string | null;
  repliedBy: number | null;
  createdAt: string;
}

/** The history of a request: receipt, notes, parts, replies, the firm's words and ratings. */
export interface ServiceRequestEventTable {
  id: Generated<number>;
  requestId: number;
  at: string;
  kind: string;
  userId: number | null;
  unitId: number | null;
  text: string;
  public: number;
}

/** An item owed to a firm (政策兑现 or 欠款): amount due and paid in fen, due date, basis, responsible unit. */
export interface ServiceCommitmentTable {
  id: Generated<number>;
  enterpriseId: number;
  townshipUnitId: number;
  kind: string;
  title: string;
  basis: string;
  responsibleUnitId: number;
  amountDueFen: number;
  paidFen: Generated<number>;
  dueDate: string;
  settledDate: string | null;
  taskId: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A payment against a commitment, partial or whole. */
export interface ServiceCommitmentPaymentTable {
  id: Generated<number>;
  commitmentId: number;
  paidDate: string;
  amountFen: number;
  note: string;
  createdBy: number | null;
  createdAt: string;
}

/** A firm's request for a portal account, confirmed (or refused) by its township. */
export interface ServiceRegistrationTable {
  id: Generated<number>;
  firmName: string;
  uscc: string;
  townshipUnitId: number;
  contactName: string;
  contactPhone: string;
  username: string;
  passwordHash: string | null;
  enterpriseId: number | null;
  status: string;
  reason: string | null;
  userId: number | null;
  decidedBy: number | null;
  decidedAt: string | null;
  ip: string | null;
  createdAt: string;
}

/** Corrections a firm proposes to its own 一企一档 profile, decided by its township. */
export interface ServiceProfileCorrectionTable {
  id: Generated<number>;
  enterpriseId: number;
  townshipUnitId: number;
  changes: string;
  previous: string;
  note: string;
  status: string;
  reason: string | null;
  proposedBy: number | null;
  decidedBy: number | null;
  decidedAt: string | null;
  createdAt: string;
}

declare module '../../core/db/schema' {
  interface Database {
    serviceCategories: ServiceCategoryTable;
    serviceRequests: ServiceRequestTable;
    serviceRequestParts: ServiceRequestPartTable;
    serviceRequestEvents: ServiceRequestEventTable;
    serviceCommitments: ServiceCommitmentTable;
    serviceCommitmentPayments: ServiceCommitmentPaymentTable;
    serviceRegistrations: ServiceRegistrationTable;
    serviceProfileCorrections: ServiceProfileCorrectionTable;
  }
}
