// What the report services share: scope checks, the definition of a version, and problems as field errors.
import type { Locale, MessageKey } from '../../../shared/i18n/messages';
import type { ReportForm } from '../../../shared/modules/reports.schemas';
import { previousMonth } from '../../../shared/rules/monthly-cycle';
import { type ReportFormDefinition, type ReportProblem, type ReportValues, formFields, reportDueDate } from '../../../shared/rules/report-forms';
import { arrangementAround } from '../../core/calendar/calendar.service';
import type { Executor } from '../../core/db/database';
import { type AppError, type FieldProblem, fieldError } from '../../core/http/errors';
import { countyDay } from '../../core/scheduler/scheduler';
import { type ReportFormRow, formsRepository, reportsRepository } from './reports.repository';

/** A form row as the API shows it. */
export function describeForm(row: ReportFormRow): ReportForm {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    periodType: row.periodType,
    dueWorkingDay: row.dueWorkingDay,
    startMonth: row.startMonth,
    allTownships: row.allTownships === 1,
    active: row.active === 1,
    currentVersion: row.currentVersion,
  };
}

export const parse = <T>(json: string) => JSON.parse(json) as T;

/** The units that must report on a form: every active township, or the units listed for it. */
export async function expectedUnitIds(db: Executor, form: ReportFormRow): Promise<number[]> {
  if (form.allTownships === 1) return (await formsRepository.townships(db)).map((u) => u.id);
  return (await formsRepository.listedUnits(db)).filter((l) => l.formId === form.id).map((l) => l.unitId);
}

/** A problem of the rules module as a translatable field problem. */
export function fieldProblemOf(def: ReportFormDefinition, p: ReportProblem, locale: Locale): FieldProblem {
  switch (p.code) {
    case 'required':
      return { key: 'err.required' };
    case 'below_min':
      return { key: 'err.value.below_min', params: p.params };
    case 'above_max':
      return { key: 'err.value.above_max', params: p.params };
    case 'too_many_decimals':
      return { key: 'err.value.too_many_decimals', params: p.params };
    case 'unknown_field':
      return { key: 'err.report.unknown_field', params: { field: p.path } };
    case 'rule': {
      const rule = def.rules.find((r) => r.key === p.ruleKey);
      const message = (locale === 'en-US' ? rule?.messageEn || rule?.messageZh : rule?.messageZh) ?? '';
      return { key: p.severity === 'warning' ? 'err.report.warning_unexplained' : 'err.report.rule', params: { message } };
    }
    default:
      return { key: `err.report.${p.code}` as MessageKey, params: p.params };
  }
}

/** 400 listing every problem, on `values.<path>` as the request body names them. */
export function problemsError(def: ReportFormDefinition, problems: ReportProblem[], locale: Locale): AppError {
  const fields: Record<string, FieldProblem> = {};
  for (const p of problems) fields[`values.${p.path}`] ??= fieldProblemOf(def, p, locale);
  return fieldError(fields);
}

/** Enterprise fields must name firms of the reporting township. */
export function enterpriseProblems(def: ReportFormDefinition, values: ReportValues, allowed: Set<number>): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const bad = (v: unknown) => typeof v === 'number' && !allowed.has(v);
  for (const field of formFields(def)) {
    const v = values[field.key];
    if (field.type === 'enterprise' && bad(v)) problems.push({ path: field.key, code: 'bad_enterprise', severity: 'error' });
    if (field.type === 'table' && Array.isArray(v)) {
      for (const column of field.columns ?? []) {
        if (column.type !== 'enterprise') continue;
        v.forEach((row, i) => {
          if (bad(row[column.key])) problems.push({ path: `${field.key}.${i}.${column.key}`, code: 'bad_enterprise', severity: 'error' });
        });
      }
    }
  }
  return problems;
}

/**
 * Last month's values of the same form and unit, for rules such as "cumulative ≥ last month". January has none:
 * year-to-date figures start again, so comparing with December would be wrong.
 */
export async function previousValues(db: Executor, formId: number, unitId: number, month: string): Promise<ReportValues | null> {
  if (month.endsWith('-01')) return null;
  const prev = await reportsRepository.find(db, formId, unitId, previousMonth(`${month}-01`));
  return prev && (prev.status === 'submitted' || prev.status === 'accepted') ? parse<ReportValues>(prev.valuesJson) : null;
}

export async function dueDateOf(db: Executor, form: ReportFormRow, month: string): Promise<string> {
  return reportDueDate(await arrangementAround(db, `${month}-15`), month, form.dueWorkingDay);
}

export const submittedDay = (iso: string | null) => (iso ? countyDay(new Date(iso)) : null);

const EMPTY_DEFINITION = '{"sections":[],"rules":[]}';
/** A form version's definition; an absent version reads as an empty form. */
export const definitionOf = (version: { definition: string } | undefined | null) => parse<ReportFormDefinition>(version?.definition ?? EMPTY_DEFINITION);
