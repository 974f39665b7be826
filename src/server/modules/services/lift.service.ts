import type { z } from 'zod';
import type { ServiceRequest, liftDecisionBody } from '../../../shared/modules/services.schemas';
import { requirePermission, scopeFor } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { AppError, fieldError, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { unitsRepository } from '../../core/org/units.repository';
import { addMeetingDecision, meetingDecision, meetingOfKind, meetingsOfKind } from '../meetings';
import { type RequestRow, servicesRepository } from './services.repository';

/** The meetings that take lifted requests: 调度会. */
export const DISPATCH = 'dispatch';
const state = () => new AppError('CONFLICT', {}, { status: { key: 'err.service.lift_state' } });
const requestLink = (id: number) => `/services/requests/${id}`;

async function requestInScope(db: Executor, ctx: UserContext, id: number): Promise<RequestRow> {
  const row = await servicesRepository.find(db, id, await scopeFor(db, ctx.user, 'service:read'));
  if (!row) throw notFound();
  return row;
}

async function event(trx: Trx, deps: Deps, ctx: UserContext, requestId: number, kind: string, text: string, isPublic: boolean) {
  await servicesRepository.addEvent(trx, {
    requestId,
    at: deps.clock.now().toISOString(),
    kind,
    userId: ctx.user.id,
    unitId: ctx.user.unitId,
    text,
    public: isPublic ? 1 : 0,
  });
}

/** Whether the caller's unit handles the request: its owner, or a unit holding a part of it. */
export async function handlesRequest(db: Executor, ctx: UserContext, row: RequestRow) {
  if (!ctx.user.permissions.has('service:handle') || ctx.user.enterpriseId !== null) return false;
  if (row.ownerUnitId === ctx.user.unitId) return true;
  return (await servicesRepository.parts(db, row.id)).some((p) => p.unitId === ctx.user.unitId);
}

/** A handling unit marks an open request as needing a policy decision of a 调度会; the office is told. */
export async function liftRequest(deps: Deps, ctx: UserContext, id: number, reason: string) {
  requirePermission(ctx, 'service:handle');
  await deps.db.transaction().execute(async (trx) => {
    const row = await requestInScope(trx, ctx, id);
    if (!(await handlesRequest(trx, ctx, row))) throw fieldError({ reason: 'err.service.not_handler' });
    if (row.liftStatus !== null) throw new AppError('CONFLICT', {}, { status: { key: 'err.service.lift_exists' } });
    if (row.status !== 'open') throw state();
    const changes = { liftStatus: 'requested', liftReason: reason, liftUnitId: ctx.user.unitId, updatedAt: deps.clock.now().toISOString() };
    await servicesRepository.update(trx, id, changes);
    await event(trx, deps, ctx, id, 'lift', reason, false);
    await recordAudit(trx, deps, ctx, { action: 'service_request.lift', entityType: 'service_request', entityId: id, after: changes });
    await notify(trx, deps, {
      unitIds: await unitsRepository.activeOfficeIds(trx),
      kind: 'service.lift',
      title: { zh: `诉求提请调度会研究：${row.title}`, en: `A request needs a dispatch meeting's decision: ${row.title}` },
      link: requestLink(id),
      entityType: 'service_request',
      entityId: id,
      unitPermission: 'service:manage',
    });
  });
}

/** The 调度会 a lifted request may be put on (the office chooses). */
export async function dispatchMeetings(deps: Deps, ctx: UserContext) {
  requirePermission(ctx, 'service:manage');
  return (await meetingsOfKind(deps.db, DISPATCH)).map(({ id, title, meetingDate, status }) => ({ id, title, meetingDate, status }));
}

/** The office puts a lifted request on a 调度会 (or moves it to another before it is decided); the firm sees it. */
export async function scheduleLift(deps: Deps, ctx: UserContext, id: number, meetingId: number) {
  requirePermission(ctx, 'service:manage');
  await deps.db.transaction().execute(async (trx) => {
    const row = await requestInScope(trx, ctx, id);
    if (row.liftStatus !== 'requested' && row.liftStatus !== 'scheduled') throw state();
    const meeting = await meetingOfKind(trx, meetingId, DISPATCH);
    if (!meeting) throw fieldError({ meetingId: 'err.NOT_FOUND' });
    const changes = { liftStatus: 'scheduled', meetingId, updatedAt: deps.clock.now().toISOString() };
    await servicesRepository.update(trx, id, changes);
    await event(trx, deps, ctx, id, 'meeting', `${meeting.title}（${meeting.meetingDate}）`, true);
    await recordAudit(trx, deps, ctx, {
      action: 'service_request.schedule_lift',
      entityType: 'service_request',
      entityId: id,
      before: { meetingId: row.meetingId },
      after: changes,
    });
    await notify(trx, deps, {
      unitIds: [row.ownerUnitId],
      kind: 'service.lift_scheduled',
      title: { zh: `诉求已列入${meeting.title}：${row.title}`, en: `The request is on ${meeting.title}: ${row.title}` },
      link: requestLink(id),
      entityType: 'service_request',
      entityId: id,
      unitPermission: 'service:handle',
    });
  });
}

/**
 * The office records the meeting's decision on the request: a decision of the held 调度会 (through the meetings
 * module, a 督办 task of its owner unit), which the request shows as its follow-up.
 */
export async function decideLift(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof liftDecisionBody>) {
  requirePermission(ctx, 'service:manage');
  await deps.db.transaction().execute(async (trx) => {
    const row = await requestInScope(trx, ctx, id);
    if (row.liftStatus !== 'scheduled' || row.meetingId === null) throw state();
    const { seq, taskId } = await addMeetingDecision(trx, deps, ctx, row.meetingId, DISPATCH, body);
    const changes = { liftStatus: 'decided', meetingDecisionSeq: seq, updatedAt: deps.clock.now().toISOString() };
    await servicesRepository.update(trx, id, changes);
    await event(trx, deps, ctx, id, 'decision', body.text, true);
    await recordAudit(trx, deps, ctx, {
      action: 'service_request.lift_decision',
      entityType: 'service_request',
      entityId: id,
      after: { ...changes, ...body, taskId },
    });
    await notify(trx, deps, {
      unitIds: [row.ownerUnitId],
      kind: 'service.lift_decided',
      title: { zh: `调度会已对诉求作出决定：${row.title}`, en: `The dispatch meeting decided on the request: ${row.title}` },
      link: requestLink(id),
      entityType: 'service_request',
      entityId: id,
      unitPermission: 'service:handle',
    });
  });
}

/** The lift of a request as staff see it: who asked and why, the meeting, the decision and its task. */
export async function liftOf(
  db: Executor,
  row: RequestRow,
  unit: (id: number) => { id: number; nameZh: string; nameEn: string },
): Promise<ServiceRequest['lift']> {
  if (row.liftStatus === null || row.liftUnitId === null) return null;
  const meeting = row.meetingId === null ? undefined : await meetingOfKind(db, row.meetingId, DISPATCH);
  const decision = row.meetingId === null || row.meetingDecisionSeq === null ? undefined : await meetingDecision(db, row.meetingId, row.meetingDecisionSeq);
  return {
    status: row.liftStatus as NonNullable<ServiceRequest['lift']>['status'],
    reason: row.liftReason ?? '',
    unit: unit(row.liftUnitId),
    meeting: meeting ? { id: meeting.id, title: meeting.title, meetingDate: meeting.meetingDate, status: meeting.status } : null,
    decision: decision
      ? {
          seq: decision.seq,
          text: decision.text,
          ownerUnit: { id: decision.unitId, nameZh: decision.unitNameZh, nameEn: decision.unitNameEn },
          dueDate: decision.dueDate,
          taskId: decision.taskId,
        }
      : null,
  };
}
