import { z } from 'zod';
import { strictId } from '../ids';
import { listQuery, pageOf } from '../list';
import type { PermissionSet } from '../permissions';
import { MONITORING_FLAGS, MONITORING_SOURCES } from '../rules/monitoring-flags';

/**
 * Permissions of enterprise operation monitoring (企业运行监测): read the figures and flags of the firms in scope
 * (a township its firms, a service team the firms it serves); import the three sources' monthly figures and change
 * the thresholds (the office).
 */
export const MONITORING_PERMISSIONS = ['monitoring:read', 'monitoring:import'] as const;
declare module '../permissions' {
  interface ModulePermissions extends PermissionSet<typeof MONITORING_PERMISSIONS> {}
}

export { MONITORING_FLAGS, MONITORING_SOURCES };

/** `YYYY-MM`, a real month. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'err.monitoring.month');

const unitBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });

/** `/api/monitoring/:source/…`: the three import sources (统计局 output, 供电公司 electricity, 税务 taxes). */
export const sourceParams = z.strictObject({ source: z.enum(MONITORING_SOURCES) });

export const MONITORING_SORTS = ['name', 'outputFen', 'electricityKwh', 'taxesFen', 'township'] as const;
export const flagListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(MONITORING_SORTS).optional(),
  /** The month; the last closed month when left out. */
  month: monthSchema.optional(),
  flag: z.enum(MONITORING_FLAGS).optional(),
  townshipUnitId: strictId.optional(),
  chainUnitId: strictId.optional(),
  q: z.string().trim().max(100).optional(),
});
export type FlagListQuery = z.infer<typeof flagListQuery>;

/** A flagged firm of a month with its figures against the same month last year. */
export const flaggedFirm = z.object({
  /** The firm's id (a list row's key). */
  id: z.number().int(),
  enterprise: z.object({ id: z.number().int(), name: z.string(), uscc: z.string() }),
  townshipUnit: unitBrief,
  serviceTeamUnit: unitBrief.nullable(),
  month: z.string(),
  flags: z.array(z.enum(MONITORING_FLAGS)),
  outputFen: z.number().nullable(),
  outputLastYearFen: z.number().nullable(),
  outputYoY: z.number().nullable(),
  electricityKwh: z.number().nullable(),
  electricityLastYearKwh: z.number().nullable(),
  electricityYoY: z.number().nullable(),
  taxesFen: z.number().nullable(),
  taxesLastYearFen: z.number().nullable(),
  taskId: z.number().int().nullable(),
});
export type FlaggedFirm = z.infer<typeof flaggedFirm>;
export const flagPage = pageOf(flaggedFirm).extend({
  month: z.string(),
  /** Flagged firms of the month in scope, by flag (a firm with two flags counts under each). */
  counts: z.object({ decline: z.number().int(), stopped: z.number().int(), half_stopped: z.number().int() }),
});

export const firmParams = z.strictObject({ id: strictId });
/** A firm's monitoring page: 24 months up to the last closed month, and the flags of those months. */
export const firmMonitoring = z.object({
  enterprise: z.object({ id: z.number().int(), name: z.string(), uscc: z.string() }),
  townshipUnit: unitBrief,
  serviceTeamUnit: unitBrief.nullable(),
  lastMonth: z.string(),
  months: z.array(
    z.object({
      month: z.string(),
      outputFen: z.number().nullable(),
      electricityKwh: z.number().nullable(),
      taxesFen: z.number().nullable(),
      flags: z.array(z.enum(MONITORING_FLAGS)),
    }),
  ),
});
export type FirmMonitoring = z.infer<typeof firmMonitoring>;

const pct = z.number().min(0).max(100).multipleOf(0.01);
/** The thresholds (setting `monitoring.thresholds`), office-editable. */
export const thresholdsSchema = z.strictObject({
  declinePct: pct.min(0.01),
  stoppedPct: pct,
  stoppedKwh: z.number().int().min(0).max(100_000_000),
  halfPct: pct.min(0.01),
});
