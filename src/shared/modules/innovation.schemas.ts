import { z } from 'zod';
import { strictId, strictInt } from '../ids';
import { listQuery, pageOf } from '../list';
import type { PermissionSet } from '../permissions';
import { ALL_STAGES, PIPELINES } from '../rules/innovation-pipelines';

/**
 * Permissions of innovation pipelines (创新培育): read entries in scope (a department the pipelines it is responsible
 * for, a township its firms', a firm its own); manage entries and their stages (科技局 and 工信局 their pipelines, the
 * office all); set the yearly targets and the 零突破 goals (the office).
 */
export const INNOVATION_PERMISSIONS = ['innovation:read', 'innovation:manage', 'innovation:targets'] as const;
declare module '../permissions' {
  interface ModulePermissions extends PermissionSet<typeof INNOVATION_PERMISSIONS> {}
}

export { ALL_STAGES, PIPELINES };
export const INCUBATOR_KINDS = ['incubator', 'maker_space'] as const;
export const CERT_STATUSES = ['valid', 'renewal_due', 'expired'] as const;
export const TARGET_STATUSES = ['achieved', 'in_progress', 'missed'] as const;

const text = (max: number) => z.string().trim().max(max);
const day = z.iso.date();
const unitBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });
const firmBrief = z.object({ id: z.number().int(), name: z.string() });
const year = z.number().int().min(2000).max(2100);

export const stageChangeSchema = z.object({
  id: z.number().int(),
  fromStage: z.enum(ALL_STAGES).nullable(),
  toStage: z.enum(ALL_STAGES),
  changedOn: z.string(),
  certNo: z.string(),
  note: z.string(),
  user: z.string().nullable(),
  at: z.string(),
});
export type StageChange = z.infer<typeof stageChangeSchema>;

export const entrySchema = z.object({
  id: z.number().int(),
  pipeline: z.enum(PIPELINES),
  enterprise: firmBrief.nullable(),
  /** The institution's or incubator's name (a firm's entry in 高新 or 专精特新 carries the firm's name). */
  name: z.string(),
  /** The operator of a standalone incubator (one that belongs to no firm). */
  operator: z.string(),
  kind: z.enum(INCUBATOR_KINDS).nullable(),
  township: unitBrief.nullable(),
  responsibleUnit: unitBrief,
  stage: z.enum(ALL_STAGES),
  stageDate: z.string(),
  certNo: z.string(),
  certDate: z.string().nullable(),
  validTo: z.string().nullable(),
  /** A 高新 certificate's state today: valid, in its 复审 window, or expired. */
  certStatus: z.enum(CERT_STATUSES).nullable(),
  note: z.string(),
  /** Whether the caller may change it. */
  writable: z.boolean(),
});
export type InnovationEntry = z.infer<typeof entrySchema>;
export const entryDetailSchema = entrySchema.extend({ history: z.array(stageChangeSchema) });
export type InnovationEntryDetail = z.infer<typeof entryDetailSchema>;

export const ENTRY_SORTS = ['id', 'name', 'stage', 'stageDate', 'validTo'] as const;
export const entryListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(ENTRY_SORTS).optional(),
  pipeline: z.enum(PIPELINES).optional(),
  stage: z.enum(ALL_STAGES).optional(),
  townshipUnitId: strictId.optional(),
  enterpriseId: strictId.optional(),
  /** Entries whose current stage dates from this year. */
  year: strictInt(2000, 2100).optional(),
  certStatus: z.enum(CERT_STATUSES).optional(),
  q: text(100).optional(),
});
export type EntryListQuery = z.infer<typeof entryListQuery>;
export const entryPage = pageOf(entrySchema);

/**
 * A new entry: a firm (高新 and 专精特新 always; an R&D institution or an incubator of a firm), or a standalone
 * incubator with its operator and township. Filed at a stage on a day; a 高新 entry filed at 认定 or 复审 carries its
 * certificate number and issue date.
 */
export const createEntryBody = z.strictObject({
  pipeline: z.enum(PIPELINES),
  enterpriseId: z.number().int().positive().nullable().default(null),
  name: text(100).default(''),
  operator: text(100).default(''),
  kind: z.enum(INCUBATOR_KINDS).nullable().default(null),
  townshipUnitId: z.number().int().positive().nullable().default(null),
  stage: z.enum(ALL_STAGES),
  stageDate: day,
  certNo: text(40).default(''),
  certDate: day.nullable().default(null),
  note: text(500).default(''),
});
export type CreateEntryBody = z.infer<typeof createEntryBody>;

/** A stage change (promotion, demotion, 复审) on a day, with a note; 认定 and 复审 carry the new certificate. */
export const stageBody = z.strictObject({
  stage: z.enum(ALL_STAGES),
  changedOn: day,
  certNo: text(40).default(''),
  certDate: day.nullable().default(null),
  note: text(500).default(''),
});
export type StageBody = z.infer<typeof stageBody>;

export const targetSchema = z.object({
  pipeline: z.enum(PIPELINES),
  stage: z.enum(ALL_STAGES),
  target: z.number().int(),
  achieved: z.number().int(),
  remaining: z.number().int(),
  status: z.enum(TARGET_STATUSES),
});
export const breakthroughSchema = z.object({
  pipeline: z.enum(PIPELINES),
  stage: z.enum(ALL_STAGES),
  startYear: z.number().int(),
  years: z.number().int(),
  from: z.string(),
  to: z.string(),
  achievedOn: z.string().nullable(),
  entry: firmBrief.nullable(),
  status: z.enum(TARGET_STATUSES),
});
export const targetsResponse = z.object({ year: z.number().int(), targets: z.array(targetSchema), breakthroughs: z.array(breakthroughSchema) });
export type InnovationTargets = z.infer<typeof targetsResponse>;
export const targetsQuery = z.strictObject({ year: strictInt(2000, 2100).optional() });
export const yearParams = z.strictObject({ year: strictInt(2000, 2100) });
export const saveTargetsBody = z.strictObject({
  items: z.array(z.strictObject({ pipeline: z.enum(PIPELINES), stage: z.enum(ALL_STAGES), target: z.number().int().min(0).max(10_000) })).max(40),
});
export const saveBreakthroughsBody = z.strictObject({
  items: z.array(z.strictObject({ pipeline: z.enum(PIPELINES), stage: z.enum(ALL_STAGES), startYear: year, years: z.number().int().min(1).max(10) })).max(10),
});

export const innovationFirmsQuery = z.strictObject({ q: text(100).optional() });
export const innovationFirmsResponse = z.object({ items: z.array(firmBrief.extend({ township: unitBrief })) });
