import type { z } from 'zod';
import { type Locale, type MessageKey, translate } from '../../../shared/i18n/messages';
import type {
  Aggregate,
  Matrix,
  ReportForm,
  AcceptPreview,
  ReportSheet,
  createFormBody,
  newFormVersionBody,
  returnReportBody,
  saveReportBody,
  updateFormBody,
} from '../../../shared/modules/reports.schemas';
import { previousMonth } from '../../../shared/rules/monthly-cycle';
import {
  type ReportFormDefinition,
  type ReportProblem,
  type ReportRow as ReportTableRow,
  type ReportStatus,
  type ReportValues,
  blockingProblems,
  completeness,
  definitionProblems,
  formFields,
  reportDueDate,
  reportingRates,
  shapeProblems,
  timeliness,
  validateReport,
} from '../../../shared/rules/report-forms';
import { type Scope, requirePermission, scopeFor } from '../../core/access/access';
import type { RequestContext, UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import { arrangementAround } from '../../core/calendar/calendar.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { events } from '../../core/events/events';
import { AppError, type FieldProblem, fieldError, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { countyDay } from '../../core/scheduler/scheduler';
import { type ReportedValueOutcome, previewReportedValues } from '../indicators';
import { type ReportFormRow, type ReportRow, formsRepository, reportsRepository } from './reports.repository';

const NO_SCOPE: Scope = { all: false, unitIds: [], ownUserId: null };
const inScope = (scope: Scope, unitId: number) => scope.all || scope.unitIds.includes(unitId);

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

const parse = <T>(json: string) => JSON.parse(json) as T;

/** The units that must report on a form: every active township, or the units listed for it. */
async function expectedUnitIds(db: Executor, form: ReportFormRow): Promise<number[]> {
  if (form.allTownships === 1) return (await formsRepository.townships(db)).map((u) => u.id);
  return (await formsRepository.listedUnits(db)).filter((l) => l.formId === form.id).map((l) => l.unitId);
}

/** A problem of the rules module as a translatable field problem. */
function fieldProblemOf(def: ReportFormDefinition, p: ReportProblem, locale: Locale): FieldProblem {
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
function problemsError(def: ReportFormDefinition, problems: ReportProblem[], locale: Locale): AppError {
  const fields: Record<string, FieldProblem> = {};
  for (const p of problems) fields[`values.${p.path}`] ??= fieldProblemOf(def, p, locale);
  return fieldError(fields);
}

/** Enterprise fields must name firms of the reporting township. */
function enterpriseProblems(def: ReportFormDefinition, values: ReportValues, allowed: Set<number>): ReportProblem[] {
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
async function previousValues(db: Executor, formId: number, unitId: number, month: string): Promise<ReportValues | null> {
  if (month.endsWith('-01')) return null;
  const prev = await reportsRepository.find(db, formId, unitId, previousMonth(`${month}-01`));
  return prev && (prev.status === 'submitted' || prev.status === 'accepted') ? parse<ReportValues>(prev.valuesJson) : null;
}

async function dueDateOf(db: Executor, form: ReportFormRow, month: string): Promise<string> {
  return reportDueDate(await arrangementAround(db, `${month}-15`), month, form.dueWorkingDay);
}

const submittedDay = (iso: string | null) => (iso ? countyDay(new Date(iso)) : null);

/** The forms every signed-in reporter may see. */
export async function listForms(deps: Deps, ctx: RequestContext) {
  requirePermission(ctx, 'report:read');
  return { items: (await formsRepository.all(deps.db)).map(describeForm) };
}

/** A form with its current definition and its versions. */
export async function getForm(deps: Deps, ctx: RequestContext, id: number) {
  requirePermission(ctx, 'report:read');
  const form = await formsRepository.findById(deps.db, id);
  if (!form) throw notFound();
  const version = await formsRepository.version(deps.db, id, form.currentVersion);
  return {
    ...describeForm(form),
    definition: parse<ReportFormDefinition>(version?.definition ?? '{"sections":[],"rules":[]}'),
    versions: await formsRepository.versions(deps.db, id),
  };
}

/** Publishes a new version of a form's definition (office); reports already started keep the version they began with. */
export async function publishFormVersion(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof newFormVersionBody>) {
  requirePermission(ctx, 'report_form:manage');
  checkDefinition(body.definition as ReportFormDefinition);
  return deps.db.transaction().execute(async (trx) => {
    const form = await formsRepository.findById(trx, id);
    if (!form) throw notFound();
    const version = form.currentVersion + 1;
    const now = deps.clock.now().toISOString();
    await formsRepository.insertVersion(trx, {
      formId: id,
      version,
      definition: JSON.stringify(body.definition),
      note: body.note,
      createdBy: ctx.user.id,
      createdAt: now,
    });
    await formsRepository.update(trx, id, { currentVersion: version, updatedAt: now });
    await recordAudit(trx, deps, ctx, {
      action: 'report_form.new_version',
      entityType: 'report_form',
      entityId: id,
      before: { version: form.currentVersion },
      after: { version, note: body.note, definition: body.definition },
    });
    return getForm({ ...deps, db: trx }, ctx, id);
  });
}

function checkDefinition(definition: ReportFormDefinition) {
  const problems = definitionProblems(definition);
  if (problems.length) throw fieldError({ definition: { key: 'err.report.definition', params: { problems: problems.join('; ') } } });
}

async function checkUnits(db: Executor, unitIds: number[]) {
  const found = await formsRepository.unitsByIds(db, [...new Set(unitIds)]);
  if (found.length !== new Set(unitIds).size) throw fieldError({ unitIds: 'err.unit_not_found' });
}

/** Creates a form with its first version (office). */
export async function createForm(deps: Deps, ctx: UserContext, body: z.infer<typeof createFormBody>) {
  requirePermission(ctx, 'report_form:manage');
  checkDefinition(body.definition as ReportFormDefinition);
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await formsRepository.findByCode(trx, body.code)) throw fieldError({ code: 'err.report.code_taken' });
    await checkUnits(trx, body.unitIds);
    const now = deps.clock.now().toISOString();
    const all = await formsRepository.all(trx);
    const formId = await formsRepository.insert(trx, {
      code: body.code,
      nameZh: body.nameZh,
      nameEn: body.nameEn,
      periodType: 'monthly',
      dueWorkingDay: body.dueWorkingDay,
      startMonth: body.startMonth,
      allTownships: body.allTownships ? 1 : 0,
      active: body.active ? 1 : 0,
      currentVersion: 1,
      sortOrder: (all.length + 1) * 10,
      createdAt: now,
      updatedAt: now,
    });
    await formsRepository.insertVersion(trx, {
      formId,
      version: 1,
      definition: JSON.stringify(body.definition),
      note: '',
      createdBy: ctx.user.id,
      createdAt: now,
    });
    await formsRepository.setUnits(trx, formId, body.allTownships ? [] : body.unitIds);
    await recordAudit(trx, deps, ctx, { action: 'report_form.create', entityType: 'report_form', entityId: formId, after: body });
    return formId;
  });
  return getForm(deps, ctx, id);
}

/** Changes a form's settings (office): name, due day, first month, who reports, active. Audited. */
export async function updateForm(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateFormBody>) {
  requirePermission(ctx, 'report_form:manage');
  await deps.db.transaction().execute(async (trx) => {
    const form = await formsRepository.findById(trx, id);
    if (!form) throw notFound();
    const listedBefore = (await formsRepository.listedUnits(trx)).filter((l) => l.formId === id).map((l) => l.unitId);
    const { unitIds, allTownships, active, ...rest } = body;
    await formsRepository.update(trx, id, {
      ...rest,
      ...(allTownships === undefined ? {} : { allTownships: allTownships ? 1 : 0 }),
      ...(active === undefined ? {} : { active: active ? 1 : 0 }),
      updatedAt: deps.clock.now().toISOString(),
    });
    if (unitIds) {
      await checkUnits(trx, unitIds);
      await formsRepository.setUnits(trx, id, unitIds);
    }
    const updated = (await formsRepository.findById(trx, id)) as ReportFormRow;
    const listedAfter = (await formsRepository.listedUnits(trx)).filter((l) => l.formId === id).map((l) => l.unitId);
    await recordAudit(trx, deps, ctx, {
      action: 'report_form.update',
      entityType: 'report_form',
      entityId: id,
      before: { ...describeForm(form), unitIds: listedBefore },
      after: { ...describeForm(updated), unitIds: listedAfter },
    });
  });
  return getForm(deps, ctx, id);
}

interface SheetKey {
  formId: number;
  unitId: number;
  month: string;
}

/** A report by form, unit and month, or the blank form when the unit has not started it. Outside the caller's scope: 404. */
export async function getSheet(deps: Deps, ctx: RequestContext, key: SheetKey): Promise<ReportSheet> {
  requirePermission(ctx, 'report:read');
  const scope = await scopeFor(deps.db, ctx.user, 'report:read');
  if (!inScope(scope, key.unitId)) throw notFound();
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
  const definition = parse<ReportFormDefinition>(versionRow.definition);
  const values = report ? parse<ReportValues>(report.valuesJson) : {};
  const explanations = report ? parse<Record<string, string>>(report.explanationsJson) : {};
  const previous = await previousValues(db, form.id, key.unitId, key.month);
  const status: ReportStatus = report?.status ?? 'not_started';
  const dueDate = await dueDateOf(db, form, key.month);
  const today = countyDay(deps.clock.now());
  const unit = await formsRepository.unit(db, key.unitId);
  const enterprises = await reportsRepository.enterprisesOf(db, key.unitId);
  const events = report ? await reportsRepository.events(db, report.id) : [];
  const fillScope = ctx.user?.permissions.has('report:fill') ? await scopeFor(db, ctx.user, 'report:fill') : NO_SCOPE;
  const mayFill = inScope(fillScope, key.unitId);
  const mayReview = !!ctx.user?.permissions.has('report:review');
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
    can: {
      edit: mayFill && form.active === 1 && (status === 'not_started' || status === 'draft' || status === 'returned'),
      submit: mayFill && (status === 'draft' || status === 'returned'),
      review: mayReview && status === 'submitted',
      reopen: mayReview && status === 'accepted',
    },
    enterprises,
  };
}

/** Saves a township's draft (created on first save). Only wrong types are refused; bounds and rules wait for submission. */
export async function saveDraft(deps: Deps, ctx: UserContext, body: z.infer<typeof saveReportBody>): Promise<ReportSheet> {
  requirePermission(ctx, 'report:fill');
  const scope = await scopeFor(deps.db, ctx.user, 'report:fill');
  if (!inScope(scope, body.unitId)) throw notFound();
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
    const definition = parse<ReportFormDefinition>(versionRow.definition);
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

/** The office unit(s) whose reviewers hear about submissions. */
async function officeUnitIds(db: Executor): Promise<number[]> {
  return (await db.selectFrom('orgUnits').select('id').where('kind', '=', 'office').where('active', '=', 1).execute()).map((u) => u.id);
}

async function loadForWrite(trx: Trx, ctx: UserContext, id: number, permission: 'report:fill' | 'report:review') {
  const report = await reportsRepository.findById(trx, id, await scopeFor(trx, ctx.user, permission));
  if (!report) throw notFound();
  const form = (await formsRepository.findById(trx, report.formId)) as ReportFormRow;
  const version = await formsRepository.versionById(trx, report.formVersionId);
  return { report, form, definition: parse<ReportFormDefinition>(version?.definition ?? '{"sections":[],"rules":[]}') };
}

const title = (form: ReportFormRow, month: string, zh: string, en: string) => ({ zh: `${month}《${form.nameZh}》${zh}`, en: `${month} ${form.nameEn}: ${en}` });

/** A reopened report reaches the township as a returned one. */
const NOTICE_KINDS = { submit: 'report.submitted', return: 'report.returned', accept: 'report.accepted', reopen: 'report.returned' } as const;

/**
 * What every change of a report's state leaves behind, in its transaction: the event in the report's history, the
 * audit row, and the notice to whoever acts next (the office for a submission, the township otherwise).
 */
async function recordTransition(
  trx: Trx,
  deps: Deps,
  ctx: UserContext,
  change: {
    report: { id: number; unitId: number; month: string };
    form: ReportFormRow;
    action: 'submit' | 'return' | 'accept' | 'reopen';
    from: string;
    to: string;
    reason?: string;
    fieldKey?: string | null;
    after?: Record<string, unknown>;
    notice: { zh: string; en: string };
  },
) {
  const { report, form, action } = change;
  await reportsRepository.addEvent(trx, {
    reportId: report.id,
    action,
    fromStatus: change.from,
    toStatus: change.to,
    reason: change.reason ?? '',
    fieldKey: change.fieldKey ?? null,
    byUserId: ctx.user.id,
    at: deps.clock.now().toISOString(),
  });
  await recordAudit(trx, deps, ctx, {
    action: `report.${action}`,
    entityType: 'report',
    entityId: report.id,
    before: { status: change.from },
    after: { status: change.to, ...change.after },
  });
  const toOffice = action === 'submit';
  await notify(trx, deps, {
    unitIds: toOffice ? await officeUnitIds(trx) : [report.unitId],
    unitPermission: toOffice ? 'report:review' : 'report:fill',
    kind: NOTICE_KINDS[action],
    title: title(form, report.month, change.notice.zh, change.notice.en),
    link: `/reports/${report.id}`,
    entityType: 'report',
    entityId: report.id,
  });
}

/**
 * Submits a draft or a returned report after every check of its form version: 400 listing each field with a
 * blocking problem (errors, and warnings the township has not explained).
 */
export async function submitReport(deps: Deps, ctx: UserContext, id: number): Promise<ReportSheet> {
  requirePermission(ctx, 'report:fill');
  await deps.db.transaction().execute(async (trx) => {
    const { report, form, definition } = await loadForWrite(trx, ctx, id, 'report:fill');
    if (report.status !== 'draft' && report.status !== 'returned') throw fieldError({ status: 'err.report.not_editable' });
    const values = parse<ReportValues>(report.valuesJson);
    const explanations = parse<Record<string, string>>(report.explanationsJson);
    const enterprises = new Set((await reportsRepository.enterprisesOf(trx, report.unitId)).map((e) => e.id));
    const problems = [
      ...validateReport(definition, values, await previousValues(trx, form.id, report.unitId, report.month)),
      ...enterpriseProblems(definition, values, enterprises),
    ];
    const blocking = blockingProblems(problems, explanations);
    if (blocking.length) throw problemsError(definition, blocking, ctx.locale);
    const now = deps.clock.now().toISOString();
    const moved = await reportsRepository.transition(trx, id, report.status, {
      status: 'submitted',
      submittedAt: now,
      firstSubmittedAt: report.firstSubmittedAt ?? now,
      updatedAt: now,
      updatedBy: ctx.user.id,
    });
    if (!moved) throw new AppError('CONFLICT');
    await recordTransition(trx, deps, ctx, {
      report: { id, unitId: report.unitId, month: report.month },
      form,
      action: 'submit',
      from: report.status,
      to: 'submitted',
      after: { values },
      notice: { zh: '已报送（待审核）', en: 'submitted for review' },
    });
  });
  return getSheetById(deps, ctx, id);
}

/** Returns a submitted report to its township with a required reason, tied to a field or section when given. */
export async function returnReport(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof returnReportBody>): Promise<ReportSheet> {
  requirePermission(ctx, 'report:review');
  if (!body.reason) throw fieldError({ reason: 'err.report.reason_required' });
  await deps.db.transaction().execute(async (trx) => {
    const { report, form } = await loadForWrite(trx, ctx, id, 'report:review');
    if (report.status !== 'submitted') throw fieldError({ status: 'err.report.not_submitted' });
    const now = deps.clock.now().toISOString();
    if (!(await reportsRepository.transition(trx, id, 'submitted', { status: 'returned', updatedAt: now }))) throw new AppError('CONFLICT');
    await recordTransition(trx, deps, ctx, {
      report: { id, unitId: report.unitId, month: report.month },
      form,
      action: 'return',
      from: 'submitted',
      to: 'returned',
      reason: body.reason,
      fieldKey: body.fieldKey,
      after: { reason: body.reason, fieldKey: body.fieldKey },
      notice: { zh: `被退回：${body.reason}`, en: `returned: ${body.reason}` },
    });
  });
  return getSheetById(deps, ctx, id);
}

/** The fields of a report version mapped to indicators, with the report's numbers. */
function mappedFields(definition: ReportFormDefinition, values: ReportValues) {
  return formFields(definition)
    .filter((f) => f.indicatorCode)
    .map((f) => ({ field: f, indicatorCode: f.indicatorCode as string, value: typeof values[f.key] === 'number' ? (values[f.key] as number) : null }));
}

/**
 * What accepting a submitted report would write into the ledger, field by field, and what it would skip and why (a
 * year with no plan, an indicator the township has no target for, an empty field), for the office to see before it
 * confirms. The same rules decide the acceptance itself.
 */
export async function acceptPreview(deps: Deps, ctx: UserContext, id: number): Promise<AcceptPreview> {
  requirePermission(ctx, 'report:review');
  const report = await reportsRepository.findById(deps.db, id, await scopeFor(deps.db, ctx.user, 'report:review'));
  if (!report) throw notFound();
  const version = await formsRepository.versionById(deps.db, report.formVersionId);
  const fields = mappedFields(parse<ReportFormDefinition>(version?.definition ?? '{"sections":[],"rules":[]}'), parse<ReportValues>(report.valuesJson));
  const filled = fields.filter((f) => f.value !== null).map((f) => ({ indicatorCode: f.indicatorCode, value: f.value as number }));
  const outcomes = await previewReportedValues(deps.db, ctx, { unitId: report.unitId, month: report.month, values: filled });
  let next = 0;
  return {
    items: fields.map(({ field, indicatorCode, value }) => {
      const base = { fieldKey: field.key, labelZh: field.labelZh, labelEn: field.labelEn, indicatorCode };
      if (value === null)
        return {
          ...base,
          indicator: null,
          value: null,
          written: false,
          reason: 'empty' as const,
          locked: false,
          message: translate(ctx.locale, 'ledger.skip.empty'),
        };
      const o = outcomes[next++];
      return { ...base, indicator: o.indicator, value: o.value, written: o.written, reason: o.reason, locked: o.locked, message: o.message };
    }),
  };
}

/**
 * The ledger part of an acceptance's audit row: what the ledger's handler of `reportAccepted` writes and what it skips
 * (the preview and the handler follow one plan).
 */
function ledgerSummary(outcomes: ReportedValueOutcome[]) {
  return {
    written: outcomes.filter((o) => o.written).map((o) => ({ indicatorCode: o.indicatorCode, value: o.value })),
    skipped: outcomes.filter((o) => !o.written).map((o) => ({ indicatorCode: o.indicatorCode, reason: o.reason as string })),
  };
}

/**
 * Accepts a submitted report: it is locked, and `reportAccepted` is published in the same transaction, where
 * indicators writes the fields mapped to indicators as the unit's ledger values (a failed write refuses the acceptance).
 */
export async function acceptReport(deps: Deps, ctx: UserContext, id: number): Promise<ReportSheet> {
  requirePermission(ctx, 'report:review');
  await events.transaction(deps, async (trx) => {
    const { report, form, definition } = await loadForWrite(trx, ctx, id, 'report:review');
    if (report.status !== 'submitted') throw fieldError({ status: 'err.report.not_submitted' });
    const now = deps.clock.now().toISOString();
    if (!(await reportsRepository.transition(trx, id, 'submitted', { status: 'accepted', acceptedAt: now, updatedAt: now }))) throw new AppError('CONFLICT');
    const values = mappedFields(definition, parse<ReportValues>(report.valuesJson))
      .filter((f) => f.value !== null)
      .map((f) => ({ indicatorCode: f.indicatorCode, value: f.value as number }));
    const ledger = values.length
      ? ledgerSummary(await previewReportedValues(trx, ctx, { unitId: report.unitId, month: report.month, values }))
      : { written: [], skipped: [] };
    await events.publish(trx, deps, ctx, 'reportAccepted', {
      reportId: id,
      formId: form.id,
      formCode: form.code,
      unitId: report.unitId,
      month: report.month,
      acceptedAt: now,
      values,
      source: `reports/${id}`,
      sourceLabel: `乡镇月报《${form.nameZh}》#${id}`,
    });
    await recordTransition(trx, deps, ctx, {
      report: { id, unitId: report.unitId, month: report.month },
      form,
      action: 'accept',
      from: 'submitted',
      to: 'accepted',
      after: { ledger },
      notice: { zh: '已审核通过', en: 'accepted' },
    });
  });
  return getSheetById(deps, ctx, id);
}

/** Reopens an accepted report for correction, with a reason (audited); it goes back to the township as returned. */
export async function reopenReport(deps: Deps, ctx: UserContext, id: number, reason: string): Promise<ReportSheet> {
  requirePermission(ctx, 'report:review');
  if (!reason) throw fieldError({ reason: 'err.report.reason_required' });
  await deps.db.transaction().execute(async (trx) => {
    const { report, form } = await loadForWrite(trx, ctx, id, 'report:review');
    if (report.status !== 'accepted') throw fieldError({ status: 'err.report.not_accepted' });
    const now = deps.clock.now().toISOString();
    if (!(await reportsRepository.transition(trx, id, 'accepted', { status: 'returned', updatedAt: now }))) throw new AppError('CONFLICT');
    await recordTransition(trx, deps, ctx, {
      report: { id, unitId: report.unitId, month: report.month },
      form,
      action: 'reopen',
      from: 'accepted',
      to: 'returned',
      reason,
      after: { reason },
      notice: { zh: `重新打开：${reason}`, en: `reopened: ${reason}` },
    });
  });
  return getSheetById(deps, ctx, id);
}

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
  const unitIds = [...new Set([...expected.values()].flatMap((s) => [...s]))].filter((id) => inScope(scope, id));
  const units = await formsRepository.unitsByIds(db, unitIds);
  const months = monthsOfYearTo(month);
  const reports = await reportsRepository.between(db, months[0], month, scope);
  const byKey = new Map(reports.map((r) => [`${r.formId}/${r.unitId}/${r.month}`, r]));
  const cal = await arrangementAround(db, `${month}-15`);
  const today = countyDay(deps.clock.now());
  const defs = new Map<number, ReportFormDefinition>();
  const definitionOf = async (versionId: number) => {
    if (!defs.has(versionId)) defs.set(versionId, parse((await formsRepository.versionById(db, versionId))?.definition ?? '{"sections":[],"rules":[]}'));
    return defs.get(versionId) as ReportFormDefinition;
  };
  const cellOf = async (form: ReportFormRow, unitId: number, m: string) => {
    const r = byKey.get(`${form.id}/${unitId}/${m}`);
    const due = reportDueDate(cal, m, form.dueWorkingDay);
    const c = r ? completeness(await definitionOf(r.formVersionId), parse<ReportTableRow>(r.valuesJson) as ReportValues) : { filled: 0, required: 0 };
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
  const def = parse<ReportFormDefinition>((await formsRepository.version(db, form.id, form.currentVersion))?.definition ?? '{"sections":[],"rules":[]}');
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
  const unitIds = (await expectedUnitIds(db, form)).filter((id) => inScope(scope, id));
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
