/**
 * Township monthly report forms as data: the definition (sections, fields, cross-field rules), the evaluation of a
 * filled report against it, its completeness and its timeliness on the working-day calendar.
 * Rules are a small closed vocabulary of comparisons between operands; nothing is ever evaluated as code.
 */
import { nextMonth } from './monthly-cycle';
import { type CalendarArrangement, nthWorkingDayOfMonth } from './working-days';

export const REPORT_FIELD_TYPES = ['number', 'integer', 'text', 'choice', 'date', 'yesno', 'enterprise', 'table'] as const;
export type ReportFieldType = (typeof REPORT_FIELD_TYPES)[number];

export interface ChoiceOption {
  value: string;
  labelZh: string;
  labelEn: string;
}

/** A field of a form, or a column of a repeating table (which cannot itself be a table). */
export interface ReportField {
  key: string;
  type: ReportFieldType;
  labelZh: string;
  labelEn: string;
  required?: boolean;
  /** Unit of measure shown beside a number (家, 万元, 万千瓦时). */
  unitZh?: string;
  unitEn?: string;
  min?: number;
  max?: number;
  /** Most decimals a `number` may carry. */
  decimals?: number;
  /** Longest `text`. */
  maxLength?: number;
  /** The dictionary of a `choice`. */
  options?: ChoiceOption[];
  /** Columns of a `table`: one row per firm, per project … */
  columns?: ReportField[];
  minRows?: number;
  maxRows?: number;
  /** Indicator code whose ledger value this field feeds when the report is accepted (numbers only, top level). */
  indicatorCode?: string;
  /**
   * How the county totals treat a number: year to date as the sum of the months (a month's output, new firms), as the
   * latest month's figure (a count of firms, a figure already cumulative), or not at all (a year, a code). Sum unless
   * said.
   */
  total?: 'sum' | 'latest' | 'none';
}

export interface ReportSection {
  key: string;
  titleZh: string;
  titleEn: string;
  fields: ReportField[];
}

/**
 * A value to compare: a top-level field, the sum of a table column, the number of rows, last month's value of a
 * field, a constant, or (in a row rule) a column of the row being checked.
 */
export type Operand = { field: string } | { sum: string; column: string } | { count: string } | { previous: string } | { const: number } | { column: string };

export type CompareOp = 'lte' | 'lt' | 'gte' | 'gt' | 'eq';

/**
 * A cross-field rule: `left op right`. Errors block submission; warnings block it until the township explains.
 * With `table` set, the rule is checked on every row of that table and operands may name the row's `column`s.
 * The problem is shown on `target` (a field key; defaults to the left operand's field or table).
 */
export interface ReportRule {
  key: string;
  severity: 'error' | 'warning';
  left: Operand;
  op: CompareOp;
  right: Operand;
  table?: string;
  target?: string;
  messageZh: string;
  messageEn: string;
}

export interface ReportFormDefinition {
  sections: ReportSection[];
  rules: ReportRule[];
}

export type ScalarValue = number | string | boolean | null;
export type ReportRow = Record<string, ScalarValue>;
export type ReportValues = Record<string, ScalarValue | ReportRow[]>;

export type ProblemCode =
  | 'required'
  | 'not_a_number'
  | 'not_an_integer'
  | 'below_min'
  | 'above_max'
  | 'too_many_decimals'
  | 'too_long'
  | 'not_text'
  | 'bad_choice'
  | 'bad_date'
  | 'not_yes_no'
  | 'bad_enterprise'
  | 'not_rows'
  | 'too_few_rows'
  | 'too_many_rows'
  | 'unknown_field'
  | 'rule';

/** One problem of a filled report, on a path such as `output` or `firms.2.output`. */
export interface ReportProblem {
  path: string;
  code: ProblemCode;
  severity: 'error' | 'warning';
  params?: Record<string, string | number>;
  /** For `rule` problems: the rule, so its message and explanation can be found. */
  ruleKey?: string;
}

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Every top-level field of a definition, in order. */
export function formFields(def: ReportFormDefinition): ReportField[] {
  return def.sections.flatMap((s) => s.fields);
}

function decimalsOf(n: number): number {
  const s = String(n);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Type problems of one scalar value (shape only: no required or bound checks when `shapeOnly`). */
function scalarProblems(field: ReportField, value: ScalarValue | undefined, path: string, shapeOnly: boolean): ReportProblem[] {
  const p = (code: ProblemCode, params?: ReportProblem['params']): ReportProblem[] => [{ path, code, severity: 'error', params }];
  if (isEmpty(value)) return field.required && !shapeOnly ? p('required') : [];
  switch (field.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return p('not_a_number');
      if (field.type === 'integer' && !Number.isInteger(value)) return p('not_an_integer');
      if (shapeOnly) return [];
      if (field.min !== undefined && value < field.min) return p('below_min', { min: field.min });
      if (field.max !== undefined && value > field.max) return p('above_max', { max: field.max });
      if (field.type === 'number' && field.decimals !== undefined && decimalsOf(value) > field.decimals)
        return p('too_many_decimals', { decimals: field.decimals });
      return [];
    }
    case 'text':
      if (typeof value !== 'string') return p('not_text');
      return value.length > (field.maxLength ?? 2000) ? p('too_long', { max: field.maxLength ?? 2000 }) : [];
    case 'choice':
      return typeof value === 'string' && field.options?.some((o) => o.value === value) ? [] : p('bad_choice');
    case 'date':
      return typeof value === 'string' && validDate(value) ? [] : p('bad_date');
    case 'yesno':
      return typeof value === 'boolean' ? [] : p('not_yes_no');
    case 'enterprise':
      return typeof value === 'number' && Number.isInteger(value) && value > 0 ? [] : p('bad_enterprise');
    default:
      return p('unknown_field');
  }
}

function fieldProblems(field: ReportField, value: ReportValues[string], shapeOnly: boolean): ReportProblem[] {
  if (field.type !== 'table') return scalarProblems(field, value as ScalarValue | undefined, field.key, shapeOnly);
  if (value === undefined || value === null) return field.required && !shapeOnly ? [{ path: field.key, code: 'required', severity: 'error' }] : [];
  if (!Array.isArray(value)) return [{ path: field.key, code: 'not_rows', severity: 'error' }];
  const problems: ReportProblem[] = [];
  if (!shapeOnly) {
    const min = field.minRows ?? (field.required ? 1 : 0);
    if (value.length < min) problems.push({ path: field.key, code: value.length === 0 ? 'required' : 'too_few_rows', severity: 'error', params: { min } });
  }
  if (field.maxRows !== undefined && value.length > field.maxRows)
    problems.push({ path: field.key, code: 'too_many_rows', severity: 'error', params: { max: field.maxRows } });
  const columns = field.columns ?? [];
  value.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.push({ path: `${field.key}.${i}`, code: 'not_rows', severity: 'error' });
      return;
    }
    for (const key of Object.keys(row)) {
      if (!columns.some((c) => c.key === key)) problems.push({ path: `${field.key}.${i}.${key}`, code: 'unknown_field', severity: 'error' });
    }
    for (const column of columns) problems.push(...scalarProblems(column, row[column.key], `${field.key}.${i}.${column.key}`, shapeOnly));
  });
  return problems;
}

/**
 * Problems that stop a draft from being saved at all: unknown fields and values of the wrong type.
 * Missing and out-of-range values are allowed in a draft; they are reported at submission.
 */
export function shapeProblems(def: ReportFormDefinition, values: ReportValues): ReportProblem[] {
  const problems = unknownFields(def, values);
  for (const field of formFields(def)) problems.push(...fieldProblems(field, values[field.key], true));
  return problems;
}

function unknownFields(def: ReportFormDefinition, values: ReportValues): ReportProblem[] {
  const fields = formFields(def);
  return Object.keys(values)
    .filter((key) => !fields.some((f) => f.key === key))
    .map((key) => ({ path: key, code: 'unknown_field' as const, severity: 'error' as const }));
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The number an operand stands for, or null when a value it needs is missing (the rule is then not checked). */
export function operandValue(op: Operand, values: ReportValues, previous: ReportValues | null, row?: ReportRow): number | null {
  if ('const' in op) return op.const;
  if ('field' in op) return num(values[op.field]);
  if ('previous' in op) return previous ? num(previous[op.previous]) : null;
  if ('column' in op && !('sum' in op)) return row ? num(row[op.column]) : null;
  const rows = values['sum' in op ? op.sum : op.count];
  if ('count' in op) return Array.isArray(rows) ? rows.length : 0;
  if (!Array.isArray(rows)) return 0;
  // Rounded to 6 decimals so that 0.1 + 0.2 compares equal to 0.3.
  return Math.round(rows.reduce((s, r) => s + (num(r[op.column]) ?? 0), 0) * 1e6) / 1e6;
}

/** Whether `left op right` holds. */
export function compare(left: number, op: CompareOp, right: number): boolean {
  switch (op) {
    case 'lte':
      return left <= right;
    case 'lt':
      return left < right;
    case 'gte':
      return left >= right;
    case 'gt':
      return left > right;
    case 'eq':
      return Math.abs(left - right) < 1e-9;
  }
}

function ruleTarget(rule: ReportRule): string {
  if (rule.target) return rule.target;
  if (rule.table) return rule.table;
  const l = rule.left;
  if ('field' in l) return l.field;
  if ('sum' in l) return l.sum;
  if ('count' in l) return l.count;
  if ('previous' in l) return l.previous;
  return '';
}

/** Problems from the cross-field rules; a rule whose operands are missing is skipped (the required check catches them). */
export function ruleProblems(def: ReportFormDefinition, values: ReportValues, previous: ReportValues | null): ReportProblem[] {
  const problems: ReportProblem[] = [];
  for (const rule of def.rules) {
    const check = (row: ReportRow | undefined, path: string) => {
      const left = operandValue(rule.left, values, previous, row);
      const right = operandValue(rule.right, values, previous, row);
      if (left === null || right === null || compare(left, rule.op, right)) return;
      problems.push({ path, code: 'rule', severity: rule.severity, ruleKey: rule.key, params: { left, right } });
    };
    if (rule.table) {
      const rows = values[rule.table];
      if (Array.isArray(rows)) {
        for (const [i, row] of rows.entries()) check(row, rule.target ? `${rule.table}.${i}.${rule.target}` : `${rule.table}.${i}`);
      }
    } else check(undefined, ruleTarget(rule));
  }
  return problems;
}

/** Every problem of a report at submission: shape, required, bounds, then the cross-field rules. */
export function validateReport(def: ReportFormDefinition, values: ReportValues, previous: ReportValues | null): ReportProblem[] {
  const problems = unknownFields(def, values);
  for (const field of formFields(def)) problems.push(...fieldProblems(field, values[field.key], false));
  // Cross-field rules only make sense once every value has the right type.
  if (problems.length === 0) problems.push(...ruleProblems(def, values, previous));
  return problems;
}

/**
 * What blocks submission: every error, and every warning whose rule has no explanation from the township.
 * `explanations` maps rule keys to the township's text.
 */
export function blockingProblems(problems: ReportProblem[], explanations: Record<string, string>): ReportProblem[] {
  return problems.filter((p) => p.severity === 'error' || !(p.ruleKey && explanations[p.ruleKey]?.trim()));
}

/** Completeness of a report from its required fields: how many are filled, out of how many. */
export function completeness(def: ReportFormDefinition, values: ReportValues): { filled: number; required: number; complete: boolean } {
  let required = 0;
  let filled = 0;
  for (const field of formFields(def)) {
    if (!field.required) continue;
    required++;
    const v = values[field.key];
    if (field.type === 'table') {
      const rows = Array.isArray(v) ? v : [];
      const requiredColumns = (field.columns ?? []).filter((c) => c.required);
      if (rows.length >= Math.max(1, field.minRows ?? 1) && rows.every((r) => requiredColumns.every((c) => !isEmpty(r[c.key])))) filled++;
    } else if (!isEmpty(v)) filled++;
  }
  return { filled, required, complete: filled === required };
}

/** The due date of a month's report: the n-th working day of the following month. */
export function reportDueDate(cal: CalendarArrangement, month: string, dueWorkingDay: number): string {
  return nthWorkingDayOfMonth(cal, nextMonth(month), dueWorkingDay);
}

export type Timeliness = 'on_time' | 'late' | 'not_due' | 'overdue';

/**
 * Timeliness of a report: submitted (first submission, county day) on or before the due date is on time, after it
 * late; not submitted yet is `not_due` until the due date has passed, then `overdue`.
 */
export function timeliness(dueDate: string, firstSubmittedOn: string | null, today: string): Timeliness {
  if (firstSubmittedOn) return firstSubmittedOn <= dueDate ? 'on_time' : 'late';
  return today > dueDate ? 'overdue' : 'not_due';
}

export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportCellFacts {
  status: ReportStatus;
  timeliness: Timeliness;
}

/**
 * Completeness and timeliness rates over every report expected for the period (unit × form × month cells, started or
 * not): complete = submitted or accepted; timely = complete and first submitted on time (a returned report is neither
 * until it is in again, as in DHIS2's timeliness). A township that has sent one of its three forms is at 33.3 %, not
 * 100 %, whether or not the other two are due yet. Rates are percentages; `overdue` counts the expected reports past
 * their due date and not in.
 */
export function reportingRates(cells: ReportCellFacts[]): {
  expected: number;
  complete: number;
  onTime: number;
  overdue: number;
  completenessRate: number | null;
  timelinessRate: number | null;
} {
  const isComplete = (c: ReportCellFacts) => c.status === 'submitted' || c.status === 'accepted';
  const complete = cells.filter(isComplete).length;
  const onTime = cells.filter((c) => isComplete(c) && c.timeliness === 'on_time').length;
  const overdue = cells.filter((c) => !isComplete(c) && c.timeliness === 'overdue').length;
  const rate = (n: number) => (cells.length ? Math.round((n / cells.length) * 1000) / 10 : null);
  return { expected: cells.length, complete, onTime, overdue, completenessRate: rate(complete), timelinessRate: rate(onTime) };
}

/** Sanity problems of a definition itself (office editing a form): duplicate keys, rules naming unknown fields. */
export function definitionProblems(def: ReportFormDefinition): string[] {
  const problems: string[] = [];
  const fields = formFields(def);
  const keys = new Set<string>();
  for (const f of fields) {
    if (keys.has(f.key)) problems.push(`duplicate field ${f.key}`);
    keys.add(f.key);
    if (f.type === 'table' && !f.columns?.length) problems.push(`table ${f.key} has no columns`);
    if (f.type === 'choice' && !f.options?.length) problems.push(`choice ${f.key} has no options`);
    if (f.columns?.some((c) => c.type === 'table')) problems.push(`table ${f.key} nests a table`);
    if (f.indicatorCode && f.type !== 'number' && f.type !== 'integer') problems.push(`field ${f.key} maps to an indicator but is not a number`);
  }
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const ruleKeys = new Set<string>();
  for (const r of def.rules) {
    if (ruleKeys.has(r.key)) problems.push(`duplicate rule ${r.key}`);
    ruleKeys.add(r.key);
    for (const op of [r.left, r.right]) {
      if ('field' in op || 'previous' in op) {
        const k = 'field' in op ? op.field : op.previous;
        if (!byKey.has(k)) problems.push(`rule ${r.key} names unknown field ${k}`);
      }
      if ('sum' in op || 'count' in op) {
        const t = byKey.get('sum' in op ? op.sum : op.count);
        if (t?.type !== 'table') problems.push(`rule ${r.key} names unknown table`);
        else if ('sum' in op && !t.columns?.some((c) => c.key === op.column)) problems.push(`rule ${r.key} names unknown column ${op.column}`);
      }
      if ('column' in op && !('sum' in op)) {
        const t = r.table ? byKey.get(r.table) : undefined;
        if (!t?.columns?.some((c) => c.key === op.column)) problems.push(`rule ${r.key} names unknown column ${op.column}`);
      }
    }
  }
  return problems;
}
