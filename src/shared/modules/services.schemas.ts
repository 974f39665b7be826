import { z } from 'zod';
import { strictId, strictInt } from '../ids';
import { listQuery, pageOf, queryBoolean } from '../list';
import { patchOf } from '../patch';
import type { PermissionSet } from '../permissions';
import { AGE_BUCKETS } from '../rules/services-ageing';
import { RATINGS, REQUEST_CHANNELS, REQUEST_STATUSES } from '../rules/services-requests';

/**
 * Permissions of enterprise services: read requests in scope; submit, rate and comment as a firm; handle as a unit
 * (enter on a firm's behalf, notes, parts, replies); manage the categories; create firm accounts; keep the commitments
 * ledger (add items owed to firms).
 */
export const SERVICE_PERMISSIONS = ['service:read', 'service:submit', 'service:handle', 'service:manage', 'service:accounts', 'service:commitments'] as const;
declare module '../permissions' {
  interface ModulePermissions extends PermissionSet<typeof SERVICE_PERMISSIONS> {}
}

export { RATINGS, REQUEST_CHANNELS, REQUEST_STATUSES };

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1, 'err.required');
const unitBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });

export const categorySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  limitDays: z.number().int(),
  active: z.boolean(),
});
export type ServiceCategory = z.infer<typeof categorySchema>;
export const categoriesResponse = z.object({ items: z.array(categorySchema) });
const categoryFields = {
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'err.VALIDATION'),
  nameZh: required(40),
  nameEn: required(80),
  limitDays: z.number().int().min(1).max(120),
  active: z.boolean(),
};
export const createCategoryBody = z.strictObject({ ...categoryFields, active: categoryFields.active.default(true) });
export const updateCategoryBody = patchOf(categoryFields);

export const REQUEST_ACTIONS = ['note', 'transfer', 'reply', 'rate', 'comment'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const partSchema = z.object({
  id: z.number().int(),
  unit: unitBrief,
  reason: z.string(),
  dueDate: z.string(),
  taskId: z.number().int().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  status: z.enum(['open', 'replied']),
  /** Whether the caller's unit may reply to this part now. */
  canReply: z.boolean(),
});

export const EVENT_KINDS = ['submitted', 'received', 'note', 'transfer', 'part_reply', 'reply', 'comment', 'rating', 'reopen'] as const;
export const eventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.enum(EVENT_KINDS),
  user: z.string().nullable(),
  unit: unitBrief.nullable(),
  text: z.string(),
});

export const requestListItem = z.object({
  id: z.number().int(),
  enterprise: z.object({ id: z.number().int(), name: z.string() }),
  townshipUnit: unitBrief,
  ownerUnit: unitBrief,
  channel: z.enum(REQUEST_CHANNELS),
  category: categorySchema.pick({ id: true, code: true, nameZh: true, nameEn: true, limitDays: true }),
  title: z.string(),
  status: z.enum(REQUEST_STATUSES),
  receivedDate: z.string(),
  dueDate: z.string(),
  closedDate: z.string().nullable(),
  overdue: z.boolean(),
  onTime: z.boolean().nullable(),
  rating: z.enum(RATINGS).nullable(),
  reopenCount: z.number().int(),
  openParts: z.number().int(),
});
export type RequestListItem = z.infer<typeof requestListItem>;

export const requestSchema = requestListItem.extend({
  content: z.string(),
  reply: z.string().nullable(),
  ratingComment: z.string().nullable(),
  workingDays: z.number().int().nullable(),
  taskId: z.number().int().nullable(),
  parts: z.array(partSchema),
  events: z.array(eventSchema),
  actions: z.array(z.enum(REQUEST_ACTIONS)),
});
export type ServiceRequest = z.infer<typeof requestSchema>;

export const REQUEST_SORTS = ['id', 'receivedDate', 'dueDate', 'status'] as const;
const requestFilters = {
  q: text(100).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  channel: z.enum(REQUEST_CHANNELS).optional(),
  categoryId: strictId.optional(),
  ownerUnitId: strictId.optional(),
  enterpriseId: strictId.optional(),
  overdue: queryBoolean.optional(),
};
export const requestListQuery = z.strictObject({ ...listQuery, sort: z.enum(REQUEST_SORTS).optional(), ...requestFilters });
export type RequestListQuery = z.infer<typeof requestListQuery>;
export const requestPage = pageOf(requestListItem);

/** A request: a firm submits its own (channel portal); staff enter one received by visit, hotline or meeting. */
export const createRequestBody = z.strictObject({
  enterpriseId: z.number().int().positive().optional(),
  channel: z.enum(REQUEST_CHANNELS).default('portal'),
  categoryId: z.number().int().positive(),
  title: required(100),
  content: required(4000),
});
export const textBody = z.strictObject({ text: required(4000) });
export const transferBody = z.strictObject({
  unitId: z.number().int().positive(),
  reason: required(1000),
  workingDays: z.number().int().min(1).max(60),
});
export const rateBody = z.strictObject({ rating: z.enum(RATINGS), comment: text(1000).default('') });
export const requestIdParams = z.strictObject({ id: strictId });
export const partParams = z.strictObject({ id: strictId, partId: strictId });
export const categoryIdParams = z.strictObject({ id: strictId });

/** The units a part may be handed to. */
export const handoverUnitsResponse = z.object({ items: z.array(z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string(), kind: z.string() })) });

export const statsQuery = z.strictObject({ year: strictInt(2000, 2100), quarter: strictInt(1, 4).optional() });
export const unitStatsSchema = z.object({
  unit: unitBrief,
  received: z.number().int(),
  closed: z.number().int(),
  onTime: z.number().int(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  onTimeRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  avgWorkingDays: z.number().nullable(),
  parts: z.number().int(),
  partsOnTime: z.number().int(),
});
export type UnitStats = z.infer<typeof unitStatsSchema>;
export const statsResponse = z.object({ from: z.string(), to: z.string(), items: z.array(unitStatsSchema) });

/** A firm's account, made by the office or the firm's township: only the enterprise role, a one-time password. */
export const createAccountBody = z.strictObject({
  enterpriseId: z.number().int().positive(),
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,40}$/, { error: 'err.username' }),
  displayName: required(60),
  phone: z
    .string()
    .regex(/^[0-9+\- ]{5,20}$/)
    .nullable()
    .default(null),
});
export const accountSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  active: z.boolean(),
  enterprise: z.object({ id: z.number().int(), name: z.string() }),
  lastLoginAt: z.string().nullable(),
});
export const accountListQuery = z.strictObject({ ...listQuery, q: text(100).optional() });
export const accountPage = pageOf(accountSchema);
export const createdAccount = accountSchema.extend({ temporaryPassword: z.string() });

// The commitments ledger (政策兑现与欠款台账).
export { AGE_BUCKETS };
export const COMMITMENT_KINDS = ['policy', 'arrears'] as const;
/** Money in fen: a positive whole number, at most 10^14 fen. */
const fen = z.number().int('err.report.not_an_integer').min(1).max(100_000_000_000_000);
export const createCommitmentBody = z.strictObject({
  enterpriseId: z.number().int().positive(),
  kind: z.enum(COMMITMENT_KINDS),
  title: required(200),
  basis: required(1000),
  responsibleUnitId: z.number().int().positive(),
  amountDueFen: fen,
  dueDate: z.iso.date(),
});
export const paymentBody = z.strictObject({ paidDate: z.iso.date(), amountFen: fen, note: text(500).default('') });
export const commitmentSchema = z.object({
  id: z.number().int(),
  enterprise: z.object({ id: z.number().int(), name: z.string() }),
  townshipUnit: unitBrief,
  kind: z.enum(COMMITMENT_KINDS),
  title: z.string(),
  basis: z.string(),
  responsibleUnit: unitBrief,
  amountDueFen: z.number().int(),
  paidFen: z.number().int(),
  outstandingFen: z.number().int(),
  dueDate: z.string(),
  settledDate: z.string().nullable(),
  daysPastDue: z.number().int(),
  age: z.enum(AGE_BUCKETS).nullable(),
  taskId: z.number().int().nullable(),
  payments: z.array(z.object({ id: z.number().int(), paidDate: z.string(), amountFen: z.number().int(), note: z.string() })),
  /** Whether the caller may record a payment now (the responsible unit or the office, while something is owed). */
  canPay: z.boolean(),
});
export type Commitment = z.infer<typeof commitmentSchema>;
export const COMMITMENT_SORTS = ['id', 'dueDate', 'amountDueFen'] as const;
export const commitmentListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(COMMITMENT_SORTS).optional(),
  q: text(100).optional(),
  kind: z.enum(COMMITMENT_KINDS).optional(),
  responsibleUnitId: strictId.optional(),
  enterpriseId: strictId.optional(),
  age: z.enum(AGE_BUCKETS).optional(),
  settled: queryBoolean.optional(),
});
export type CommitmentListQuery = z.infer<typeof commitmentListQuery>;
export const commitmentPage = pageOf(commitmentSchema);
export const commitmentIdParams = z.strictObject({ id: strictId });
/** Outstanding amounts by responsible unit and age (unsettled items only). */
export const commitmentSummary = z.object({
  items: z.array(
    z.object({
      unit: unitBrief,
      count: z.number().int(),
      outstandingFen: z.number().int(),
      byAge: z.record(z.enum(AGE_BUCKETS), z.number().int()),
    }),
  ),
});
