// A report's way through review: submit, return, accept (writing the ledger through `reportAccepted`) and reopen.
import type { z } from 'zod';
import { translate } from '../../../shared/i18n/messages';
import type { AcceptPreview, ReportSheet, returnReportBody } from '../../../shared/modules/reports.schemas';
import { type ReportFormDefinition, type ReportValues, blockingProblems, formFields, validateReport } from '../../../shared/rules/report-forms';
import { requirePermission, scopeFor } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { events } from '../../core/events/events';
import { AppError, fieldError, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { type ReportedValueOutcome, previewReportedValues } from '../indicators';
import { getSheetById } from './reports.sheets';
import { unitsRepository } from '../../core/org/units.repository';
import { type ReportFormRow, formsRepository, reportsRepository } from './reports.repository';
import { parse, problemsError, enterpriseProblems, previousValues, definitionOf } from './reports.common';

async function loadForWrite(trx: Trx, ctx: UserContext, id: number, permission: 'report:fill' | 'report:review') {
  const report = await reportsRepository.findById(trx, id, await scopeFor(trx, ctx.user, permission));
  if (!report) throw notFound();
  const form = (await formsRepository.findById(trx, report.formId)) as ReportFormRow;
  const version = await formsRepository.versionById(trx, report.formVersionId);
  return { report, form, definition: definitionOf(version) };
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
    unitIds: toOffice ? await unitsRepository.activeOfficeIds(trx) : [report.unitId],
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
  const fields = mappedFields(definitionOf(version), parse<ReportValues>(report.valuesJson));
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
