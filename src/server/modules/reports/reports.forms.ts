// The report forms: the office designs them, versions them and says who reports on each.
import type { z } from 'zod';
import type { createFormBody, newFormVersionBody, updateFormBody } from '../../../shared/modules/reports.schemas';
import { type ReportFormDefinition, definitionProblems } from '../../../shared/rules/report-forms';
import { requirePermission } from '../../core/access/access';
import type { RequestContext, UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { fieldError, notFound } from '../../core/http/errors';
import { type ReportFormRow, formsRepository } from './reports.repository';
import { describeForm, definitionOf } from './reports.common';

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
    definition: definitionOf(version),
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
