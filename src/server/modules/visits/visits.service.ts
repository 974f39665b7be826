import type { z } from 'zod';
import type {
  Assignment,
  AssignmentListQuery,
  Coverage,
  Exchange,
  ExchangeListQuery,
  Visit,
  VisitListItem,
  VisitListQuery,
  assignBody,
  coverageQuery,
  coverageSettingsSchema,
  createExchangeBody,
  createVisitBody,
  deleteVisitBody,
  updateExchangeBody,
  updateVisitBody,
  VisitSettings,
} from '../../../shared/modules/visits.schemas';
import { visitSettingsSchema } from '../../../shared/modules/visits.schemas';
import {
  type CoverageSettings,
  DEFAULT_COVERAGE_SETTINGS,
  coverage,
  periodOf,
  periodOfKey,
  reckoningDay,
  shiftPeriod,
} from '../../../shared/rules/visits-coverage';
import { DEFAULT_EDIT_DAYS, type VisitChange, visitChangeRefusal } from '../../../shared/rules/visits-edit';
import { addCalendarDays } from '../../../shared/rules/working-days';
import { type Scope, requirePermission, scopeFor, scopeIncludes } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { attachmentsRepository } from '../../core/attachments/attachments.repository';
import type { AttachmentOwner } from '../../core/attachments/owners';
import { recordAudit } from '../../core/audit/audit.service';
import { workingDaysFromTo } from '../../core/calendar/calendar.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { batches } from '../../core/db/batch';
import type { Pace } from '../../core/excel/import';
import { AppError, type FieldProblem, fieldError, forbidden, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { type Job, countyDay } from '../../core/scheduler/scheduler';
import { settingsStore } from '../../core/settings/settings-store';
import { createTask } from '../../core/tasks/tasks.service';
import { createReceivedRequest, requestStatuses } from '../services';
import { visitCan, visitChange, writesVisit } from './visits.policy';
import { type AssignmentRow, type ExchangeRow, type VisitRow, visitsRepository } from './visits.repository';

const MODULE = 'visits';
const today = (deps: Pick<Deps, 'clock'>) => countyDay(deps.clock.now());
type UnitBrief = { id: number; nameZh: string; nameEn: string };
type Problems = Record<string, FieldProblem | Parameters<typeof fieldError>[0][string]>;

async function unitNames(db: Executor, ids: number[]): Promise<(id: number) => UnitBrief> {
  const units = new Map((await visitsRepository.unitsByIds(db, ids)).map((u) => [u.id, u]));
  return (id) => {
    const u = units.get(id);
    return { id, nameZh: u?.nameZh ?? '', nameEn: u?.nameEn ?? '' };
  };
}

// ---- Officers and assignments (首席服务官) ---------------------------------------------------------------------

/**
 * The staff a firm may be assigned to: any active staff account (not a firm's, not a bank's), service officers
 * first. The officer's unit is the team (专班) whose scope the firm then falls in.
 */
export async function listOfficers(deps: Deps, ctx: UserContext) {
  requirePermission(ctx, 'visit:read');
  const rows = await visitsRepository.staff(deps.db);
  return rows
    .map((r) => ({
      id: r.id,
      displayName: r.displayName,
      unit: { id: r.unitId, nameZh: r.nameZh, nameEn: r.nameEn },
      serviceOfficer: Boolean(Number(r.serviceOfficer)),
    }))
    .sort((a, b) => Number(b.serviceOfficer) - Number(a.serviceOfficer) || a.id - b.id);
}

async function describeAssignments(db: Executor, rows: AssignmentRow[], day: string): Promise<Assignment[]> {
  const unit = await unitNames(
    db,
    rows.flatMap((r) => [r.teamUnitId, r.townshipUnitId]),
  );
  return rows.map((r) => ({
    id: r.id,
    enterprise: { id: r.enterpriseId, name: r.enterpriseName },
    township: unit(r.townshipUnitId),
    officer: { id: r.officerUserId, displayName: r.officerName },
    team: unit(r.teamUnitId),
    fromDate: r.fromDate,
    toDate: r.toDate,
    current: r.fromDate <= day && (r.toDate === null || r.toDate >= day),
    note: r.note,
  }));
}

/** One page of assignments in scope (the current ones unless `current=false` asks for the history). */
export async function listAssignments(deps: Deps, ctx: UserContext, q: AssignmentListQuery) {
  requirePermission(ctx, 'visit:read');
  const day = today(deps);
  const { rows, total } = await visitsRepository.listAssignments(deps.db, q, await scopeFor(deps.db, ctx.user, 'visit:read'), day);
  return { items: await describeAssignments(deps.db, rows, day), total, page: q.page, pageSize: q.pageSize };
}

export async function allAssignments(deps: Deps, ctx: UserContext, f: Omit<AssignmentListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'visit:read');
  const day = today(deps);
  return describeAssignments(deps.db, await visitsRepository.allAssignments(deps.db, f, await scopeFor(deps.db, ctx.user, 'visit:read'), day), day);
}

async function staffUser(db: Executor, id: number) {
  const [user] = await visitsRepository.usersByIds(db, [id]);
  if (user?.active !== 1 || user.enterpriseId !== null) return undefined;
  const [unit] = await visitsRepository.unitsByIds(db, [user.unitId]);
  return unit && unit.kind !== 'enterprise' && unit.kind !== 'bank' ? user : undefined;
}

/**
 * The office assigns firms to an officer from a day (bulk, from a list). Each firm's assignment in force on that day
 * ends the day before; a firm whose current assignment starts on or after that day is refused (the history never
 * overlaps). The firm's profile shows its chief officer once the assignment has started.
 */
export async function assignFirms(deps: Deps, ctx: UserContext, body: z.infer<typeof assignBody>) {
  requirePermission(ctx, 'visit:manage');
  return deps.db.transaction().execute(async (trx) => {
    const officer = await staffUser(trx, body.officerUserId);
    const problems: Problems = {};
    if (!officer) problems.officerUserId = 'err.visit.officer_unknown';
    const ids = [...new Set(body.enterpriseIds)];
    const firms = new Map((await visitsRepository.enterprises(trx, ids)).map((f) => [f.id, f]));
    body.enterpriseIds.forEach((id, i) => {
      if (!firms.has(id)) problems[`enterpriseIds.${i}`] = 'err.visit.enterprise_unknown';
    });
    const open = await visitsRepository.openAssignments(trx, ids, addCalendarDays(body.fromDate, -1));
    body.enterpriseIds.forEach((id, i) => {
      if (open.some((a) => a.enterpriseId === id && a.fromDate >= body.fromDate)) problems[`enterpriseIds.${i}`] = 'err.visit.from_before_current';
    });
    if (Object.keys(problems).length > 0 || !officer) throw fieldError(problems);
    const ended = await writeAssignments(
      trx,
      deps,
      ctx,
      ids.map((enterpriseId) => ({ enterpriseId, officerUserId: officer.id, teamUnitId: officer.unitId, fromDate: body.fromDate, note: body.note })),
    );
    await recordAudit(trx, deps, ctx, {
      action: 'visit_assignment.assign',
      entityType: 'visit_assignment',
      entityId: null,
      after: { enterpriseIds: ids, officerUserId: officer.id, teamUnitId: officer.unitId, fromDate: body.fromDate, ended },
    });
    await notify(trx, deps, {
      userIds: [officer.id],
      kind: 'visit.assigned',
      title: { zh: `您被指定为 ${ids.length} 家企业的首席服务官`, en: `You are the chief service officer of ${ids.length} firm(s)` },
      link: '/visits/assignments',
      entityType: 'visit_assignment',
      entityId: officer.id,
    });
    return { assigned: ids.length };
  });
}

export interface AssignmentWrite {
  enterpriseId: number;
  officerUserId: number;
  teamUnitId: number;
  fromDate: string;
  note: string;
}

/**
 * Writes checked assignments (each firm once): the firm's assignments still open on the new start end the day
 * before it, and the firm's profile names its chief officer once the assignment has started. Returns the ids ended.
 */
export async function writeAssignments(trx: Trx, deps: Deps, ctx: UserContext, rows: AssignmentWrite[], pace?: Pace): Promise<number[]> {
  const now = deps.clock.now().toISOString();
  const day = today(deps);
  const open = new Map<number, { id: number; toDate: string | null }[]>();
  for (const batch of batches(
    rows.map((r) => r.enterpriseId),
    1,
  )) {
    for (const a of await visitsRepository.openAssignments(trx, batch, '0000-01-01')) open.set(a.enterpriseId, [...(open.get(a.enterpriseId) ?? []), a]);
    await pace?.breathe();
  }
  // In multi-row statements: the ends grouped by their day, the inserts in batches, the profiles grouped by officer.
  const ends = new Map<string, number[]>();
  const chiefs = new Map<number, number[]>();
  for (const r of rows) {
    const dayBefore = addCalendarDays(r.fromDate, -1);
    for (const a of open.get(r.enterpriseId) ?? []) {
      if (a.toDate !== null && a.toDate < dayBefore) continue;
      ends.set(dayBefore, [...(ends.get(dayBefore) ?? []), a.id]);
    }
    if (r.fromDate <= day) chiefs.set(r.officerUserId, [...(chiefs.get(r.officerUserId) ?? []), r.enterpriseId]);
    await pace?.tick();
  }
  const ended: number[] = [];
  for (const [toDate, ids] of ends)
    for (const batch of batches(ids, 1)) {
      await visitsRepository.endAssignments(trx, batch, toDate, now);
      ended.push(...batch);
    }
  for (const batch of batches(rows, 9)) {
    await visitsRepository.insertAssignments(
      trx,
      batch.map((r) => ({ ...r, toDate: null, createdBy: ctx.user.id, createdAt: now, updatedAt: now })),
    );
    await pace?.breathe();
  }
  for (const [officerUserId, ids] of chiefs) for (const batch of batches(ids, 1)) await visitsRepository.setChiefOfficers(trx, batch, officerUserId, now);
  return ended;
}

/** The office ends an assignment on a day: the firm has no chief officer until assigned again. */
export async function endAssignment(deps: Deps, ctx: UserContext, id: number, toDate: string): Promise<Assignment> {
  requirePermission(ctx, 'visit:manage');
  const day = today(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await visitsRepository.findAssignment(trx, id, { all: true }, day);
    if (!row) throw notFound();
    if (row.toDate !== null && row.toDate < day) throw new AppError('CONFLICT', {}, { toDate: { key: 'err.visit.ended' } });
    if (toDate < row.fromDate) throw fieldError({ toDate: 'err.visit.to_before_from' });
    const now = deps.clock.now().toISOString();
    await visitsRepository.endAssignment(trx, id, toDate, now);
    if (toDate < day) await visitsRepository.setChiefOfficer(trx, row.enterpriseId, null, now);
    await recordAudit(trx, deps, ctx, { action: 'visit_assignment.end', entityType: 'visit_assignment', entityId: id, before: row, after: { toDate } });
  });
  const row = await visitsRepository.findAssignment(deps.db, id, { all: true }, day);
  if (!row) throw notFound();
  return (await describeAssignments(deps.db, [row], day))[0] as Assignment;
}

// ---- Cadre exchange (政企干部双向交流) -------------------------------------------------------------------------

async function describeExchanges(db: Executor, rows: ExchangeRow[], day: string): Promise<Exchange[]> {
  const unit = await unitNames(
    db,
    rows.map((r) => r.unitId),
  );
  return rows.map((r) => ({
    id: r.id,
    personName: r.personName,
    direction: r.direction as Exchange['direction'],
    unit: unit(r.unitId),
    enterprise: { id: r.enterpriseId, name: r.enterpriseName },
    role: r.role,
    fromDate: r.fromDate,
    toDate: r.toDate,
    current: r.fromDate <= day && (r.toDate === null || r.toDate >= day),
    note: r.note,
  }));
}

export async function listExchanges(deps: Deps, ctx: UserContext, q: ExchangeListQuery) {
  requirePermission(ctx, 'visit:read');
  const day = today(deps);
  const { rows, total } = await visitsRepository.listExchanges(deps.db, q, await scopeFor(deps.db, ctx.user, 'visit:read'), day);
  return { items: await describeExchanges(deps.db, rows, day), total, page: q.page, pageSize: q.pageSize };
}

export async function allExchanges(deps: Deps, ctx: UserContext, f: Omit<ExchangeListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'visit:read');
  const day = today(deps);
  return describeExchanges(deps.db, await visitsRepository.allExchanges(deps.db, f, await scopeFor(deps.db, ctx.user, 'visit:read'), day), day);
}

async function checkExchange(db: Executor, v: { unitId: number; enterpriseId: number; fromDate: string; toDate: string | null }) {
  const problems: Problems = {};
  const [unit] = await visitsRepository.unitsByIds(db, [v.unitId]);
  if (unit?.active !== 1 || unit.kind === 'enterprise' || unit.kind === 'bank') problems.unitId = 'err.visit.unit_unknown';
  if (!(await visitsRepository.enterprise(db, v.enterpriseId))) problems.enterpriseId = 'err.visit.enterprise_unknown';
  if (v.toDate !== null && v.toDate < v.fromDate) problems.toDate = 'err.visit.to_before_from';
  if (Object.keys(problems).length > 0) throw fieldError(problems);
}

async function oneExchange(db: Executor, id: number, day: string) {
  const row = await visitsRepository.findExchange(db, id, { all: true }, day);
  if (!row) throw notFound();
  return (await describeExchanges(db, [row], day))[0] as Exchange;
}

export async function createExchange(deps: Deps, ctx: UserContext, body: z.infer<typeof createExchangeBody>): Promise<Exchange> {
  requirePermission(ctx, 'visit:manage');
  const id = await deps.db.transaction().execute(async (trx) => {
    await checkExchange(trx, body);
    const now = deps.clock.now().toISOString();
    const values = { ...body, createdBy: ctx.user.id, createdAt: now, updatedAt: now };
    const id = await visitsRepository.insertExchange(trx, values);
    await recordAudit(trx, deps, ctx, { action: 'visit_exchange.create', entityType: 'visit_exchange', entityId: id, after: values });
    return id;
  });
  return oneExchange(deps.db, id, today(deps));
}

export async function updateExchange(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateExchangeBody>): Promise<Exchange> {
  requirePermission(ctx, 'visit:manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await visitsRepository.findExchange(trx, id, { all: true }, today(deps));
    if (!before) throw notFound();
    const merged = { ...before, ...body };
    await checkExchange(trx, merged);
    const changes = { ...body, updatedAt: deps.clock.now().toISOString() };
    await visitsRepository.updateExchange(trx, id, changes);
    await recordAudit(trx, deps, ctx, {
      action: 'visit_exchange.update',
      entityType: 'visit_exchange',
      entityId: id,
      before,
      after: { ...before, ...changes },
    });
  });
  return oneExchange(deps.db, id, today(deps));
}

export async function deleteExchange(deps: Deps, ctx: UserContext, id: number) {
  requirePermission(ctx, 'visit:manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await visitsRepository.findExchange(trx, id, { all: true }, today(deps));
    if (!before) throw notFound();
    await visitsRepository.deleteExchange(trx, id);
    await recordAudit(trx, deps, ctx, { action: 'visit_exchange.delete', entityType: 'visit_exchange', entityId: id, before });
  });
  return { ok: true };
}

// ---- Visits (走访) ---------------------------------------------------------------------------------------------

async function describeVisits(db: Executor, rows: VisitRow[]): Promise<VisitListItem[]> {
  const unit = await unitNames(
    db,
    rows.flatMap((r) => [r.teamUnitId, r.townshipUnitId]),
  );
  const officers = await visitsRepository.officersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    visitDate: r.visitDate,
    enterprise: { id: r.enterpriseId, name: r.enterpriseName },
    township: unit(r.townshipUnitId),
    team: unit(r.teamUnitId),
    officers: officers.filter((o) => o.visitId === r.id).map((o) => ({ id: o.id, displayName: o.displayName })),
    peopleMet: r.peopleMet,
    problems: Number(r.problems ?? 0),
    openProblems: Number(r.openProblems ?? 0),
  }));
}

export async function listVisits(deps: Deps, ctx: UserContext, q: VisitListQuery) {
  requirePermission(ctx, 'visit:read');
  const { rows, total } = await visitsRepository.listVisits(deps.db, q, await scopeFor(deps.db, ctx.user, 'visit:read'));
  return { items: await describeVisits(deps.db, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function allVisits(deps: Deps, ctx: UserContext, f: Omit<VisitListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'visit:read');
  return describeVisits(deps.db, await visitsRepository.allVisits(deps.db, f, await scopeFor(deps.db, ctx.user, 'visit:read')));
}

/** A visit in the caller's scope (another team's is not found). */
async function visibleVisit(db: Executor, ctx: UserContext, id: number) {
  const row = await visitsRepository.findVisit(db, id, await scopeFor(db, ctx.user, 'visit:read'));
  if (!row) throw notFound();
  return row;
}

/** The caller's `visit:write` scope, or null without the permission. */
async function writeScopeOf(db: Executor, ctx: UserContext): Promise<Scope | null> {
  return ctx.user.permissions.has('visit:write') ? scopeFor(db, ctx.user, 'visit:write') : null;
}

/** Whether the caller may write to a visit they can see (`writesVisit` in the policy). */
async function canWriteVisit(db: Executor, ctx: UserContext, row: { teamUnitId: number }) {
  return writesVisit(ctx, await writeScopeOf(db, ctx), row);
}

export async function getVisit(deps: Deps, ctx: UserContext, id: number): Promise<Visit> {
  requirePermission(ctx, 'visit:read');
  const row = await visibleVisit(deps.db, ctx, id);
  const [item] = await describeVisits(deps.db, [row]);
  const problems = await visitsRepository.problemsOf(deps.db, id);
  const unit = await unitNames(
    deps.db,
    problems.map((p) => p.ownerUnitId),
  );
  const statuses = await requestStatuses(
    deps.db,
    problems.flatMap((p) => (p.requestId === null ? [] : [p.requestId])),
  );
  const [creator] = row.createdBy === null ? [] : await visitsRepository.usersByIds(deps.db, [row.createdBy]);
  const write = await writeScopeOf(deps.db, ctx);
  const change = await changeOf(deps.db, deps, ctx, row, problems.filter(filed).length, write);
  return {
    ...(item as VisitListItem),
    discussion: row.discussion,
    problemList: problems.map((p) => ({
      id: p.id,
      seq: p.seq,
      text: p.text,
      ownerUnit: unit(p.ownerUnitId),
      taskId: p.taskId,
      taskStatus: p.taskStatus ?? null,
      dueDate: p.dueDate ?? null,
      requestId: p.requestId,
      requestStatus: p.requestId === null ? null : (statuses.get(p.requestId) ?? null),
    })),
    createdBy: creator?.displayName ?? null,
    createdAt: row.createdAt,
    ...visitCan(ctx, write, row, change),
  };
}

const filed = (p: { taskId: number | null; requestId: number | null }) => p.taskId !== null || p.requestId !== null;

/** The facts that decide whether the caller may change a visit (rule `shared/rules/visits-edit.ts`). */
async function changeOf(db: Executor, deps: Deps, ctx: UserContext, row: VisitRow, filedProblems: number, write?: Scope | null) {
  const settings = await coverageSettings(db);
  const scope = write === undefined ? await writeScopeOf(db, ctx) : write;
  return visitChange(ctx, scope, row, { today: today(deps), editDays: settings.editDays, filedProblems });
}

/** Refuses a change the rule refuses: 403 for another officer, 409 with the reason otherwise. */
function refuse(change: VisitChange) {
  const refusal = visitChangeRefusal(change);
  if (refusal === 'not_author') throw forbidden();
  if (refusal === 'window_closed') throw new AppError('CONFLICT', {}, { createdAt: { key: 'err.visit.edit_window', params: { days: change.editDays } } });
  if (refusal === 'problems_filed') throw new AppError('CONFLICT', {}, { problems: { key: 'err.visit.problems_filed' } });
}

/**
 * Its author or the office edits a visit within the setting's days after it was logged: the day (not after today),
 * the officers who went (the author stays one of them), whom they met and what was discussed. Audited with before
 * and after. Another team's visit is not found; another officer of the team is refused.
 */
export async function updateVisit(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateVisitBody>): Promise<Visit> {
  requirePermission(ctx, 'visit:write');
  await deps.db.transaction().execute(async (trx) => {
    const before = await visibleVisit(trx, ctx, id);
    const filedProblems = (await visitsRepository.problemsOf(trx, id)).filter(filed).length;
    refuse({ ...(await changeOf(trx, deps, ctx, before, filedProblems)), action: 'edit' });
    const problems: Problems = {};
    if (body.visitDate !== undefined && body.visitDate > today(deps)) problems.visitDate = 'err.visit.future';
    for (const [i, officerId] of (body.officerUserIds ?? []).entries())
      if (!(await staffUser(trx, officerId))) problems[`officerUserIds.${i}`] = 'err.visit.officer_unknown';
    if (Object.keys(problems).length > 0) throw fieldError(problems);
    const officersBefore = (await visitsRepository.officersOf(trx, [id])).map((o) => o.id);
    const { officerUserIds, ...fields } = body;
    const changes = { ...fields, updatedAt: deps.clock.now().toISOString() };
    await visitsRepository.updateVisit(trx, id, changes);
    let officersAfter = officersBefore;
    if (officerUserIds !== undefined) {
      officersAfter = [...new Set([...(before.createdBy === null ? [] : [before.createdBy]), ...officerUserIds])];
      await visitsRepository.replaceOfficers(trx, id, officersAfter);
    }
    const { enterpriseName: _n, problems: _p, openProblems: _o, ...stored } = before;
    await recordAudit(trx, deps, ctx, {
      action: 'visit.update',
      entityType: 'visit',
      entityId: id,
      before: { ...stored, officerUserIds: officersBefore },
      after: { ...stored, ...changes, officerUserIds: officersAfter },
    });
  });
  return getVisit(deps, ctx, id);
}

/**
 * Its author or the office deletes a visit within the setting's days, with a reason: the visit, its officers and
 * its files go; the audit row keeps the whole record and the reason. A visit whose problems became tasks or
 * requests is refused (409): it may only be edited.
 */
export async function deleteVisit(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof deleteVisitBody>) {
  requirePermission(ctx, 'visit:write');
  await deps.db.transaction().execute(async (trx) => {
    const before = await visibleVisit(trx, ctx, id);
    const problemRows = await visitsRepository.problemsOf(trx, id);
    refuse({ ...(await changeOf(trx, deps, ctx, before, problemRows.filter(filed).length)), action: 'delete' });
    const officers = (await visitsRepository.officersOf(trx, [id])).map((o) => o.id);
    const now = deps.clock.now().toISOString();
    const files = await visitsRepository.liveAttachments(trx, id);
    for (const fileId of files) await attachmentsRepository.softDelete(trx, fileId, now, ctx.user.id);
    await visitsRepository.deleteVisit(trx, id);
    const { enterpriseName: _n, problems: _p, openProblems: _o, ...stored } = before;
    await recordAudit(trx, deps, ctx, {
      action: 'visit.delete',
      entityType: 'visit',
      entityId: id,
      before: { ...stored, officerUserIds: officers, problems: problemRows.map((p) => p.text), attachmentIds: files },
      after: { reason: body.reason },
    });
  });
  return { ok: true };
}

/** The firms the caller may log a visit to, with their chief officer and team. */
export async function visitableFirms(deps: Deps, ctx: UserContext) {
  requirePermission(ctx, 'visit:write');
  const rows = await visitsRepository.visitableFirms(deps.db, await scopeFor(deps.db, ctx.user, 'visit:write'), today(deps));
  const unit = await unitNames(
    deps.db,
    rows.flatMap((r) => (r.teamUnitId === null ? [] : [r.teamUnitId])),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    officer: r.officerUserId === null ? null : { id: r.officerUserId, displayName: r.officerName ?? '' },
    team: r.teamUnitId === null ? null : unit(r.teamUnitId),
  }));
}

export async function problemUnits(deps: Deps, ctx: UserContext) {
  requirePermission(ctx, 'visit:write');
  return visitsRepository.problemUnits(deps.db);
}

/**
 * An officer logs a visit: the day (not after today), the firm (one their team holds or serves; the office any),
 * the officers who went, whom they met, what was discussed and the problems found. In one transaction each problem
 * becomes a `visit_problem` 督办 task of the unit chosen to solve it, due in its working days, and an enterprise
 * service request received by the visitor's unit (channel 走访) through the services module.
 */
export async function createVisit(deps: Deps, ctx: UserContext, body: z.infer<typeof createVisitBody>): Promise<Visit> {
  requirePermission(ctx, 'visit:write');
  const day = today(deps);
  const id = await deps.db.transaction().execute(async (trx) => {
    const scope = await scopeFor(trx, ctx.user, 'visit:write');
    const problems: Problems = {};
    if (body.visitDate > day) problems.visitDate = 'err.visit.future';
    const firm = (await visitsRepository.visitableFirms(trx, scope, day)).find((f) => f.id === body.enterpriseId);
    if (!firm) problems.enterpriseId = 'err.visit.enterprise_unknown';
    const officerIds = [...new Set([ctx.user.id, ...body.officerUserIds])];
    for (const [i, officerId] of body.officerUserIds.entries())
      if (officerId !== ctx.user.id && !(await staffUser(trx, officerId))) problems[`officerUserIds.${i}`] = 'err.visit.officer_unknown';
    const units = new Map((await visitsRepository.problemUnits(trx)).map((u) => [u.id, u]));
    body.problems.forEach((p, i) => {
      if (!units.has(p.ownerUnitId)) problems[`problems.${i}.ownerUnitId`] = 'err.visit.unit_unknown';
    });
    if (Object.keys(problems).length > 0 || !firm) throw fieldError(problems);
    // The team that owns the visit: the firm's chief officer's team, or its service team, as the caller's scope reaches it.
    const teamUnitId =
      scopeIncludes(scope, firm.teamUnitId) && firm.teamUnitId !== null
        ? firm.teamUnitId
        : scopeIncludes(scope, firm.serviceTeamUnitId) && firm.serviceTeamUnitId !== null
          ? firm.serviceTeamUnitId
          : ctx.user.unitId;
    return writeVisit(trx, deps, ctx, { ...body, officerUserIds: officerIds }, firm, teamUnitId, deps.clock.now().toISOString());
  });
  return getVisit(deps, ctx, id);
}

/** Writes a checked visit with its officers and problems (each a 督办 task and a service request) and its audit row. */
export async function writeVisit(
  trx: Trx,
  deps: Deps,
  ctx: UserContext,
  body: z.infer<typeof createVisitBody>,
  firm: { id: number; name: string; townshipUnitId: number },
  teamUnitId: number,
  createdAt: string,
): Promise<number> {
  const officerIds = body.officerUserIds;
  const now = createdAt;
  const values = {
    enterpriseId: firm.id,
    townshipUnitId: firm.townshipUnitId,
    teamUnitId,
    visitDate: body.visitDate,
    peopleMet: body.peopleMet,
    discussion: body.discussion,
    createdBy: ctx.user.id,
    createdAt: now,
    updatedAt: now,
  };
  const visitId = await visitsRepository.insertVisit(trx, values);
  await visitsRepository.insertOfficers(trx, visitId, officerIds);
  const links = [];
  for (const [i, p] of body.problems.entries()) {
    const seq = i + 1;
    const problemId = await visitsRepository.insertProblem(trx, { visitId, seq, text: p.text, ownerUnitId: p.ownerUnitId, taskId: null, requestId: null });
    const short = p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text;
    const taskId = await createTask(trx, deps, ctx, {
      type: 'visit_problem',
      title: `走访问题：${firm.name} ${short}`,
      description: p.text,
      source: { module: MODULE, recordId: `${visitId}/${seq}` },
      enterpriseId: firm.id,
      ownerUnitId: p.ownerUnitId,
      dueInWorkingDays: p.workingDays,
    });
    const request = await createReceivedRequest(trx, deps, ctx, { enterpriseId: firm.id, channel: 'visit', title: `走访发现：${short}`, content: p.text });
    await visitsRepository.setProblemLinks(trx, problemId, taskId, request.id);
    links.push({ seq, taskId, requestId: request.id });
  }
  await recordAudit(trx, deps, ctx, {
    action: 'visit.create',
    entityType: 'visit',
    entityId: visitId,
    after: { ...values, officerUserIds: officerIds, problems: body.problems, links },
  });
  return visitId;
}

/** Files of a visit (photos): read by whoever sees the visit, added by its team's officers and the office. */
export const visitAttachmentOwner: AttachmentOwner = {
  canRead: async (trx, ctx, ownerId) => {
    if (!/^\d+$/.test(ownerId) || !ctx.user.permissions.has('visit:read')) return false;
    return !!(await visitsRepository.findVisit(trx, Number(ownerId), await scopeFor(trx, ctx.user, 'visit:read')));
  },
  canWrite: async (trx, ctx, ownerId) => {
    if (!/^\d+$/.test(ownerId) || !ctx.user.permissions.has('visit:write')) return false;
    const row = await visitsRepository.findVisit(trx, Number(ownerId), await scopeFor(trx, ctx.user, 'visit:read'));
    return !!row && (await canWriteVisit(trx, ctx as UserContext, row));
  },
};

// ---- Coverage (走访覆盖) ---------------------------------------------------------------------------------------

const settingsOfCoverage = settingsStore(
  'visits.coverage',
  visitSettingsSchema,
  { ...DEFAULT_COVERAGE_SETTINGS, editDays: DEFAULT_EDIT_DAYS },
  { action: 'visit.settings', entityType: 'setting' },
);

/** The settings in force: stored over the defaults (a quarter, reminders 10 working days before its end, edits for 7 days). */
export function coverageSettings(db: Executor): Promise<VisitSettings> {
  return settingsOfCoverage.read(db);
}

export async function saveCoverageSettings(deps: Deps, ctx: UserContext, body: z.infer<typeof coverageSettingsSchema>) {
  requirePermission(ctx, 'visit:manage');
  // The body may leave out the edit window: it keeps the one in force.
  await deps.db.transaction().execute(async (trx) => settingsOfCoverage.write(trx, deps, ctx, { ...(await coverageSettings(trx)), ...body }));
  return coverageSettings(deps.db);
}

const PERIODS_SHOWN = 8;

/** Coverage of a period within a scope, by the rule of `shared/rules/visits-coverage.ts`. */
export async function computeCoverage(db: Executor, scope: Scope, settings: CoverageSettings, periodKey: string | undefined, day: string, teamUnitId?: number) {
  const period = periodKey === undefined ? periodOf(settings.period, day) : periodOfKey(settings.period, periodKey);
  if (!period || period.start > day) throw fieldError({ period: 'err.visit.period_unknown' });
  const asOf = reckoningDay(period, day) as string;
  const [assignments, visited] = await Promise.all([
    visitsRepository.assignmentsOverlapping(db, period.start, period.end, scope),
    visitsRepository.visitedFirms(db, period.start, asOf),
  ]);
  const result = coverage(
    period,
    asOf,
    assignments,
    visited.map((enterpriseId) => ({ enterpriseId, visitDate: asOf })),
  );
  const officers = teamUnitId ? result.officers.filter((o) => o.teamUnitId === teamUnitId) : result.officers;
  const teams = teamUnitId ? result.teams.filter((t) => t.teamUnitId === teamUnitId) : result.teams;
  return { period, asOf, officers, teams };
}

/** Coverage per team and officer with each officer's unvisited firms, for a period (the current one by default). */
export async function coverageReport(deps: Deps, ctx: UserContext, q: z.infer<typeof coverageQuery>): Promise<Coverage> {
  requirePermission(ctx, 'visit:read');
  const day = today(deps);
  const settings = await coverageSettings(deps.db);
  const scope = await scopeFor(deps.db, ctx.user, 'visit:read');
  const { period, asOf, officers, teams } = await computeCoverage(deps.db, scope, settings, q.period, day, q.teamUnitId);
  const [users, unit, firms] = await Promise.all([
    visitsRepository.usersByIds(
      deps.db,
      officers.map((o) => o.officerUserId),
    ),
    unitNames(
      deps.db,
      teams.map((t) => t.teamUnitId),
    ),
    visitsRepository.firmNames(
      deps.db,
      officers.flatMap((o) => o.unvisited),
    ),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const firmName = new Map(firms.map((f) => [f.id, f.name]));
  const firmsTotal = teams.reduce((n, t) => n + t.firms, 0);
  const visitedTotal = teams.reduce((n, t) => n + t.visited, 0);
  return {
    period: { ...period, kind: settings.period },
    asOf,
    periods: Array.from({ length: PERIODS_SHOWN }, (_, i) => shiftPeriod(settings.period, day, -i).key),
    total: { firms: firmsTotal, visited: visitedTotal, rate: firmsTotal === 0 ? 1 : visitedTotal / firmsTotal },
    teams: teams.map((t) => ({ team: unit(t.teamUnitId), officers: t.officers, firms: t.firms, visited: t.visited, rate: t.rate })),
    officers: officers.map((o) => ({
      officer: { id: o.officerUserId, displayName: userName.get(o.officerUserId) ?? '' },
      team: unit(o.teamUnitId),
      firms: o.firms,
      visited: o.visited,
      rate: o.rate,
      unvisited: o.unvisited.map((id) => ({ id, name: firmName.get(id) ?? '' })),
    })),
  };
}

/**
 * The daily reminder: once `remindWorkingDays` or fewer working days remain in the current period, each officer with
 * firms not yet visited gets one notice listing them — once per officer and period, whichever day or instance runs.
 */
export async function remindUnvisited(deps: Deps): Promise<number> {
  const day = today(deps);
  const settings = await coverageSettings(deps.db);
  const period = periodOf(settings.period, day);
  const remaining = await workingDaysFromTo(deps.db, day, period.end);
  if (remaining > settings.remindWorkingDays) return 0;
  const { officers } = await computeCoverage(deps.db, { all: true }, settings, period.key, day);
  let sent = 0;
  for (const o of officers.filter((x) => x.unvisited.length > 0)) {
    await deps.db.transaction().execute(async (trx) => {
      if (!(await visitsRepository.claimReminder(trx, o.officerUserId, period.key, o.unvisited.length, deps.clock.now().toISOString()))) return;
      const names = (await visitsRepository.firmNames(trx, o.unvisited.slice(0, 5))).map((f) => f.name);
      const more = o.unvisited.length > 5 ? ` 等 ${o.unvisited.length} 家` : '';
      await notify(trx, deps, {
        userIds: [o.officerUserId],
        kind: 'visit.coverage_reminder',
        title: {
          zh: `${period.key} 尚有 ${o.unvisited.length} 家企业未走访（剩 ${remaining} 个工作日）：${names.join('、')}${more}`,
          en: `${o.unvisited.length} firm(s) not yet visited in ${period.key} (${remaining} working days left): ${names.join(', ')}`,
        },
        link: '/visits/coverage',
        entityType: 'visit_coverage',
        entityId: period.key,
      });
      sent++;
    });
  }
  return sent;
}

export const remindJob: Job = {
  name: 'visits.remind',
  schedule: '0 8 * * *',
  period: countyDay,
  run: async (deps) => {
    const n = await remindUnvisited(deps);
    return n ? `${n} officers reminded of unvisited firms` : null;
  },
};
