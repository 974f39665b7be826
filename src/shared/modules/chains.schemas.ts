import { z } from 'zod';
import { industryByCode } from '../industry-codes';
import { listQuery, pageOf, queryBoolean } from '../list';
import { patchOf } from '../patch';
import type { PermissionSet } from '../permissions';
import { COUNTING_STAGES, LEAD_STAGES } from '../rules/chains-attraction';

/**
 * Permissions of chains (产业链) and investment attraction (招商引资): read the chains of one's scope (a team its own),
 * widen that read to every chain (`chain:directory`: the office, leaders, townships, departments), manage chains, read
 * and work the leads of one's scope.
 */
export const CHAIN_PERMISSIONS = ['chain:read', 'chain:directory', 'chain:manage', 'lead:read', 'lead:write'] as const;
declare module '../permissions' {
  interface ModulePermissions extends PermissionSet<typeof CHAIN_PERMISSIONS> {}
}

export { LEAD_STAGES, COUNTING_STAGES };
/** 上游 / 中游 / 下游. */
export const SEGMENT_TIERS = ['upstream', 'midstream', 'downstream'] as const;
/** A segment with firms, one marked weak (短板), or one with no firm at all (缺失). */
export const SEGMENT_STATES = ['ok', 'weak', 'missing'] as const;
/** A link to another chain of the county, to a chain outside it, or part of a circular-economy loop (焦—钢—气—石墨). */
export const LINK_KINDS = ['inside', 'outside', 'circular'] as const;
/** Where a lead came from. */
export const LEAD_SOURCES = ['visit', 'referral', 'agency', 'expo', 'enterprise', 'online', 'other'] as const;

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
/** Money in fen: a non-negative whole number, at most 10^14 fen (1万亿元). */
const fen = z.number().int('err.report.not_an_integer').min(0).max(100_000_000_000_000);
const unitBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });
const userBrief = z.object({ id: z.number().int(), displayName: z.string() });
const chainBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });

// ---- chains ----

const chainFields = {
  code: text(40).min(1, 'err.required'),
  nameZh: text(60).min(1, 'err.required'),
  nameEn: text(120).min(1, 'err.required'),
  teamUnitId: z.number().int().positive(),
  groupUnitId: z.number().int().positive().nullable(),
  leaderUserId: z.number().int().positive().nullable(),
  description: text(2000),
};
export const createChainBody = z.strictObject({
  ...chainFields,
  groupUnitId: chainFields.groupUnitId.default(null),
  leaderUserId: chainFields.leaderUserId.default(null),
  description: chainFields.description.default(''),
});
export type CreateChainBody = z.infer<typeof createChainBody>;
/** A PATCH changes exactly the fields it names. */
export const updateChainBody = patchOf(chainFields);
export type UpdateChainBody = z.infer<typeof updateChainBody>;

export const chainListItem = z.object({
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  teamUnit: unitBrief,
  groupUnit: unitBrief.nullable(),
  leader: userBrief.nullable(),
  firmCount: z.number().int(),
  segmentCount: z.number().int(),
  /** Segments marked weak or without a firm (短板). */
  weakCount: z.number().int(),
  memberCount: z.number().int(),
});
export type ChainListItem = z.infer<typeof chainListItem>;

export const CHAIN_SORTS = ['code', 'nameZh', 'firmCount', 'weakCount'] as const;
const chainFilters = {
  groupUnitId: id.optional(),
  leaderUserId: id.optional(),
  /** Only chains with a weak or missing segment. */
  weak: queryBoolean.optional(),
  q: z.string().trim().max(60).optional(),
};
export const chainListQuery = z.strictObject({ ...listQuery, sort: z.enum(CHAIN_SORTS).optional(), ...chainFilters });
export type ChainListQuery = z.infer<typeof chainListQuery>;
export const chainPage = pageOf(chainListItem);

export const segmentBody = z.strictObject({
  tier: z.enum(SEGMENT_TIERS),
  name: text(60).min(1, 'err.required'),
  keyProducts: text(500).default(''),
  weak: z.boolean().default(false),
  weakNote: text(500).default(''),
  enterpriseIds: z.array(z.number().int().positive()).max(500).default([]),
});
export type SegmentBody = z.infer<typeof segmentBody>;

export const segmentSchema = z.object({
  id: z.number().int(),
  tier: z.enum(SEGMENT_TIERS),
  name: z.string(),
  keyProducts: z.string(),
  weak: z.boolean(),
  weakNote: z.string(),
  state: z.enum(SEGMENT_STATES),
  firms: z.array(z.object({ id: z.number().int(), name: z.string(), aboveScale: z.boolean() })),
});
export type Segment = z.infer<typeof segmentSchema>;

export const memberBody = z.strictObject({
  members: z
    .array(
      z.strictObject({
        unitId: z.number().int().positive(),
        name: text(40).min(1, 'err.required'),
        position: text(60).default(''),
        /** 链长, 专班长, 成员 or 联络员. */
        role: z.enum(['leader', 'head', 'member', 'liaison']).default('member'),
      }),
    )
    .max(100),
});
export const memberSchema = z.object({ id: z.number().int(), unit: unitBrief, name: z.string(), position: z.string(), role: z.string() });

export const linkBody = z.strictObject({
  kind: z.enum(LINK_KINDS),
  toChainId: z.number().int().positive().nullable().default(null),
  outsideName: text(100).default(''),
  note: text(500).default(''),
});
export const linkSchema = z.object({
  id: z.number().int(),
  kind: z.enum(LINK_KINDS),
  from: chainBrief,
  to: chainBrief.nullable(),
  outsideName: z.string(),
  note: z.string(),
});
export type ChainLink = z.infer<typeof linkSchema>;

export const chainProjectSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  stage: z.string(),
  totalInvestmentFen: z.number(),
  colour: z.string(),
});

export const leadBrief = z.object({
  id: z.number().int(),
  name: z.string(),
  investor: z.string(),
  stage: z.enum(LEAD_STAGES),
  plannedInvestmentFen: z.number(),
  stalled: z.boolean(),
});

export const chainSchema = chainListItem.extend({
  description: z.string(),
  members: z.array(memberSchema),
  segments: z.array(segmentSchema),
  links: z.array(linkSchema),
  /** The chain's projects in the project library the caller may see. */
  projects: z.array(chainProjectSchema),
  /** The chain's leads the caller may see. */
  leads: z.array(leadBrief),
  can: z.object({ manage: z.boolean(), addLead: z.boolean() }),
});
export type Chain = z.infer<typeof chainSchema>;

/** Every chain in scope and every link between them and to outside chains, for the graph. */
export const chainGraph = z.object({
  chains: z.array(chainBrief.extend({ groupUnitId: z.number().int().nullable(), firmCount: z.number().int(), weakCount: z.number().int() })),
  links: z.array(linkSchema),
});
export type ChainGraph = z.infer<typeof chainGraph>;

export const chainIdParams = z.strictObject({ id });
export const segmentParams = z.strictObject({ id, segmentId: id });
export const linkParams = z.strictObject({ id, linkId: id });
export const chainOptions = z.object({
  chains: z.array(chainBrief.extend({ teamUnitId: z.number().int() })),
  teams: z.array(unitBrief),
  groups: z.array(unitBrief),
  townships: z.array(unitBrief),
  /** Every active unit, for a project's responsible unit and the team members' units. */
  units: z.array(unitBrief.extend({ kind: z.string() })),
  leaders: z.array(userBrief),
});
export type ChainOptions = z.infer<typeof chainOptions>;

// ---- leads ----

const industryCode = z
  .string()
  .trim()
  .max(10)
  .refine((c) => c === '' || industryByCode.has(c), 'err.lead.industry');

const leadFields = {
  name: text(200).min(1, 'err.required'),
  investor: text(200).min(1, 'err.required'),
  source: z.enum(LEAD_SOURCES),
  industryCode,
  chainId: z.number().int().positive(),
  /** The responsible team (专班); the chain's own team when not named. */
  teamUnitId: z.number().int().positive(),
  townshipUnitId: z.number().int().positive().nullable(),
  plannedInvestmentFen: fen,
  contact: text(100),
  note: text(2000),
};
export const createLeadBody = z.strictObject({
  ...leadFields,
  source: leadFields.source.default('visit'),
  industryCode: leadFields.industryCode.default(''),
  teamUnitId: leadFields.teamUnitId.optional(),
  townshipUnitId: leadFields.townshipUnitId.default(null),
  contact: leadFields.contact.default(''),
  note: leadFields.note.default(''),
  nextStep: text(200).default(''),
  nextStepDate: z.iso.date().nullable().default(null),
});
export type CreateLeadBody = z.infer<typeof createLeadBody>;
/** A PATCH changes exactly the fields it names; the stage moves only through its own action. */
export const updateLeadBody = patchOf(leadFields);
export type UpdateLeadBody = z.infer<typeof updateLeadBody>;

export const stageBody = z.strictObject({
  stage: z.enum(LEAD_STAGES),
  /** The day the stage was reached; today when not given. */
  date: z.iso.date().optional(),
  /** The contract amount, when signing; the planned amount when not given. */
  contractInvestmentFen: fen.optional(),
  note: text(1000).default(''),
});
export const nextStepBody = z.strictObject({ nextStep: text(200).min(1, 'err.required'), nextStepDate: z.iso.date() });

/** The fields a signed lead's project needs beside those carried over (name, investment, chain, team, leader). */
export const convertLeadBody = z.strictObject({
  code: text(40).min(1, 'err.required'),
  library: z.enum(['three_transformations', 'strong_county']).default('strong_county'),
  townshipUnitId: z.number().int().positive(),
  responsibleUnitId: z.number().int().positive(),
  annualPlanFen: fen.default(0),
  plannedStart: z.iso.date(),
  plannedCompletion: z.iso.date(),
  plannedProduction: z.iso.date(),
});
export type ConvertLeadBody = z.infer<typeof convertLeadBody>;

export const leadListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  investor: z.string(),
  source: z.enum(LEAD_SOURCES),
  industryCode: z.string(),
  chain: chainBrief,
  teamUnit: unitBrief,
  townshipUnit: unitBrief.nullable(),
  plannedInvestmentFen: z.number(),
  contractInvestmentFen: z.number().nullable(),
  stage: z.enum(LEAD_STAGES),
  signedDate: z.string().nullable(),
  nextStep: z.string(),
  nextStepDate: z.string().nullable(),
  projectId: z.number().int().nullable(),
  updatedAt: z.string(),
  /** No update for the stalled-days setting. */
  stalled: z.boolean(),
});
export type LeadListItem = z.infer<typeof leadListItem>;

export const leadEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  date: z.string(),
  user: userBrief.nullable(),
  kind: z.string(),
  fromStage: z.enum(LEAD_STAGES).nullable(),
  toStage: z.enum(LEAD_STAGES).nullable(),
  note: z.string(),
});

export const leadSchema = leadListItem.extend({
  contact: z.string(),
  note: z.string(),
  startedDate: z.string().nullable(),
  producingDate: z.string().nullable(),
  createdAt: z.string(),
  task: z.object({ id: z.number().int(), status: z.string(), dueDate: z.string() }).nullable(),
  history: z.array(leadEventSchema),
  /** Whether it counts toward its team's target, and in which year. */
  countsInYear: z.number().int().nullable(),
  can: z.object({ write: z.boolean(), convert: z.boolean() }),
});
export type Lead = z.infer<typeof leadSchema>;

export const LEAD_SORTS = ['name', 'plannedInvestmentFen', 'stage', 'updatedAt', 'signedDate', 'nextStepDate'] as const;
const leadFilters = {
  chainId: id.optional(),
  teamUnitId: id.optional(),
  stage: z.enum(LEAD_STAGES).optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  stalled: queryBoolean.optional(),
  q: z.string().trim().max(60).optional(),
};
export const leadListQuery = z.strictObject({ ...listQuery, sort: z.enum(LEAD_SORTS).optional(), ...leadFilters });
export type LeadListQuery = z.infer<typeof leadListQuery>;
export type LeadFilter = Omit<LeadListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;
export const leadPage = pageOf(leadListItem);
export const leadIdParams = z.strictObject({ id });

export const attractionSettingsSchema = z.strictObject({
  minAmountFen: fen,
  targetCount: z.number().int().min(0).max(100),
  countingStage: z.enum(COUNTING_STAGES),
  stalledDays: z.number().int().min(1).max(365),
});

export const scoreboardQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const scoreboardResponse = z.object({
  year: z.number().int(),
  settings: attractionSettingsSchema,
  rows: z.array(
    z.object({
      teamUnit: unitBrief,
      chains: z.array(chainBrief),
      counted: z.number().int(),
      target: z.number().int(),
      met: z.boolean(),
      countedFen: z.number(),
      /** Leads not yet signed, and of those the stalled ones. */
      open: z.number().int(),
      stalled: z.number().int(),
    }),
  ),
});
export type Scoreboard = z.infer<typeof scoreboardResponse>;
