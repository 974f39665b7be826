import type { z } from 'zod';
import type {
  RequestListItem,
  RequestListQuery,
  ServiceCategory,
  ServiceRequest,
  UnitStats,
  accountListQuery,
  createAccountBody,
  createCategoryBody,
  createRequestBody,
  rateBody,
  statsQuery,
  transferBody,
  updateCategoryBody,
} from '../../../shared/modules/services.schemas';
import { separationProblem } from '../../../shared/permissions';
import {
  type Rating,
  type RequestChannel,
  type RequestStatus,
  closedOnTime,
  periodRange,
  ratingOutcome,
  serviceRates,
} from '../../../shared/rules/services-requests';
import { requirePermission, scopeFor, scopeIfHeld } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import { hashPassword, temporaryPassword } from '../../core/auth/password';
import { workingDaysFromTo } from '../../core/calendar/calendar.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { events } from '../../core/events/events';
import { AppError, fieldError, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { unitsRepository } from '../../core/org/units.repository';
import { rolesRepository } from '../../core/roles/roles.repository';
import { countyDay } from '../../core/scheduler/scheduler';
import { tasksRepository } from '../../core/tasks/tasks.repository';
import { createTask, finishTask } from '../../core/tasks/tasks.service';
import { usersRepository } from '../../core/users/users.repository';
import { liftOf } from './lift.service';
import { requestAttachmentOwner } from './services.attachments';
import { actionsOf, isFirm } from './services.policy';
import { FIRMS_UNIT_CODE, type ListedRow, type RequestRow, servicesRepository } from './services.repository';

const MODULE = 'services';
const today = (deps: Pick<Deps, 'clock'>) => countyDay(deps.clock.now());
const requestLink = (id: number) => `/services/requests/${id}`;
const conflict = (key: 'err.service.not_open' | 'err.service.parts_open' | 'err.service.not_closed' | 'err.service.confirmed') =>
  new AppError('CONFLICT', {}, { status: { key } });

const categoryOf = (r: { id: number; code: string; nameZh: string; nameEn: string; limitDays: number; active: number }): ServiceCategory => ({
  id: r.id,
  code: r.code,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  limitDays: r.limitDays,
  active: r.active === 1,
});

/** The request categories and their time limits (every reader: a firm picks one when it submits). */
export async function listCategories(deps: Deps, ctx: UserContext) {
  requirePermission(ctx, 'service:read');
  return (await servicesRepository.categories(deps.db)).map(categoryOf);
}

/** The office adds a category. */
export async function createCategory(deps: Deps, ctx: UserContext, body: z.infer<typeof createCategoryBody>): Promise<ServiceCategory> {
  requirePermission(ctx, 'service:manage');
  return events.transaction(deps, async (trx) => {
    if (await servicesRepository.categoryByCode(trx, body.code)) throw fieldError({ code: 'err.service.category_code_taken' });
    const last = (await servicesRepository.categories(trx)).at(-1);
    const values = { ...body, active: body.active ? 1 : 0, sortOrder: (last?.sortOrder ?? 0) + 10, updatedAt: deps.clock.now().toISOString() };
    const id = await servicesRepository.insertCategory(trx, values);
    await recordAudit(trx, deps, ctx, { action: 'service_category.create', entityType: 'service_category', entityId: id, after: values });
    return categoryOf({ id, ...values });
  });
}

/** The office edits a category: its names, its time limit (new requests get it), whether it is offered. */
export async function updateCategory(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateCategoryBody>): Promise<ServiceCategory> {
  requirePermission(ctx, 'service:manage');
  return events.transaction(deps, async (trx) => {
    const before = await servicesRepository.category(trx, id);
    if (!before) throw notFound();
    if (body.code !== undefined && body.code !== before.code && (await servicesRepository.categoryByCode(trx, body.code)))
      throw fieldError({ code: 'err.service.category_code_taken' });
    const { active, ...rest } = body;
    const changes = { ...rest, ...(active === undefined ? {} : { active: active ? 1 : 0 }), updatedAt: deps.clock.now().toISOString() };
    await servicesRepository.updateCategory(trx, id, changes);
    const after = { ...before, ...changes };
    await recordAudit(trx, deps, ctx, { action: 'service_category.update', entityType: 'service_category', entityId: id, before, after });
    return categoryOf(after);
  });
}

/** Whether the caller is the firm of a request (an enterprise account of that firm). */
type UnitBrief = { id: number; nameZh: string; nameEn: string };
async function unitNames(db: Executor, ids: number[]): Promise<(id: number) => UnitBrief> {
  const units = await servicesRepository.unitsByIds(db, [...new Set(ids)]);
  return (id) => {
    const u = units.find((x) => x.id === id);
    return { id, nameZh: u?.nameZh ?? '', nameEn: u?.nameEn ?? '' };
  };
}

function listItem(r: ListedRow, unit: (id: number) => UnitBrief, day: string): RequestListItem {
  return {
    id: r.id,
    enterprise: { id: r.enterpriseId, name: r.enterpriseName },
    townshipUnit: unit(r.townshipUnitId),
    ownerUnit: unit(r.ownerUnitId),
    channel: r.channel as RequestChannel,
    category: { id: r.categoryId, code: r.categoryCode, nameZh: r.categoryNameZh, nameEn: r.categoryNameEn, limitDays: r.categoryLimitDays },
    title: r.title,
    status: r.status as RequestStatus,
    receivedDate: r.receivedDate,
    dueDate: r.dueDate,
    closedDate: r.closedDate,
    overdue: r.status === 'open' && r.dueDate < day,
    onTime: r.onTime === null ? null : r.onTime === 1,
    rating: r.rating as Rating | null,
    reopenCount: r.reopenCount,
    openParts: Number(r.openParts ?? 0),
  };
}

async function describeList(db: Executor, rows: ListedRow[], day: string): Promise<RequestListItem[]> {
  const unit = await unitNames(
    db,
    rows.flatMap((r) => [r.townshipUnitId, r.ownerUnitId]),
  );
  return rows.map((r) => listItem(r, unit, day));
}

/** One page of the requests the caller may see: a firm its own, a township its firms', a unit those it owns or handles a part of. */
export async function listRequests(deps: Deps, ctx: UserContext, query: RequestListQuery) {
  requirePermission(ctx, 'service:read');
  const day = today(deps);
  const { rows, total } = await servicesRepository.list(deps.db, query, await scopeFor(deps.db, ctx.user, 'service:read'), day);
  return { items: await describeList(deps.db, rows, day), total, page: query.page, pageSize: query.pageSize };
}

/** Every request of the list's filters, for export. */
export async function allRequests(deps: Deps, ctx: UserContext, filter: Omit<RequestListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'service:read');
  const day = today(deps);
  return describeList(deps.db, await servicesRepository.all(deps.db, filter, await scopeFor(deps.db, ctx.user, 'service:read'), day), day);
}

async function visible(db: Executor, ctx: UserContext, id: number): Promise<RequestRow> {
  const row = await servicesRepository.find(db, id, await scopeFor(db, ctx.user, 'service:read'));
  if (!row) throw notFound();
  return row;
}

/** One request with its parts and history; the firm sees the replies, its own words and ratings, not the units' notes. */
export async function getRequest(deps: Deps, ctx: UserContext, id: number): Promise<ServiceRequest> {
  requirePermission(ctx, 'service:read');
  const day = today(deps);
  const listed = await servicesRepository.findListed(deps.db, id, await scopeFor(deps.db, ctx.user, 'service:read'), day);
  if (!listed) throw notFound();
  const firm = isFirm(ctx, listed.enterpriseId);
  const [parts, events] = await Promise.all([servicesRepository.parts(deps.db, id), servicesRepository.events(deps.db, id, firm)]);
  const unit = await unitNames(deps.db, [
    listed.townshipUnitId,
    listed.ownerUnitId,
    ...parts.map((p) => p.unitId),
    ...events.flatMap((e) => (e.unitId === null ? [] : [e.unitId])),
  ]);
  const canHandle = ctx.user.permissions.has('service:handle');
  return {
    ...listItem(listed, unit, day),
    content: listed.content,
    reply: listed.reply,
    ratingComment: listed.ratingComment,
    workingDays: listed.workingDays,
    taskId: firm ? null : listed.taskId,
    parts: firm
      ? []
      : parts.map((p) => ({
          id: p.id,
          unit: unit(p.unitId),
          reason: p.reason,
          dueDate: p.dueDate,
          taskId: p.taskId,
          reply: p.reply,
          repliedAt: p.repliedAt,
          status: p.status as 'open' | 'replied',
          canReply: canHandle && p.unitId === ctx.user.unitId && p.status === 'open' && listed.status === 'open',
        })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind as ServiceRequest['events'][number]['kind'],
      // The firm sees which unit answered, not which official.
      user: firm ? null : (e.displayName ?? null),
      unit: e.unitId === null ? null : unit(e.unitId),
      text: e.text,
    })),
    actions: actionsOf(ctx, listed, parts),
    lift: firm ? null : await liftOf(deps.db, listed, await unitNames(deps.db, [listed.liftUnitId ?? listed.ownerUnitId])),
    canAddFiles: await requestAttachmentOwner.canWrite(deps.db, ctx, String(id)),
  };
}

async function addEvent(trx: Trx, deps: Deps, ctx: UserContext, requestId: number, kind: string, text: string, isPublic: boolean) {
  await servicesRepository.addEvent(trx, {
    requestId,
    at: deps.clock.now().toISOString(),
    kind,
    userId: ctx.user.id,
    unitId: ctx.user.enterpriseId === null ? ctx.user.unitId : null,
    text,
    public: isPublic ? 1 : 0,
  });
}

/** The owner's 督办 task for the request's current round: created with the category's limit on the county calendar. */
async function ownerTask(
  trx: Trx,
  deps: Deps,
  ctx: UserContext,
  r: { id: number; title: string; enterpriseId: number; ownerUnitId: number },
  limitDays: number,
  round: string,
) {
  const taskId = await createTask(trx, deps, ctx, {
    type: 'service_request',
    title: `企业诉求：${r.title}`,
    source: { module: MODULE, recordId: round === '' ? r.id : `${r.id}/${round}` },
    enterpriseId: r.enterpriseId,
    ownerUnitId: r.ownerUnitId,
    createdByUnitId: r.ownerUnitId,
    dueInWorkingDays: limitDays,
  });
  const task = await tasksRepository.findById(trx, taskId);
  if (!task) throw new AppError('INTERNAL');
  return { taskId, dueDate: task.dueDate };
}

/**
 * A new request. A firm submits its own through the portal and its township receives it first; staff enter one
 * received by visit, hotline or meeting, and their unit is the first to receive it. Either way that unit owns it
 * (首接负责制) and gets a 督办 task due within the category's working days.
 */
export async function createRequest(deps: Deps, ctx: UserContext, body: z.infer<typeof createRequestBody>): Promise<ServiceRequest> {
  const firmId = ctx.user.permissions.has('service:submit') ? ctx.user.enterpriseId : null;
  if (firmId === null) requirePermission(ctx, 'service:handle');
  if ((firmId !== null) !== (body.channel === 'portal')) throw fieldError({ channel: 'err.service.portal_channel' });
  const id = await events.transaction(deps, async (trx) => {
    const category = await servicesRepository.category(trx, body.categoryId);
    if (category?.active !== 1) throw fieldError({ categoryId: 'err.service.category_unknown' });
    let enterprise: { id: number; name: string; townshipUnitId: number } | undefined;
    if (firmId !== null) {
      // A firm speaks for itself only: another firm's id is simply not found.
      if (body.enterpriseId !== undefined && body.enterpriseId !== firmId) throw notFound();
      enterprise = await servicesRepository.enterprise(trx, firmId, { all: true });
    } else {
      if (body.enterpriseId === undefined) throw fieldError({ enterpriseId: 'err.required' });
      const scope = await scopeIfHeld(trx, ctx.user, 'enterprise:read');
      enterprise = await servicesRepository.enterprise(trx, body.enterpriseId, scope);
      if (!enterprise) throw fieldError({ enterpriseId: 'err.service.enterprise_unknown' });
    }
    if (!enterprise) throw notFound();
    const ownerUnitId = firmId !== null ? enterprise.townshipUnitId : ctx.user.unitId;
    const now = deps.clock.now().toISOString();
    const values = {
      enterpriseId: enterprise.id,
      townshipUnitId: enterprise.townshipUnitId,
      ownerUnitId,
      channel: body.channel,
      categoryId: category.id,
      title: body.title,
      content: body.content,
      status: 'open',
      receivedDate: today(deps),
      dueDate: today(deps),
      taskId: null,
      reply: null,
      closedDate: null,
      workingDays: null,
      onTime: null,
      rating: null,
      ratingComment: null,
      ratedAt: null,
      createdBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    };
    const id = await servicesRepository.insert(trx, values);
    const { taskId, dueDate } = await ownerTask(trx, deps, ctx, { id, title: body.title, enterpriseId: enterprise.id, ownerUnitId }, category.limitDays, '');
    await servicesRepository.update(trx, id, { taskId, dueDate });
    await addEvent(trx, deps, ctx, id, firmId !== null ? 'submitted' : 'received', body.title, true);
    await recordAudit(trx, deps, ctx, { action: 'service_request.create', entityType: 'service_request', entityId: id, after: { ...values, taskId, dueDate } });
    return id;
  });
  return getRequest(deps, ctx, id);
}

/** The units a part of a request may be handed to. */
export async function handoverUnits(deps: Deps, ctx: UserContext) {
  requirePermission(ctx, 'service:handle');
  return servicesRepository.handoverUnits(deps.db);
}

/** A handling note by the owner or a unit handling a part (the firm does not see these). */
export async function addNote(deps: Deps, ctx: UserContext, id: number, text: string): Promise<ServiceRequest> {
  requirePermission(ctx, 'service:handle');
  await events.transaction(deps, async (trx) => {
    const row = await visible(trx, ctx, id);
    if (!actionsOf(ctx, row, await servicesRepository.parts(trx, id)).includes('note')) throw new AppError('FORBIDDEN');
    await addEvent(trx, deps, ctx, id, 'note', text, false);
    await recordAudit(trx, deps, ctx, { action: 'service_request.note', entityType: 'service_request', entityId: id, after: { text } });
  });
  return getRequest(deps, ctx, id);
}

/** The owner hands a part to another unit, with a reason and its own deadline (a 督办 task of that unit); it stays the owner. */
export async function transferPart(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof transferBody>): Promise<ServiceRequest> {
  requirePermission(ctx, 'service:handle');
  await events.transaction(deps, async (trx) => {
    const row = await visible(trx, ctx, id);
    if (row.ownerUnitId !== ctx.user.unitId) throw fieldError({ unitId: 'err.service.not_owner' });
    if (row.status !== 'open') throw conflict('err.service.not_open');
    if (body.unitId === row.ownerUnitId) throw fieldError({ unitId: 'err.service.part_self' });
    const [unit] = await servicesRepository.unitsByIds(trx, [body.unitId]);
    if (unit?.active !== 1 || unit.kind === 'enterprise') throw fieldError({ unitId: 'err.unit_not_found' });
    const now = deps.clock.now().toISOString();
    const partId = await servicesRepository.insertPart(trx, {
      requestId: id,
      unitId: body.unitId,
      reason: body.reason,
      dueDate: today(deps),
      taskId: null,
      status: 'open',
      reply: null,
      repliedDate: null,
      repliedAt: null,
      repliedBy: null,
      createdAt: now,
    });
    const taskId = await createTask(trx, deps, ctx, {
      type: 'service_part',
      title: `企业诉求分办：${row.title}`,
      description: body.reason,
      source: { module: MODULE, recordId: `${id}/part/${partId}` },
      enterpriseId: row.enterpriseId,
      ownerUnitId: body.unitId,
      createdByUnitId: row.ownerUnitId,
      dueInWorkingDays: body.workingDays,
    });
    const task = await tasksRepository.findById(trx, taskId);
    await servicesRepository.updatePart(trx, partId, { taskId, dueDate: task?.dueDate ?? today(deps) });
    await addEvent(trx, deps, ctx, id, 'transfer', `${unit.nameZh}：${body.reason}`, false);
    await servicesRepository.update(trx, id, { updatedAt: now });
    await recordAudit(trx, deps, ctx, { action: 'service_request.transfer', entityType: 'service_request', entityId: id, after: { partId, ...body, taskId } });
  });
  return getRequest(deps, ctx, id);
}

/** The unit handling a part replies to the owner; its task is done. */
export async function replyPart(deps: Deps, ctx: UserContext, id: number, partId: number, text: string): Promise<ServiceRequest> {
  requirePermission(ctx, 'service:handle');
  await events.transaction(deps, async (trx) => {
    const row = await visible(trx, ctx, id);
    const part = (await servicesRepository.parts(trx, id)).find((p) => p.id === partId);
    if (!part) throw notFound();
    if (part.unitId !== ctx.user.unitId) throw new AppError('FORBIDDEN');
    if (part.status !== 'open' || row.status !== 'open') throw conflict('err.service.not_open');
    const now = deps.clock.now().toISOString();
    const changes = { status: 'replied', reply: text, repliedDate: today(deps), repliedAt: now, repliedBy: ctx.user.id };
    await servicesRepository.updatePart(trx, partId, changes);
    await finishTask(trx, deps, ctx, part.taskId, '分办事项已回复', 'task.service_done');
    await addEvent(trx, deps, ctx, id, 'part_reply', text, false);
    await recordAudit(trx, deps, ctx, { action: 'service_request.part_reply', entityType: 'service_request', entityId: id, before: part, after: changes });
    await notify(trx, deps, {
      unitIds: [row.ownerUnitId],
      exceptUserIds: [ctx.user.id],
      kind: 'service.part_replied',
      title: { zh: `分办事项已回复：${row.title}`, en: `A part was answered: ${row.title}` },
      link: requestLink(id),
      entityType: 'service_request',
      entityId: id,
      unitPermission: 'service:handle',
    });
  });
  return getRequest(deps, ctx, id);
}

/** The owner replies to the firm and closes the request, once every part is answered; the firm then rates it. */
export async function replyAndClose(deps: Deps, ctx: UserContext, id: number, text: string): Promise<ServiceRequest> {
  requirePermission(ctx, 'service:handle');
  await events.transaction(deps, async (trx) => {
    const row = await visible(trx, ctx, id);
    if (row.ownerUnitId !== ctx.user.unitId) throw fieldError({ text: 'err.service.not_owner' });
    if (row.status !== 'open') throw conflict('err.service.not_open');
    if ((await servicesRepository.parts(trx, id)).some((p) => p.status === 'open')) throw conflict('err.service.parts_open');
    const day = today(deps);
    const onTime = closedOnTime(day, row.dueDate, row.wasLate === 1);
    const changes = {
      status: 'closed',
      reply: text,
      closedDate: day,
      workingDays: Math.max(0, await workingDaysFromTo(trx, row.receivedDate, day)),
      onTime: onTime ? 1 : 0,
      wasLate: onTime ? row.wasLate : 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    if (!(await servicesRepository.transition(trx, id, 'open', changes))) throw conflict('err.service.not_open');
    await finishTask(trx, deps, ctx, row.taskId, '已答复企业并办结', 'task.service_done');
    await addEvent(trx, deps, ctx, id, 'reply', text, true);
    await recordAudit(trx, deps, ctx, { action: 'service_request.reply', entityType: 'service_request', entityId: id, before: row, after: changes });
    await notify(trx, deps, {
      userIds: await servicesRepository.firmUserIds(trx, row.enterpriseId),
      kind: 'service.replied',
      title: { zh: `您的诉求已办结，请评价：${row.title}`, en: `Your request was answered; please rate it: ${row.title}` },
      link: requestLink(id),
      entityType: 'service_request',
      entityId: id,
    });
  });
  return getRequest(deps, ctx, id);
}

async function firmRequest(trx: Executor, ctx: UserContext, id: number): Promise<RequestRow> {
  const row = await visible(trx, ctx, id);
  // Only the firm itself rates or comments; staff who can read the request get the same 404 as anyone else.
  if (!isFirm(ctx, row.enterpriseId)) throw notFound();
  return row;
}

/** The firm rates a closed request: 满意/基本满意 confirm it; 不满意 reopens it once with a new deadline. */
export async function rateRequest(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof rateBody>): Promise<ServiceRequest> {
  requirePermission(ctx, 'service:submit');
  await events.transaction(deps, async (trx) => {
    const row = await firmRequest(trx, ctx, id);
    const outcome = ratingOutcome({ status: row.status as RequestStatus, reopenCount: row.reopenCount }, body.rating);
    if (!outcome.ok) throw conflict('err.service.not_closed');
    const now = deps.clock.now().toISOString();
    await addEvent(trx, deps, ctx, id, 'rating', `${body.rating}${body.comment ? `：${body.comment}` : ''}`, true);
    let changes: Record<string, unknown>;
    if (outcome.reopen) {
      const category = await servicesRepository.category(trx, row.categoryId);
      const { taskId, dueDate } = await ownerTask(trx, deps, ctx, row, category?.limitDays ?? 5, `reopen${row.reopenCount + 1}`);
      changes = {
        status: 'open',
        reopenCount: row.reopenCount + 1,
        taskId,
        dueDate,
        closedDate: null,
        onTime: null,
        workingDays: null,
        rating: null,
        ratingComment: body.comment,
        ratedAt: now,
        updatedAt: now,
      };
      if (!(await servicesRepository.transition(trx, id, 'closed', changes))) throw conflict('err.service.not_closed');
      await addEvent(trx, deps, ctx, id, 'reopen', dueDate, true);
    } else {
      changes = { status: 'confirmed', rating: body.rating, ratingComment: body.comment, ratedAt: now, updatedAt: now };
      if (!(await servicesRepository.transition(trx, id, 'closed', changes))) throw conflict('err.service.not_closed');
    }
    await recordAudit(trx, deps, ctx, {
      action: 'service_request.rate',
      entityType: 'service_request',
      entityId: id,
      before: row,
      after: { ...body, ...changes },
    });
    await notify(trx, deps, {
      unitIds: [row.ownerUnitId],
      kind: 'service.rated',
      title: outcome.reopen
        ? { zh: `企业不满意，诉求已重新打开：${row.title}`, en: `The firm was not satisfied; request reopened: ${row.title}` }
        : { zh: `企业已确认办结：${row.title}`, en: `The firm confirmed the request closed: ${row.title}` },
      link: requestLink(id),
      entityType: 'service_request',
      entityId: id,
      unitPermission: 'service:handle',
    });
  });
  return getRequest(deps, ctx, id);
}

/** The firm adds to its request (a question, more facts) until it confirms it closed. */
export async function commentOnRequest(deps: Deps, ctx: UserContext, id: number, text: string): Promise<ServiceRequest> {
  requirePermission(ctx, 'service:submit');
  await events.transaction(deps, async (trx) => {
    const row = await firmRequest(trx, ctx, id);
    if (row.status === 'confirmed') throw conflict('err.service.confirmed');
    await addEvent(trx, deps, ctx, id, 'comment', text, true);
    await recordAudit(trx, deps, ctx, { action: 'service_request.comment', entityType: 'service_request', entityId: id, after: { text } });
    await notify(trx, deps, {
      unitIds: [row.ownerUnitId],
      kind: 'service.comment',
      title: { zh: `企业补充了诉求：${row.title}`, en: `The firm added to its request: ${row.title}` },
      link: requestLink(id),
      entityType: 'service_request',
      entityId: id,
      unitPermission: 'service:handle',
    });
  });
  return getRequest(deps, ctx, id);
}

/** Per owner unit over a year or a quarter: received, closed, on-time rate, satisfaction rate, average working days; parts per handling unit. */
export async function unitStatistics(deps: Deps, ctx: UserContext, query: z.infer<typeof statsQuery>) {
  requirePermission(ctx, 'service:read');
  const { from, to } = periodRange(query.year, query.quarter);
  const scope = await scopeFor(deps.db, ctx.user, 'service:read');
  const { requests, parts } = await servicesRepository.stats(deps.db, from, to, scope);
  const unitIds = [...new Set([...requests.map((r) => r.unitId), ...parts.map((p) => p.unitId)])];
  const unit = await unitNames(deps.db, unitIds);
  const items: UnitStats[] = unitIds.map((unitId) => {
    const r = requests.find((x) => x.unitId === unitId);
    const p = parts.find((x) => x.unitId === unitId);
    const counts = {
      closed: Number(r?.closed ?? 0),
      onTime: Number(r?.onTime ?? 0),
      rated: Number(r?.rated ?? 0),
      satisfied: Number(r?.satisfied ?? 0),
      workingDays: Number(r?.workingDays ?? 0),
    };
    return {
      unit: unit(unitId),
      received: Number(r?.received ?? 0),
      ...counts,
      ...serviceRates(counts),
      parts: Number(p?.parts ?? 0),
      partsOnTime: Number(p?.partsOnTime ?? 0),
    };
  });
  items.sort((a, b) => b.received - a.received || a.unit.id - b.unit.id);
  return { from, to, items };
}

/** The unit that holds enterprise accounts, made under the county the first time a firm gets an account. */
export async function ensureFirmsUnit(trx: Trx, deps: Pick<Deps, 'clock'>): Promise<number> {
  const unit = await servicesRepository.firmsUnit(trx);
  if (unit) return unit.id;
  const county = await unitsRepository.findById(trx, await unitsRepository.countyId(trx));
  if (!county) throw fieldError({ enterpriseId: 'err.service.firm_has_no_unit' });
  const now = deps.clock.now().toISOString();
  return unitsRepository.insert(
    trx,
    {
      code: FIRMS_UNIT_CODE,
      kind: 'enterprise',
      nameZh: '企业用户',
      nameEn: 'Enterprise accounts',
      divisionCode: null,
      parentId: county.id,
      sortOrder: 9999,
      active: 1,
      createdAt: now,
      updatedAt: now,
    },
    county.path,
  );
}

/**
 * Makes an enterprise account for a firm (the office, or the firm's township): only the `enterprise` role, linked to
 * the firm, with a one-time password shown once. A business action of this module, audited, because the business
 * roles may not hold `user:manage` (三员分立); the role it grants is checked to hold no administrator permission.
 */
export async function createFirmAccount(
  deps: Deps,
  ctx: UserContext,
  body: z.infer<typeof createAccountBody>,
  password = temporaryPassword(),
  mustChange = true,
) {
  requirePermission(ctx, 'service:accounts');
  const passwordHash = await hashPassword(password);
  const scope = await scopeFor(deps.db, ctx.user, 'service:accounts');
  const created = await events.transaction(deps, async (trx) => {
    const firm = await servicesRepository.servedEnterprise(trx, body.enterpriseId, scope);
    if (!firm) throw fieldError({ enterpriseId: 'err.service.enterprise_unknown' });
    const id = await insertFirmUser(trx, deps, ctx, { ...body, enterpriseId: firm.id, passwordHash, mustChange });
    return {
      id,
      username: body.username,
      displayName: body.displayName,
      phone: body.phone,
      active: true,
      enterprise: { id: firm.id, name: firm.name },
      lastLoginAt: null,
    };
  });
  return { ...created, temporaryPassword: password };
}

/**
 * Writes an enterprise account of a firm the caller may serve: only the `enterprise` role (checked to hold no
 * administrator permission), in the unit of enterprise accounts, audited `user.create_enterprise_account`.
 */
export async function insertFirmUser(
  trx: Trx,
  deps: Deps,
  ctx: UserContext,
  a: { username: string; displayName: string; phone: string | null; enterpriseId: number; passwordHash: string; mustChange: boolean },
): Promise<number> {
  if (await usersRepository.findByUsername(trx, a.username)) throw fieldError({ username: 'err.username_taken' });
  const role = await rolesRepository.findByCode(trx, 'enterprise');
  if (!role) throw fieldError({ enterpriseId: 'err.role_not_found' });
  const problem = separationProblem((await rolesRepository.permissionsOf(trx, [role.id])).map((p) => p.permission));
  if (problem) throw fieldError({ enterpriseId: `err.${problem}` });
  const now = deps.clock.now().toISOString();
  const values = {
    username: a.username,
    displayName: a.displayName,
    phone: a.phone,
    unitId: await ensureFirmsUnit(trx, deps),
    enterpriseId: a.enterpriseId,
    passwordHash: a.passwordHash,
    passwordChangedAt: now,
    passwordChangeReason: a.mustChange ? ('first_login' as const) : null,
    active: 1,
    failedLogins: 0,
    locale: 'zh-CN',
    createdAt: now,
    updatedAt: now,
  };
  const id = await usersRepository.insert(trx, values);
  await usersRepository.setRoles(trx, id, [role.id]);
  const { passwordHash: _h, ...after } = values;
  await recordAudit(trx, deps, ctx, { action: 'user.create_enterprise_account', entityType: 'user', entityId: id, after: { ...after, roles: ['enterprise'] } });
  return id;
}

/** The enterprise accounts of the firms in the caller's scope. */
export async function listFirmAccounts(deps: Deps, ctx: UserContext, query: z.infer<typeof accountListQuery>) {
  requirePermission(ctx, 'service:accounts');
  const { rows, total } = await servicesRepository.accounts(deps.db, query, await scopeFor(deps.db, ctx.user, 'service:accounts'));
  return {
    items: rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      phone: r.phone,
      active: r.active === 1,
      lastLoginAt: r.lastLoginAt,
      enterprise: { id: r.enterpriseId, name: r.enterpriseName },
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
