import { z } from 'zod';
import { strictId } from '../ids';
import { patchOf } from '../patch';
import { REPORT_FIELD_TYPES, REPORT_STATUSES } from '../rules/report-forms';
import { monthString } from './indicators.schemas';
import type { PermissionSet } from '../permissions';

/** Permissions of township monthly reporting: forms, filling, review. */
export const REPORT_PERMISSIONS = ['report:read', 'report:fill', 'report:review', 'report_form:manage'] as const;
declare module '../permissions' {
  interface ModulePermissions extends PermissionSet<typeof REPORT_PERMISSIONS> {}
}

const key = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
const label = z.string().trim().max(200);

const choiceOption = z.strictObject({ value: z.string().max(40), labelZh: label, labelEn: label });

const scalarField = z.strictObject({
  key,
  type: z.enum(REPORT_FIELD_TYPES),
  labelZh: label.min(1),
  labelEn: label,
  required: z.boolean().optional(),
  unitZh: z.string().max(20).optional(),
  unitEn: z.string().max(40).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  decimals: z.number().int().min(0).max(6).optional(),
  maxLength: z.number().int().min(1).max(10_000).optional(),
  options: z.array(choiceOption).max(200).optional(),
  minRows: z.number().int().min(0).max(500).optional(),
  maxRows: z.number().int().min(1).max(500).optional(),
  indicatorCode: z.string().max(40).optional(),
  total: z.enum(['sum', 'latest', 'none']).optional(),
});

/** A field of a form; a `table` carries its columns. */
export const reportFieldSchema = scalarField.extend({ columns: z.array(scalarField).max(40).optional() });

const operand = z.union([
  z.strictObject({ field: key }),
  z.strictObject({ sum: key, column: key }),
  z.strictObject({ count: key }),
  z.strictObject({ previous: key }),
  z.strictObject({ const: z.number().finite() }),
  z.strictObject({ column: key }),
]);

export const reportRuleSchema = z.strictObject({
  key,
  severity: z.enum(['error', 'warning']),
  left: operand,
  op: z.enum(['lte', 'lt', 'gte', 'gt', 'eq']),
  right: operand,
  table: key.optional(),
  target: key.optional(),
  messageZh: label.min(1),
  messageEn: label,
});

/** A form's definition as data: sections of fields and cross-field rules. */
export const reportDefinitionSchema = z.strictObject({
  sections: z
    .array(z.strictObject({ key, titleZh: label.min(1), titleEn: label, fields: z.array(reportFieldSchema).min(1).max(100) }))
    .min(1)
    .max(30),
  rules: z.array(reportRuleSchema).max(100),
});

export const reportStatus = z.enum(REPORT_STATUSES);
export const timelinessSchema = z.enum(['on_time', 'late', 'not_due', 'overdue']);

export const reportFormSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  periodType: z.literal('monthly'),
  dueWorkingDay: z.number().int(),
  startMonth: z.string(),
  allTownships: z.boolean(),
  active: z.boolean(),
  currentVersion: z.number().int(),
});
export type ReportForm = z.infer<typeof reportFormSchema>;

export const reportFormsResponse = z.object({ items: z.array(reportFormSchema) });

export const reportFormDetail = reportFormSchema.extend({
  definition: reportDefinitionSchema,
  versions: z.array(z.object({ version: z.number().int(), note: z.string(), createdAt: z.string() })),
});

const formSettings = {
  nameZh: z.string().trim().min(1, 'err.required').max(80),
  nameEn: z.string().trim().max(120),
  /** Reports are due on this working day of the next month. */
  dueWorkingDay: z.number().int().min(1).max(20),
  /** The first month units report. */
  startMonth: monthString,
  /** Every active township reports, or only `unitIds`. */
  allTownships: z.boolean(),
  unitIds: z.array(z.number().int().positive()).max(500),
  active: z.boolean(),
};

/** A new form (office): its settings and its first definition. */
export const createFormBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'err.report.form_code'),
  ...formSettings,
  nameEn: formSettings.nameEn.default(''),
  dueWorkingDay: formSettings.dueWorkingDay.default(5),
  allTownships: formSettings.allTownships.default(true),
  unitIds: formSettings.unitIds.default([]),
  active: formSettings.active.default(true),
  definition: reportDefinitionSchema,
});

/** A form's settings (office); the definition changes only by a new version. */
export const updateFormBody = patchOf(formSettings);

export const newFormVersionBody = z.strictObject({ definition: reportDefinitionSchema, note: z.string().trim().max(500).default('') });

const scalarValue = z.union([z.number().finite(), z.string().max(10_000), z.boolean(), z.null()]);
/** A report's values: field key → scalar, or rows of a table. Checked against the form's definition by the service. */
export const reportValuesSchema = z.record(key, z.union([scalarValue, z.array(z.record(key, scalarValue)).max(500)]));

export const sheetQuery = z.object({ formId: strictId, unitId: strictId, month: monthString });

export const saveReportBody = z.strictObject({
  formId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  month: monthString,
  values: reportValuesSchema,
  /** The township's explanations of warnings, by rule key. */
  explanations: z.record(key, z.string().max(2000)).default({}),
});

export const returnReportBody = z.strictObject({
  reason: z.string().trim().max(2000),
  /** The field or section the return concerns. */
  fieldKey: z.string().max(100).nullable().default(null),
});
export const reopenReportBody = z.strictObject({ reason: z.string().trim().max(2000) });
export const reportIdParams = z.object({ id: strictId });

/** What accepting a report would do with each field mapped to an indicator: written to the ledger, or skipped and why. */
export const acceptPreviewSchema = z.object({
  items: z.array(
    z.object({
      fieldKey: z.string(),
      labelZh: z.string(),
      labelEn: z.string(),
      indicatorCode: z.string(),
      indicator: z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string(), unitZh: z.string(), unitEn: z.string() }).nullable(),
      value: z.number().nullable(),
      written: z.boolean(),
      reason: z.enum(['empty', 'unknown_indicator', 'no_plan', 'no_target', 'county_is_sum']).nullable(),
      /** Written into a locked month, as a correction kept in the value's history. */
      locked: z.boolean(),
      /** The reason a value is skipped, or a note on a written one, in the caller's language. */
      message: z.string().nullable(),
    }),
  ),
});
export type AcceptPreview = z.infer<typeof acceptPreviewSchema>;

const problemSchema = z.object({
  path: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  ruleKey: z.string().optional(),
});

export const reportEventSchema = z.object({
  action: z.enum(['submit', 'return', 'accept', 'reopen']),
  fromStatus: z.string(),
  toStatus: z.string(),
  reason: z.string(),
  fieldKey: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
});

/** One report as its page shows it: the form version it uses, values, live problems, history and what the caller may do. */
export const reportSheetSchema = z.object({
  id: z.number().int().nullable(),
  form: reportFormSchema,
  version: z.number().int(),
  definition: reportDefinitionSchema,
  unit: z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() }),
  month: z.string(),
  status: reportStatus,
  values: reportValuesSchema,
  explanations: z.record(z.string(), z.string()),
  dueDate: z.string(),
  timeliness: timelinessSchema,
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  completeness: z.object({ filled: z.number().int(), required: z.number().int(), complete: z.boolean() }),
  problems: z.array(problemSchema),
  previous: reportValuesSchema.nullable(),
  /** The latest return's reason and the field it concerns, while the report is returned. */
  returned: z.object({ reason: z.string(), fieldKey: z.string().nullable() }).nullable(),
  events: z.array(reportEventSchema),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), reopen: z.boolean() }),
  enterprises: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type ReportSheet = z.infer<typeof reportSheetSchema>;

export const matrixQuery = z.object({ month: monthString });

export const matrixCellSchema = z.object({
  formId: z.number().int(),
  reportId: z.number().int().nullable(),
  status: reportStatus,
  timeliness: timelinessSchema,
  filled: z.number().int(),
  required: z.number().int(),
  submittedAt: z.string().nullable(),
});

/** Over every report expected of the units for the period, started or not. */
const rates = z.object({
  expected: z.number().int(),
  complete: z.number().int(),
  onTime: z.number().int(),
  /** Expected reports past their due date and not in. */
  overdue: z.number().int(),
  completenessRate: z.number().nullable(),
  timelinessRate: z.number().nullable(),
});

/** Townships × forms for one month, with each township's rates for the month and the year to date. */
export const matrixSchema = z.object({
  month: z.string(),
  today: z.string(),
  forms: z.array(reportFormSchema.extend({ dueDate: z.string() })),
  rows: z.array(
    z.object({
      unit: z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() }),
      cells: z.array(matrixCellSchema.nullable()),
      month: rates,
      year: rates,
    }),
  ),
  total: z.object({ month: rates, year: rates }),
});
export type Matrix = z.infer<typeof matrixSchema>;

export const remindersResponse = z.object({ notified: z.number().int(), tasks: z.number().int() });

export const aggregateQuery = z.object({ formId: strictId, month: monthString });

/** County totals of every numeric field (top level and table columns) for a month and the year to date, by township. */
export const aggregateSchema = z.object({
  month: z.string(),
  fields: z.array(z.object({ path: z.string(), labelZh: z.string(), labelEn: z.string(), unitZh: z.string(), unitEn: z.string() })),
  units: z.array(
    z.object({
      unit: z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() }),
      reportId: z.number().int().nullable(),
      month: z.array(z.number().nullable()),
      ytd: z.array(z.number().nullable()),
    }),
  ),
  total: z.object({ month: z.array(z.number()), ytd: z.array(z.number()) }),
  /** Whether the total covers the whole county (the caller sees every township) or only the caller's own units. */
  countyWide: z.boolean(),
});
export type Aggregate = z.infer<typeof aggregateSchema>;
