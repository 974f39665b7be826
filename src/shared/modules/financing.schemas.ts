import { z } from 'zod';
import { strictId } from '../ids';
import { listQuery, pageOf } from '../list';
import { patchOf } from '../patch';
import type { PermissionSet } from '../permissions';

/**
 * Permissions of financing (融资对接): read needs, products, meetings and statistics in scope; submit needs as a firm;
 * handle needs as a township or service officer (record on a firm's behalf, close one that failed); manage the
 * matchmaking meetings' lists (the office); act as a bank (its products and its outcomes).
 */
export const FINANCING_PERMISSIONS = ['financing:read', 'financing:submit', 'financing:handle', 'financing:manage', 'financing:bank'] as const;
declare module '../permissions' {
  interface ModulePermissions extends PermissionSet<typeof FINANCING_PERMISSIONS> {}
}

/** 流动资金贷款, 固定资产贷款, 科技贷, 税易贷, 应收账款质押, 其他. */
export const PRODUCT_TYPES = ['working_capital', 'fixed_asset', 'tech', 'tax', 'receivables', 'other'] as const;
/** 待对接 → 对接中 → 已授信 → 已放款, or 未成功. */
export const NEED_STATUSES = ['pending', 'matching', 'credited', 'loaned', 'failed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
/** 一般, 较急, 紧急: the 督办 task is due in 30, 20 or 10 working days. */
export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export const URGENCY_DAYS: Record<(typeof URGENCIES)[number], number> = { normal: 30, urgent: 20, critical: 10 };
/** 有意向, 已授信, 已放款, 未通过. */
export const MATCH_OUTCOMES = ['intention', 'credit', 'loan', 'declined'] as const;
export type MatchOutcome = (typeof MATCH_OUTCOMES)[number];
/** Why a bank declined: 抵押担保不足, 信用记录, 财务状况, 行业政策, 企业需求变化, 其他. */
export const DECLINE_REASONS = ['collateral', 'credit_record', 'financials', 'industry_policy', 'demand_changed', 'other'] as const;
export const STATS_DIMENSIONS = ['meeting', 'bank', 'township', 'chain'] as const;

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1, 'err.required');
/** Money in fen: a positive whole number, at most 10^14 fen. */
const fen = z.number().int('err.financing.not_an_integer').min(1).max(100_000_000_000_000);
/** An interest rate in hundredths of a percent (435 is 4.35 %), at most 36 %. */
const rate = z.number().int('err.financing.not_an_integer').min(1).max(3600);
const months = z.number().int().min(1).max(360);
const unitBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });
export type UnitBrief = z.infer<typeof unitBrief>;

export const banksResponse = z.object({ items: z.array(unitBrief) });

// Products (金融产品), maintained by their bank.
const productFields = {
  name: required(100),
  type: z.enum(PRODUCT_TYPES),
  minAmountFen: fen,
  maxAmountFen: fen,
  termMonths: months,
  rateMinBp: rate,
  rateMaxBp: rate,
  conditions: text(2000).default(''),
  contact: required(100),
  active: z.boolean(),
};
export const createProductBody = z.strictObject({ ...productFields, active: productFields.active.default(true) });
export const updateProductBody = patchOf(productFields);
export const productSchema = z.object({
  id: z.number().int(),
  bank: unitBrief,
  name: z.string(),
  type: z.enum(PRODUCT_TYPES),
  minAmountFen: z.number().int(),
  maxAmountFen: z.number().int(),
  termMonths: z.number().int(),
  rateMinBp: z.number().int(),
  rateMaxBp: z.number().int(),
  conditions: z.string(),
  contact: z.string(),
  active: z.boolean(),
  /** Whether the caller's bank may edit it. */
  canEdit: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;
export const PRODUCT_SORTS = ['id', 'name', 'maxAmountFen', 'rateMinBp'] as const;
export const productListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(PRODUCT_SORTS).optional(),
  q: text(100).optional(),
  type: z.enum(PRODUCT_TYPES).optional(),
  bankUnitId: strictId.optional(),
});
export type ProductListQuery = z.infer<typeof productListQuery>;
export const productPage = pageOf(productSchema);

// Needs (融资需求).
export const createNeedBody = z.strictObject({
  /** Staff name the firm; a firm records its own and may leave it out. */
  enterpriseId: z.number().int().positive().optional(),
  amountFen: fen,
  termMonths: months,
  purpose: required(1000),
  collateral: text(1000).default(''),
  urgency: z.enum(URGENCIES).default('normal'),
  contact: required(100),
  /** All banks may see it, or only `bankUnitIds`. */
  shareWithAll: z.boolean(),
  bankUnitIds: z.array(z.number().int().positive()).max(50).default([]),
  /** The firm agrees that the chosen banks see its need (recorded with who and when). */
  consent: z.literal(true, { error: 'err.financing.consent_required' }),
});
/** The firm or its responsible unit corrects a need before any bank has approved credit: its particulars only. */
export const updateNeedBody = patchOf({
  amountFen: fen,
  termMonths: months,
  purpose: required(1000),
  collateral: text(1000),
  urgency: z.enum(URGENCIES),
  contact: required(100),
});
/**
 * The firm or its responsible unit changes the banks a need is shared with (all, or the chosen ones); the firm's consent
 * is recorded again. A bank that has already answered the need cannot be taken off (409).
 */
export const needBanksBody = z.strictObject({
  shareWithAll: z.boolean(),
  bankUnitIds: z.array(z.number().int().positive()).max(50).default([]),
  consent: z.literal(true, { error: 'err.financing.consent_required' }),
});
export const closeNeedBody = z.strictObject({ reason: required(1000) });
export const outcomeBody = z.strictObject({
  outcome: z.enum(MATCH_OUTCOMES),
  /** The 政银企对接会 it was settled at, if any (one of the need's meetings). */
  meetingId: z.number().int().positive().nullable().default(null),
  productId: z.number().int().positive().nullable().default(null),
  /** Credit approved or loan granted, in fen. */
  amountFen: fen.nullable().default(null),
  rateBp: rate.nullable().default(null),
  loanDate: z.iso.date().nullable().default(null),
  declineReason: z.enum(DECLINE_REASONS).nullable().default(null),
  note: text(1000).default(''),
});

export const matchSchema = z.object({
  id: z.number().int(),
  need: z.object({ id: z.number().int(), enterprise: z.object({ id: z.number().int(), name: z.string() }), amountFen: z.number().int() }),
  bank: unitBrief,
  meeting: z.object({ id: z.number().int(), title: z.string(), meetingDate: z.string() }).nullable(),
  product: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  outcome: z.enum(MATCH_OUTCOMES),
  amountFen: z.number().int().nullable(),
  rateBp: z.number().int().nullable(),
  loanDate: z.string().nullable(),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  note: z.string(),
  workingDays: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type Match = z.infer<typeof matchSchema>;

export const needListItem = z.object({
  id: z.number().int(),
  enterprise: z.object({ id: z.number().int(), name: z.string() }),
  townshipUnit: unitBrief,
  ownerUnit: unitBrief,
  amountFen: z.number().int(),
  termMonths: z.number().int(),
  purpose: z.string(),
  urgency: z.enum(URGENCIES),
  shareWithAll: z.boolean(),
  status: z.enum(NEED_STATUSES),
  grantedFen: z.number().int(),
  receivedDate: z.string(),
  loanDate: z.string().nullable(),
  workingDays: z.number().int().nullable(),
});
export type NeedListItem = z.infer<typeof needListItem>;
export const NEED_ACTIONS = ['edit', 'banks', 'close', 'outcome'] as const;
export const needSchema = needListItem.extend({
  collateral: z.string(),
  contact: z.string(),
  failReason: z.string().nullable(),
  consentAt: z.string(),
  consentBy: z.string().nullable(),
  /** The banks it is shared with (staff and the firm see them; a bank does not). */
  banks: z.array(unitBrief),
  taskId: z.number().int().nullable(),
  meetings: z.array(z.object({ id: z.number().int(), title: z.string(), meetingDate: z.string(), status: z.string() })),
  /** The matches the caller may see: a bank its own. */
  matches: z.array(matchSchema),
  actions: z.array(z.enum(NEED_ACTIONS)),
});
export type Need = z.infer<typeof needSchema>;
export const NEED_SORTS = ['id', 'receivedDate', 'amountFen', 'status'] as const;
export const needListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(NEED_SORTS).optional(),
  q: text(100).optional(),
  status: z.enum(NEED_STATUSES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  townshipUnitId: strictId.optional(),
  enterpriseId: strictId.optional(),
  meetingId: strictId.optional(),
  /** Only needs not yet placed or closed (what a meeting can still take). */
  open: z.enum(['true', 'false']).optional(),
});
export type NeedListQuery = z.infer<typeof needListQuery>;
export const needPage = pageOf(needListItem);

export const MATCH_SORTS = ['id', 'updatedAt', 'amountFen'] as const;
export const matchListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(MATCH_SORTS).optional(),
  outcome: z.enum(MATCH_OUTCOMES).optional(),
  bankUnitId: strictId.optional(),
  meetingId: strictId.optional(),
  needId: strictId.optional(),
});
export type MatchListQuery = z.infer<typeof matchListQuery>;
export const matchPage = pageOf(matchSchema);

// Matchmaking meetings (政银企对接会), from the meetings module.
export const financingMeetingListItem = z.object({
  id: z.number().int(),
  title: z.string(),
  meetingDate: z.string(),
  location: z.string(),
  status: z.string(),
  needs: z.number().int(),
  banks: z.number().int(),
  loans: z.number().int(),
});
export const financingMeetingsResponse = z.object({ items: z.array(financingMeetingListItem) });
export const financingMeetingSchema = financingMeetingListItem.extend({
  needList: z.array(needListItem),
  bankList: z.array(unitBrief),
  firms: z.array(z.object({ id: z.number().int(), name: z.string() })),
  matches: z.array(matchSchema),
});
export type FinancingMeeting = z.infer<typeof financingMeetingSchema>;
export const meetingNeedsBody = z.strictObject({ needIds: z.array(z.number().int().positive()).min(1).max(500) });
export const meetingBanksBody = z.strictObject({ bankUnitIds: z.array(z.number().int().positive()).max(50) });
export const carryOverResponse = z.object({ added: z.number().int() });

// Statistics.
export const financingStatsQuery = z.strictObject({
  by: z.enum(STATS_DIMENSIONS),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const statsRow = z.object({
  key: unitBrief,
  received: z.number().int(),
  placed: z.number().int(),
  requestedFen: z.number().int(),
  grantedFen: z.number().int(),
  avgWorkingDays: z.number().nullable(),
  declined: z.number().int(),
});
export type StatsRow = z.infer<typeof statsRow>;
export const financingStatsResponse = z.object({
  items: z.array(statsRow),
  declineReasons: z.array(z.object({ reason: z.enum(DECLINE_REASONS), count: z.number().int() })),
});
export type FinancingStats = z.infer<typeof financingStatsResponse>;

/** The cockpit's financing panel: one year's figures, within the caller's scope. */
export const financingPanelQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const financingPanelSchema = z.object({
  year: z.number().int(),
  received: z.number().int(),
  placed: z.number().int(),
  requestedFen: z.number().int(),
  grantedFen: z.number().int(),
  /** Working days from need to first loan, averaged over the placed needs (one decimal); null before any. */
  avgWorkingDays: z.number().nullable(),
  /** The three most given decline reasons. */
  declineReasons: z.array(z.object({ reason: z.enum(DECLINE_REASONS), count: z.number().int() })),
  /** The coming 政银企对接会 (today or later, not yet held), if any. */
  nextMeeting: z.object({ id: z.number().int(), title: z.string(), meetingDate: z.string() }).nullable(),
});
export type FinancingPanel = z.infer<typeof financingPanelSchema>;

export const idParams = z.strictObject({ id: strictId });
export const meetingNeedParams = z.strictObject({ id: strictId, needId: strictId });
