import { z } from 'zod';
import { strictId, strictInt } from '../ids';
import { listQuery, pageOf, queryBoolean } from '../list';
import { patchOf } from '../patch';
import type { PermissionSet } from '../permissions';
import { AGE_BUCKETS } from '../rules/services-ageing';
import { contactInput, industryCode, uscc } from './enterprises.schemas';
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

export const REQUEST_ACTIONS = ['note', 'transfer', 'reply', 'rate', 'comment', 'lift', 'schedule', 'decide'] as const;
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

export const EVENT_KINDS = [
  'submitted',
  'received',
  'note',
  'transfer',
  'part_reply',
  'reply',
  'comment',
  'rating',
  'reopen',
  'lift',
  'meeting',
  'decision',
] as const;
export const eventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.enum(EVENT_KINDS),
  user: z.string().nullable(),
  unit: unitBrief.nullable(),
  text: z.string(),
});

export const LIFT_STATUSES = ['requested', 'scheduled', 'decided'] as const;
export const liftSchema = z.object({
  status: z.enum(LIFT_STATUSES),
  reason: z.string(),
  unit: unitBrief,
  meeting: z.object({ id: z.number().int(), title: z.string(), meetingDate: z.string(), status: z.string() }).nullable(),
  decision: z.object({ seq: z.number().int(), text: z.string(), ownerUnit: unitBrief, dueDate: z.string(), taskId: z.number().int().nullable() }).nullable(),
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
  /** Lifted to a 调度会 for a policy decision: who asked and why, the meeting, and its decision (the follow-up). */
  lift: liftSchema.nullable(),
  /** Whether the caller may add files to the request (the firm, the owner unit, a unit handling a part). */
  canAddFiles: z.boolean(),
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

// Files on requests and commitments: the attachment owner types this module registers.
export const REQUEST_FILES = 'service_request';
export const COMMITMENT_FILES = 'service_commitment';

// Self-registration of a firm's account, confirmed by its township.
/** A mainland mobile number: 11 digits starting 13–19. */
export const mobilePhone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, 'err.service.mobile');
export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'refused'] as const;
export const registerBody = z.strictObject({
  firmName: text(100).min(2, 'err.required'),
  uscc,
  townshipUnitId: z.number().int().positive(),
  contactName: required(40),
  contactPhone: mobilePhone,
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,40}$/, { error: 'err.username' }),
  password: z.string().min(1, 'err.required').max(200),
});
export const registeredResponse = z.object({ id: z.number().int(), status: z.literal('pending'), linked: z.boolean() });
export const registrationTownships = z.object({ items: z.array(unitBrief) });
export const registrationSchema = z.object({
  id: z.number().int(),
  firmName: z.string(),
  uscc: z.string(),
  township: unitBrief,
  contactName: z.string(),
  contactPhone: z.string(),
  username: z.string(),
  /** The 一企一档 firm of the same credit code, when there is one; otherwise confirming files a new firm. */
  enterprise: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  status: z.enum(REGISTRATION_STATUSES),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  userId: z.number().int().nullable(),
});
export type Registration = z.infer<typeof registrationSchema>;
export const registrationListQuery = z.strictObject({ ...listQuery, status: z.enum(REGISTRATION_STATUSES).optional(), q: text(100).optional() });
export const registrationPage = pageOf(registrationSchema);
export const registrationIdParams = z.strictObject({ id: strictId });
/** Confirming a registration of a firm not yet in 一企一档 files it: its industry (GB/T 4754) and address come from the township. */
export const confirmRegistrationBody = z.strictObject({ industryCode: industryCode.optional(), address: text(200).default('') });
export const reasonBody = z.strictObject({ reason: required(1000) });

// Corrections of a firm's own 一企一档 profile, proposed from the portal and decided by its township.
/** The profile fields a firm may propose to correct. */
export const CORRECTABLE_FIELDS = ['address', 'employees', 'contacts', 'rdInstitutions'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
export const correctionChanges = z
  .strictObject({
    address: text(200).min(1, 'err.required').optional(),
    employees: z.number().int().min(0).max(1_000_000).optional(),
    contacts: z.array(contactInput).min(1).max(10).optional(),
    rdInstitutions: text(500).optional(),
  })
  .refine((c) => Object.keys(c).length > 0, { message: 'err.service.correction_empty' });
export const proposeCorrectionBody = z.strictObject({ changes: correctionChanges, note: text(1000).default('') });
export const CORRECTION_STATUSES = ['pending', 'accepted', 'refused'] as const;
export const correctionSchema = z.object({
  id: z.number().int(),
  enterprise: z.object({ id: z.number().int(), name: z.string() }),
  township: unitBrief,
  changes: z.record(z.string(), z.unknown()),
  /** The profile's values of the same fields when proposed (contacts' phone and ID numbers as the caller may see them). */
  before: z.record(z.string(), z.unknown()),
  note: z.string(),
  status: z.enum(CORRECTION_STATUSES),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** Whether the caller may accept or refuse it now (the firm's township or the office, while pending). */
  canDecide: z.boolean(),
});
export type Correction = z.infer<typeof correctionSchema>;
export const correctionListQuery = z.strictObject({ ...listQuery, status: z.enum(CORRECTION_STATUSES).optional() });
export const correctionPage = pageOf(correctionSchema);
export const correctionIdParams = z.strictObject({ id: strictId });

// Lifting a request to a 调度会 for a policy decision.
export const liftBody = z.strictObject({ reason: required(1000) });
export const scheduleLiftBody = z.strictObject({ meetingId: z.number().int().positive() });
export const liftDecisionBody = z.strictObject({
  text: required(1000),
  ownerUnitId: z.number().int().positive(),
  dueDate: z.iso.date(),
});
export const dispatchMeetingsResponse = z.object({
  items: z.array(z.object({ id: z.number().int(), title: z.string(), meetingDate: z.string(), status: z.string() })),
});
