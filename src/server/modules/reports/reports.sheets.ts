// A township's report as it fills it: the sheet (blank or started) with live problems, and saving a draft.
import type { z } from 'zod';
import { translate } from '../../../shared/i18n/messages';
import type { ReportSheet, saveReportBody } from '../../../shared/modules/reports.schemas';
import { type ReportStatus, type ReportValues, completeness, shapeProblems, timeliness, validateReport } from '../../../shared/rules/report-forms';
import { requirePermission, scopeFor, scopeIncludes, NO_SCOPE, scopeIfHeld } from '../../core/access/access';
import type { RequestContext, UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Deps } from '../../core/deps';
import { fieldError, notFound } from '../../core/http/errors';
import { countyDay } from '../../core/scheduler/scheduler';
import { sheetPowers } from './reports.policy';
import { type ReportFormRow, type ReportRow, formsRepository, reportsRepository } from './reports.repository';
import {
  describeForm,
  parse,
  expectedUnitIds,
  fieldProblemOf,
  problemsError,
  enterpriseProblems,
  previousValues,
  dueDateOf,
  submittedDay,
  definitionOf,
} from './reports.common';

interface SheetKey {
  formId: number;
  unitId: number;
  month: string;
}

/** A report by form, unit and month, or the blank form when the unit has not started it. Outside the caller's scope: 404. */
export async function getSheet(deps: Deps, ctx: RequestContext, key: SheetKey): Promise<ReportSheet> {
  requirePermission(ctx, 'report:read');
  const scope = await scopeFor(deps.db, ctx.user, 'report:read');
  if (!scopeIncludes(scope, key.unitId)) throw notFound();
  const form = await formsRepository.findById(deps.db, key.formId);
  if (!form || !(await expectedUnitIds(deps.db, form)).includes(key.unitId)) throw notFound();
  const report = await reportsRepository.find(deps.db, key.formId, key.unitId, key.month);
  return sheetOf(deps, ctx, form, key, report ?? null);
}

/** A report by id; outside the caller's scope it does not exist (404). */
export async function getSheetById(deps: Deps, ctx: RequestContext, id: number): Promise<ReportSheet> {
  requirePermission(ctx, 'report:read');
  const report = await reportsRepository.findById(deps.db, id, await scopeFor(deps.db, ctx.user, 'report:read'));
  if (!report) throw notFound();
  const form = (await formsRepository.findById(deps.db, report.formId)) as ReportFormRow;
  return sheetOf(deps, ctx, form, report, report);
}

async function sheetOf(deps: Deps, ctx: RequestContext, form: ReportFormRow, key: SheetKey, report: ReportRow | null): Promise<ReportSheet> {
  const db = deps.db;
  const versionRow = report ? await formsRepository.versionById(db, report.formVersionId) : await formsRepository.version(db, form.id, form.currentVersion);
  if (!versionRow) throw notFound();
  const definition = definitionOf(versionRow);
  const values = report ? parse<ReportValues>(report.valuesJson) : {};
  const explanations = report ? parse<Record<string, string>>(report.explanationsJson) : {};
  const previous = await previousValues(db, form.id, key.unitId, key.month);
  const status: ReportStatus = report?.status ?? 'not_started';
  const dueDate = await dueDateOf(db, form, key.month);
  const today = countyDay(deps.clock.now());
  const unit = await formsRepository.unit(db, key.unitId);
  const enterprises = await reportsRepository.enterprisesOf(db, key.unitId);
  const events = report ? await reportsRepository.events(db, report.id) : [];
  const fillScope = ctx.user ? await scopeIfHeld(db, ctx.user, 'report:fill') : NO_SCOPE;
  // Problems shown live while filling: everything the submission would check, with warnings kept as warnings.
  const live = [...validateReport(definition, values, previous), ...enterpriseProblems(definition, values, new Set(enterprises.map((e) => e.id)))];
  const lastReturn = status === 'returned' ? events.find((e) => e.action === 'return' || e.action === 'reopen') : undefined;
  return {
    id: report?.id ?? null,
    form: describeForm(form),
    version: versionRow.version,
    definition,
    unit: { id: key.unitId, nameZh: unit?.nameZh ?? '', nameEn: unit?.nameEn ?? '' },
    month: key.month,
    status,
    values,
    explanations,
    dueDate,
    timeliness: timeliness(dueDate, submittedDay(report?.firstSubmittedAt ?? null), today),
    firstSubmittedAt: report?.firstSubmittedAt ?? null,
    submittedAt: report?.submittedAt ?? null,
    acceptedAt: report?.acceptedAt ?? null,
    updatedAt: report?.updatedAt ?? null,
    completeness: completeness(definition, values),
    problems: live.map((p) => {
      const fp = fieldProblemOf(definition, p, ctx.locale);
      return { path: p.path, severity: p.severity, message: translate(ctx.locale, fp.key, fp.params), ...(p.ruleKey ? { ruleKey: p.ruleKey } : {}) };
    }),
    previous,
    returned: lastReturn ? { reason: lastReturn.reason, fieldKey: lastReturn.fieldKey } : null,
    events,
    can: sheetPowers(ctx, fillScope, { unitId: key.unitId, status, formActive: form.active === 1 }),
    enterprises,
  };
}

/** Saves a township's draft (created on first save). Only wrong types are refused; bounds and rules wait for submission. */
export async function saveDraft(deps: Deps, ctx: UserContext, body: z.infer<typeof saveReportBody>): Promise<ReportSheet> {
  requirePermission(ctx, 'report:fill');
  const scope = await scopeFor(deps.db, ctx.user, 'report:fill');
  if (!scopeIncludes(scope, body.unitId)) throw notFound();
  const id = await deps.db.transaction().execute(async (trx) => {
    const form = await formsRepository.findById(trx, body.formId);
    if (!form || !(await expectedUnitIds(trx, form)).includes(body.unitId)) throw notFound();
    if (form.active !== 1) throw fieldError({ formId: 'err.report.not_expected' });
    if (body.month > countyDay(deps.clock.now()).slice(0, 7)) throw fieldError({ month: 'err.report.future_month' });
    if (body.month < form.startMonth) throw fieldError({ month: { key: 'err.report.before_start', params: { start: form.startMonth } } });
    const existing = await reportsRepository.find(trx, body.formId, body.unitId, body.month);
    if (existing && existing.status !== 'draft' && existing.status !== 'returned') throw fieldError({ status: 'err.report.not_editable' });
    const versionRow = existing
      ? await formsRepository.versionById(trx, existing.formVersionId)
      : await formsRepository.version(trx, form.id, form.currentVersion);
    if (!versionRow) throw notFound();
    const definition = definitionOf(versionRow);
    const values = body.values as ReportValues;
    const problems = shapeProblems(definition, values);
    if (problems.length) throw problemsError(definition, problems, ctx.locale);
    const now = deps.clock.now().toISOString();
    const fields = { valuesJson: JSON.stringify(values), explanationsJson: JSON.stringify(body.explanations), updatedBy: ctx.user.id, updatedAt: now };
    let reportId: number;
    if (existing) {
      reportId = existing.id;
      await reportsRepository.update(trx, existing.id, fields);
    } else {
      reportId = await reportsRepository.insert(trx, {
        formId: form.id,
        formVersionId: versionRow.id,
        unitId: body.unitId,
        month: body.month,
        status: 'draft',
        ...fields,
        firstSubmittedAt: null,
        submittedAt: null,
        acceptedAt: null,
        createdAt: now,
      });
    }
    await recordAudit(trx, deps, ctx, {
      action: 'report.save',
      entityType: 'report',
      entityId: reportId,
      before: existing ? { values: parse(existing.valuesJson), explanations: parse(existing.explanationsJson) } : null,
      after: { formId: form.id, unitId: body.unitId, month: body.month, values, explanations: body.explanations },
    });
    return reportId;
  });
  return getSheetById(deps, ctx, id);
}
