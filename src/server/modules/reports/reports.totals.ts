// What the office reads across townships: the completeness matrix of a month and the totals of a form.
import type { Aggregate, Matrix } from '../../../shared/modules/reports.schemas';
import {
  type ReportFormDefinition,
  type ReportRow as ReportTableRow,
  type ReportStatus,
  type ReportValues,
  completeness,
  formFields,
  reportDueDate,
  reportingRates,
  timeliness,
} from '../../../shared/rules/report-forms';
import { requirePermission, scopeFor, scopeIncludes } from '../../core/access/access';
import type { RequestContext } from '../../core/access/context';
import { arrangementAround } from '../../core/calendar/calendar.service';
import type { Deps } from '../../core/deps';
import { notFound } from '../../core/http/errors';
import { countyDay } from '../../core/scheduler/scheduler';
import { type ReportFormRow, formsRepository, reportsRepository } from './reports.repository';
import { describeForm, parse, expectedUnitIds, submittedDay, definitionOf } from './reports.common';

const monthsOfYearTo = (month: string) => Array.from({ length: Number(month.slice(5)) }, (_, i) => `${month.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`);

/**
 * The completeness matrix of a month: townships in the caller's scope × active forms, each cell's state and
 * timeliness computed from the report's dates on the working-day calendar, with rates for the month and the year.
 */
export async function reportMatrix(deps: Deps, ctx: RequestContext, month: string): Promise<Matrix> {
  requirePermission(ctx, 'report:read');
  const db = deps.db;
  const scope = await scopeFor(db, ctx.user, 'report:read');
  const forms = await formsRepository.all(db, { activeOnly: true });
  const expected = new Map<number, Set<number>>();
  for (const form of forms) expected.set(form.id, new Set(await expectedUnitIds(db, form)));
  const unitIds = [...new Set([...expected.values()].flatMap((s) => [...s]))].filter((id) => scopeIncludes(scope, id));
  const units = await formsRepository.unitsByIds(db, unitIds);
  const months = monthsOfYearTo(month);
  const reports = await reportsRepository.between(db, months[0], month, scope);
  const byKey = new Map(reports.map((r) => [`${r.formId}/${r.unitId}/${r.month}`, r]));
  const cal = await arrangementAround(db, `${month}-15`);
  const today = countyDay(deps.clock.now());
  const defs = new Map<number, ReportFormDefinition>();
  const definitionOfVersion = async (versionId: number) => {
    if (!defs.has(versionId)) defs.set(versionId, definitionOf(await formsRepository.versionById(db, versionId)));
    return defs.get(versionId) as ReportFormDefinition;
  };
  const cellOf = async (form: ReportFormRow, unitId: number, m: string) => {
    const r = byKey.get(`${form.id}/${unitId}/${m}`);
    const due = reportDueDate(cal, m, form.dueWorkingDay);
    const c = r ? completeness(await definitionOfVersion(r.formVersionId), parse<ReportTableRow>(r.valuesJson) as ReportValues) : { filled: 0, required: 0 };
    return {
      formId: form.id,
      reportId: r?.id ?? null,
      status: (r?.status ?? 'not_started') as ReportStatus,
      timeliness: timeliness(due, submittedDay(r?.firstSubmittedAt ?? null), today),
      filled: c.filled,
      required: c.required,
      submittedAt: r?.submittedAt ?? null,
    };
  };
  const rows: Matrix['rows'] = [];
  const allMonth = [];
  const allYear = [];
  for (const unit of units) {
    const cells = [];
    const yearCells = [];
    for (const form of forms) {
      if (!expected.get(form.id)?.has(unit.id) || month < form.startMonth) {
        cells.push(null);
        continue;
      }
      const cell = await cellOf(form, unit.id, month);
      cells.push(cell);
      for (const m of months.filter((x) => x >= form.startMonth)) yearCells.push(m === month ? cell : await cellOf(form, unit.id, m));
    }
    const monthCells = cells.filter((c) => c !== null);
    allMonth.push(...monthCells);
    allYear.push(...yearCells);
    rows.push({ unit, cells, month: reportingRates(monthCells), year: reportingRates(yearCells) });
  }
  return {
    month,
    today,
    forms: forms.map((f) => ({ ...describeForm(f), dueDate: reportDueDate(cal, month, f.dueWorkingDay) })),
    rows,
    total: { month: reportingRates(allMonth), year: reportingRates(allYear) },
  };
}

/**
 * County totals of every numeric field of a form (top-level fields, and table columns summed over rows) across
 * townships, for a month and the year to date, from submitted and accepted reports in the caller's scope.
 */
export async function aggregateReports(deps: Deps, ctx: RequestContext, q: { formId: number; month: string }): Promise<Aggregate> {
  requirePermission(ctx, 'report:read');
  const db = deps.db;
  const scope = await scopeFor(db, ctx.user, 'report:read');
  const form = await formsRepository.findById(db, q.formId);
  if (!form) throw notFound();
  const def = definitionOf(await formsRepository.version(db, form.id, form.currentVersion));
  const fields: Aggregate['fields'] = [];
  const pick: ((v: ReportValues) => number | null)[] = [];
  const latest: boolean[] = [];
  const isNum = (t: string) => t === 'number' || t === 'integer';
  for (const f of formFields(def)) {
    if (isNum(f.type) && f.total !== 'none') {
      fields.push({ path: f.key, labelZh: f.labelZh, labelEn: f.labelEn, unitZh: f.unitZh ?? '', unitEn: f.unitEn ?? '' });
      pick.push((v) => (typeof v[f.key] === 'number' ? (v[f.key] as number) : null));
      latest.push(f.total === 'latest');
    }
    if (f.type === 'table') {
      for (const c of (f.columns ?? []).filter((c) => isNum(c.type) && c.total !== 'none')) {
        fields.push({
          path: `${f.key}.${c.key}`,
          labelZh: `${f.labelZh}·${c.labelZh}`,
          labelEn: `${f.labelEn} · ${c.labelEn}`,
          unitZh: c.unitZh ?? '',
          unitEn: c.unitEn ?? '',
        });
        pick.push((v) => {
          const rows = v[f.key];
          return Array.isArray(rows) ? rows.reduce((s, r) => s + (typeof r[c.key] === 'number' ? (r[c.key] as number) : 0), 0) : null;
        });
        latest.push(c.total === 'latest');
      }
    }
  }
  const months = monthsOfYearTo(q.month);
  const reports = (await reportsRepository.between(db, months[0], q.month, scope, form.id)).filter((r) => r.status === 'submitted' || r.status === 'accepted');
  const unitIds = (await expectedUnitIds(db, form)).filter((id) => scopeIncludes(scope, id));
  const units = await formsRepository.unitsByIds(db, unitIds);
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  const total = { month: fields.map(() => 0), ytd: fields.map(() => 0) };
  const out: Aggregate['units'] = units.map((unit) => {
    // Latest month first, so a `latest` field's year to date is its first figure.
    const own = reports.filter((r) => r.unitId === unit.id).sort((a, b) => b.month.localeCompare(a.month));
    const current = own.find((r) => r.month === q.month);
    const monthVals = pick.map((p) => (current ? p(parse(current.valuesJson)) : null));
    const ytd = pick.map((p, i) => {
      const vals = own.map((r) => p(parse(r.valuesJson))).filter((v): v is number => v !== null);
      if (vals.length === 0) return null;
      return latest[i] ? vals[0] : round(vals.reduce((a, b) => a + b, 0));
    });
    monthVals.forEach((v, i) => {
      total.month[i] = round(total.month[i] + (v ?? 0));
    });
    ytd.forEach((v, i) => {
      total.ytd[i] = round(total.ytd[i] + (v ?? 0));
    });
    return { unit, reportId: current?.id ?? null, month: monthVals, ytd };
  });
  return { month: q.month, fields, units: out, total, countyWide: scope.all };
}
