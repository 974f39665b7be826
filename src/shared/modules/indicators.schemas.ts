import { z } from 'zod';
import { strictId, strictInt } from '../ids';
import { listQuery, pageOf, queryBoolean } from '../list';
import { patchOf } from '../patch';
import { INDICATOR_KINDS, planCurveProblem } from '../rules/indicator-progress';
import type { PermissionSet } from '../permissions';

/** Permissions of indicators: catalogue, annual plan and decomposition, the monthly ledger and its locks. */
export const INDICATOR_PERMISSIONS = ['indicator:read', 'indicator:manage', 'indicator:enter', 'indicator:lock'] as const;
declare module '../permissions' {
  interface ModulePermissions extends PermissionSet<typeof INDICATOR_PERMISSIONS> {}
}

export const indicatorKind = z.enum(INDICATOR_KINDS);
export const indicatorDirection = z.enum(['higher', 'lower']);
export type IndicatorKindValue = z.infer<typeof indicatorKind>;

const text = (max: number) => z.string().trim().max(max);
const number = z.number().finite();

/** Whether an indicator's county row is reported by its data source or is the sum of the units' values. */
export const countyValueMode = z.enum(['reported', 'sum']);
export type CountyValueMode = z.infer<typeof countyValueMode>;
/** Only amounts and counts add up over units; growth rates and ratios do not. */
export const summable = (kind: IndicatorKindValue) => kind === 'cumulative' || kind === 'stock';

/** The fields of an indicator that the office edits. */
export const indicatorFields = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{2,40}$/, 'err.indicator_code'),
  nameZh: text(80).min(1, 'err.required'),
  nameEn: text(120).min(1, 'err.required'),
  /** Unit of measure as officials write it: 亿元, 万元, %, 万千瓦时, 家 … */
  unitZh: text(20).min(1, 'err.required'),
  unitEn: text(40).default(''),
  kind: indicatorKind,
  direction: indicatorDirection.default('higher'),
  sourceUnitId: z.number().int().positive().nullable().default(null),
  definitionZh: text(2000).default(''),
  definitionEn: text(2000).default(''),
  /** Overrides the default yellow band of rules.md for this indicator (pp). */
  yellowBandPp: number.min(0).max(100).nullable().default(null),
  decimals: z.number().int().min(0).max(4).default(2),
  minValue: number.nullable().default(null),
  maxValue: number.nullable().default(null),
  /** A month-on-month jump above this share (%) asks for an explanation before submit. */
  maxJumpPct: number.min(0).nullable().default(null),
  sortOrder: z.number().int().min(0).max(9999).default(100),
  active: z.boolean().default(true),
  /**
   * The county row: `reported` by the data source as its own figure, or the `sum` of the units' values (cumulative and
   * stock indicators only: growth rates and ratios do not add up).
   */
  countyValue: countyValueMode.default('reported'),
});

export const createIndicatorBody = indicatorFields
  .refine((v) => v.minValue === null || v.maxValue === null || v.minValue <= v.maxValue, {
    path: ['maxValue'],
    message: 'err.indicator_bounds',
  })
  .refine((v) => v.countyValue !== 'sum' || summable(v.kind), { path: ['countyValue'], message: 'err.indicator_sum_kind' });
export const updateIndicatorBody = patchOf(indicatorFields.shape);

export const indicatorSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unitZh: z.string(),
  unitEn: z.string(),
  kind: indicatorKind,
  direction: indicatorDirection,
  sourceUnit: z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  definitionZh: z.string(),
  definitionEn: z.string(),
  yellowBandPp: z.number().nullable(),
  decimals: z.number().int(),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  maxJumpPct: z.number().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  countyValue: countyValueMode,
  updatedAt: z.string(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const INDICATOR_SORTS = ['sortOrder', 'code', 'nameZh', 'kind', 'updatedAt'] as const;
export const indicatorListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(INDICATOR_SORTS).optional(),
  q: z.string().trim().max(80).optional(),
  kind: indicatorKind.optional(),
  active: queryBoolean.optional(),
});
export const indicatorPage = pageOf(indicatorSchema);

// ---- the annual plan and its decomposition ----

export const planCurve = z
  .array(number)
  .length(12, 'err.plan_curve.length')
  .superRefine((curve, ctx) => {
    const problem = planCurveProblem(curve);
    if (problem) ctx.addIssue({ code: 'custom', message: `err.plan_curve.${problem}` });
  });

const targetFields = {
  target: number,
  /** Stock indicators: the value at the start of the year. */
  startOfYear: number.nullable().default(null),
  planCurve: planCurve.nullable().default(null),
  responsiblePerson: text(40).default(''),
  leadLeader: text(40).default(''),
  measures: text(2000).default(''),
};

/** One indicator's county target and its decomposition to units, replaced as a whole. */
export const indicatorDecompositionBody = z
  .strictObject({
    county: z.strictObject(targetFields),
    units: z.array(z.strictObject({ unitId: z.number().int().positive(), ...targetFields })).max(500),
    /** Required once the plan is published: why the published plan changes. */
    reason: text(500).optional(),
  })
  .refine((b) => new Set(b.units.map((u) => u.unitId)).size === b.units.length, { path: ['units'], message: 'err.duplicate_unit' });

export const yearParams = z.strictObject({ year: strictInt(2000, 2100) });
export const yearIndicatorParams = yearParams.extend({ indicatorId: strictId });
/** One unit's ledger sheet of a year, as a file. */
export const ledgerSheetParams = yearParams.extend({ unitId: strictId });

export const publishPlanBody = z.strictObject({
  /** Needed when a cumulative or stock indicator's unit targets fall short of the county target. */
  coverageReason: text(500).optional(),
  /** Needed to republish a plan that was already published. */
  reason: text(500).optional(),
});

const targetSchema = z.object({
  target: z.number(),
  startOfYear: z.number().nullable(),
  planCurve: z.array(z.number()).nullable(),
  responsiblePerson: z.string(),
  leadLeader: z.string(),
  measures: z.string(),
});

export const planIndicatorSchema = z.object({
  indicator: indicatorSchema,
  county: targetSchema.nullable(),
  units: z.array(targetSchema.extend({ unit: z.object({ id: z.number().int(), code: z.string(), nameZh: z.string(), nameEn: z.string(), kind: z.string() }) })),
  coverage: z.object({ applies: z.boolean(), sum: z.number(), shortfall: z.number(), ok: z.boolean() }),
});
export type PlanIndicator = z.infer<typeof planIndicatorSchema>;

export const planSchema = z.object({
  year: z.number().int(),
  status: z.enum(['none', 'draft', 'published']),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  coverageReason: z.string().nullable(),
  /** Whether the caller sees every unit's targets, or only their own unit's. */
  complete: z.boolean(),
  indicators: z.array(planIndicatorSchema),
});
export type Plan = z.infer<typeof planSchema>;

export const planVersionSchema = z.object({
  version: z.number().int(),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
});
export const planVersionsResponse = z.object({ items: z.array(planVersionSchema) });

export const planYearsResponse = z.object({
  items: z.array(
    z.object({
      year: z.number().int(),
      status: z.enum(['draft', 'published']),
      version: z.number().int(),
      latestReportedMonth: z.string().nullable(),
      latestLockedMonth: z.string().nullable(),
    }),
  ),
});

// ---- the monthly ledger ----

export const monthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'err.month');

export const ledgerQuery = z.strictObject({
  year: strictInt(2000, 2100),
  /** The unit whose sheet to show; the caller's own unit when absent. */
  unitId: strictId.optional(),
});

const ledgerCell = z.object({
  value: z.number(),
  status: z.enum(['draft', 'submitted']),
  explanation: z.string(),
  updatedAt: z.string(),
  /** The record the value came from (`reports/<id>`: an accepted report); such a value is not edited in the grid. */
  source: z.string().nullable(),
});
export type LedgerCell = z.infer<typeof ledgerCell>;

export const ledgerRowSchema = z.object({
  indicator: indicatorSchema,
  target: z.number(),
  startOfYear: z.number().nullable(),
  planCurve: z.array(z.number()).nullable(),
  /** This year's months, January first; null where nothing is entered. */
  values: z.array(ledgerCell.nullable()),
  /** Last year's months, the baseline for year-on-year growth. */
  lastYear: z.array(z.number().nullable()),
  /** The county row of an indicator summed from the units: computed, never entered. */
  countyIsSum: z.boolean(),
  /** Whether the caller may enter values on this row. */
  writable: z.boolean(),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

export const ledgerSchema = z.object({
  year: z.number().int(),
  unit: z.object({ id: z.number().int(), code: z.string(), nameZh: z.string(), nameEn: z.string(), kind: z.string() }),
  /** Months of the year (`YYYY-MM`) the office has locked. */
  lockedMonths: z.array(z.string()),
  /** Units whose sheets the caller may open. */
  units: z.array(z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string(), kind: z.string() })),
  rows: z.array(ledgerRowSchema),
});
export type Ledger = z.infer<typeof ledgerSchema>;

export const saveValuesBody = z.strictObject({
  unitId: z.number().int().positive(),
  values: z
    .array(
      z.strictObject({
        indicatorId: z.number().int().positive(),
        month: monthString,
        value: z.number().finite(),
        explanation: z.string().trim().max(500).default(''),
      }),
    )
    .min(1)
    .max(1000),
  /** Required when any value is in a locked month. */
  reason: z.string().trim().max(500).optional(),
});

export const submitMonthBody = z.strictObject({ unitId: z.number().int().positive(), month: monthString });
export const monthBody = z.strictObject({ month: monthString });
/** What locking a month set off: units with red or missing indicators notified, and 督办 tasks created for them. */
export const lockResponse = z.object({ units: z.number().int(), tasks: z.number().int() });

export const valueHistoryQuery = z.strictObject({
  indicatorId: strictId,
  unitId: strictId,
  month: monthString,
});
export const valueHistoryResponse = z.object({
  items: z.array(
    z.object({
      action: z.enum(['submit', 'correct']),
      beforeValue: z.number().nullable(),
      afterValue: z.number(),
      reason: z.string(),
      changedAt: z.string(),
      changedBy: z.string().nullable(),
    }),
  ),
});

// ---- progress and warnings ----

export const warningLevel = z.enum(['green', 'yellow', 'red', 'missing']);

export const warningsQuery = z.strictObject({
  month: monthString,
  level: warningLevel.optional(),
  unitId: strictId.optional(),
  indicatorId: strictId.optional(),
  /**
   * The units directly under this one, ranked among themselves. The office's board opens on the county's (or the
   * province's) own level and drills down from there; a scoped viewer sees its peers.
   */
  parentId: strictId.optional(),
  /** One page of each indicator's unit rows, in rank order; all rows when absent. */
  page: strictInt(1, 100_000).optional(),
  pageSize: strictInt(1, 500).optional(),
});

/** The office asks a unit of the board for its written explanation (the month's 督办 task, made or found). */
export const askLaggingBody = z.strictObject({ month: monthString, unitId: strictId });
export const askLaggingResponse = z.object({ id: z.number().int(), created: z.boolean() });

const progressCell = z.object({
  unit: z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string(), kind: z.string() }),
  target: z.number(),
  ytd: z.number().nullable(),
  yoyGrowth: z.number().nullable(),
  completion: z.number().nullable(),
  timeProgress: z.number(),
  gapPp: z.number().nullable(),
  level: warningLevel,
  persistentRed: z.boolean(),
  /** Rank among the units of this indicator (county row and responsible department: null). */
  rank: z.number().int().nullable(),
  /**
   * The responsible department of an indicator not decomposed to units: it answers for the county figure (the cell
   * repeats it), and is reminded, written to and given a 督办 task when it is red, as a township is.
   */
  answersForCounty: z.boolean(),
});
export type ProgressCell = z.infer<typeof progressCell>;

const boardUnit = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string(), kind: z.string() });

export const warningsResponse = z.object({
  month: z.string(),
  locked: z.boolean(),
  /** The unit whose units the rows are (the drill-down level), when the board is one level. */
  parent: boardUnit.extend({ parentId: z.number().int().nullable() }).nullable().optional(),
  /** Units under the shown level that hold units with targets of their own: where the board drills down to. */
  groups: z.array(boardUnit).optional(),
  indicators: z.array(
    z.object({
      indicator: indicatorSchema,
      county: progressCell.nullable(),
      units: z.array(progressCell),
      /** How many unit rows there are before paging. */
      unitsTotal: z.number().int().optional(),
    }),
  ),
});
export type Warnings = z.infer<typeof warningsResponse>;

export const trendQuery = z.strictObject({
  year: strictInt(2000, 2100),
  indicatorId: strictId,
  /** A unit with a target; the county when absent. */
  unitId: strictId.optional(),
});

export const trendResponse = z.object({
  indicator: indicatorSchema,
  unit: z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string(), kind: z.string() }),
  target: z.number(),
  months: z.array(
    z.object({
      month: z.string(),
      /** What the plan expects by this month: target × time progress (cumulative, stock), or the target rate. */
      planned: z.number(),
      actual: z.number().nullable(),
      lastYear: z.number().nullable(),
      gapPp: z.number().nullable(),
      level: warningLevel,
    }),
  ),
});
export type Trend = z.infer<typeof trendResponse>;

export const monthlyCycleSchema = z.strictObject({
  reportDueWorkingDay: z.number().int().min(1).max(15),
  lockWorkingDay: z.number().int().min(1).max(20),
  responseWorkingDays: z.number().int().min(1).max(30),
  autoLock: z.boolean(),
});
