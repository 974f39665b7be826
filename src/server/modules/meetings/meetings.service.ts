import type { z } from 'zod';
import type {
  Meeting,
  MeetingListItem,
  MeetingListQuery,
  createMeetingBody,
  meetingDecisionBody,
  updateMeetingBody,
} from '../../../shared/modules/meetings.schemas';
import { requirePermission, scopeFor } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { fieldError, notFound } from '../../core/http/errors';
import { countyDay } from '../../core/scheduler/scheduler';
import { createTask } from '../../core/tasks/tasks.service';
import { meetingsRepository } from './meetings.repository';

type Row = NonNullable<Awaited<ReturnType<typeof meetingsRepository.find>>>;

function listItem(row: Row): MeetingListItem {
  return {
    id: row.id,
    kind: row.kind as Meeting['kind'],
    title: row.title,
    meetingDate: row.meetingDate,
    location: row.location,
    convener: row.convener,
    unit: { id: row.unitId, nameZh: row.unitNameZh, nameEn: row.unitNameEn },
    attendees: row.attendees,
    status: row.status as Meeting['status'],
    scheduleId: row.scheduleId,
    createdAt: row.createdAt,
    decisionCount: Number(row.decisionCount ?? 0),
    doneCount: Number(row.doneCount ?? 0),
  };
}

async function detail(db: Executor, row: Row): Promise<Meeting> {
  const [units, decisions] = await Promise.all([meetingsRepository.units(db, row.id), meetingsRepository.decisions(db, row.id)]);
  const { decisionCount: _d, doneCount: _n, ...base } = listItem(row);
  return {
    ...base,
    agenda: row.agenda,
    minutes: row.minutes,
    units,
    decisions: decisions.map((d) => ({
      id: d.id,
      seq: d.seq,
      text: d.text,
      ownerUnit: { id: d.unitId, nameZh: d.unitNameZh, nameEn: d.unitNameEn },
      dueDate: d.dueDate,
      task: d.taskId ? { id: d.taskId, status: d.taskStatus ?? '', dueDate: d.taskDueDate ?? d.dueDate, finishedDate: d.taskFinishedDate ?? null } : null,
    })),
  };
}

/** A meeting as its audit rows hold it: the decisions as taken, not the progress of their tasks. */
function auditedMeeting({ decisions, ...meeting }: Meeting) {
  return { ...meeting, decisions: decisions.map((d) => ({ seq: d.seq, text: d.text, ownerUnitId: d.ownerUnit.id, dueDate: d.dueDate })) };
}

/** Meetings the user may see, with how many of their decisions are done. */
export async function listMeetings(deps: Deps, ctx: UserContext, query: MeetingListQuery) {
  requirePermission(ctx, 'meeting:read');
  const { rows, total } = await meetingsRepository.list(deps.db, await scopeFor(deps.db, ctx.user, 'meeting:read'), query);
  return { items: rows.map(listItem), total, page: query.page, pageSize: query.pageSize };
}

export async function allMeetings(deps: Deps, ctx: UserContext, query: Omit<MeetingListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'meeting:read');
  return (await meetingsRepository.all(deps.db, await scopeFor(deps.db, ctx.user, 'meeting:read'), query)).map(listItem);
}

export async function getMeeting(deps: Deps, ctx: UserContext, id: number): Promise<Meeting> {
  requirePermission(ctx, 'meeting:read');
  const row = await meetingsRepository.find(deps.db, await scopeFor(deps.db, ctx.user, 'meeting:read'), id);
  if (!row) throw notFound();
  return detail(deps.db, row);
}

type DecisionInput = z.infer<typeof meetingDecisionBody>;

/** The attending units must be active; each decision's owner too, and its due date not in the past. */
async function checkUnitsAndDecisions(trx: Executor, today: string, unitIds: number[], decisions: DecisionInput[], decisionsField: string) {
  const active = new Set((await meetingsRepository.activeUnitIds(trx, [...new Set([...unitIds, ...decisions.map((d) => d.ownerUnitId)])])).map((u) => u.id));
  const problems: Record<string, 'err.NOT_FOUND' | 'err.meeting_due_past'> = {};
  if (unitIds.some((u) => !active.has(u))) problems.unitIds = 'err.NOT_FOUND';
  decisions.forEach((d, i) => {
    if (!active.has(d.ownerUnitId)) problems[`${decisionsField}.${i}.ownerUnitId`] = 'err.NOT_FOUND';
    if (d.dueDate < today) problems[`${decisionsField}.${i}.dueDate`] = 'err.meeting_due_past';
  });
  if (Object.keys(problems).length) throw fieldError(problems);
}

/**
 * Records decisions of a meeting after its last one; each becomes a 督办 task of its owner unit, due on the
 * decision's date, found again through its source `meetings/<meeting>/<seq>`.
 */
async function addDecisions(trx: Trx, deps: Deps, ctx: UserContext, meeting: { id: number; title: string; meetingDate: string }, decisions: DecisionInput[]) {
  const last = await meetingsRepository.lastDecisionSeq(trx, meeting.id);
  for (const [i, d] of decisions.entries()) {
    const seq = last + i + 1;
    const decisionId = await meetingsRepository.insertDecision(trx, {
      meetingId: meeting.id,
      seq,
      text: d.text,
      ownerUnitId: d.ownerUnitId,
      dueDate: d.dueDate,
      taskId: null,
    });
    const taskId = await createTask(trx, deps, ctx, {
      type: 'meeting_decision',
      title: d.text.length > 60 ? `${d.text.slice(0, 60)}…` : d.text,
      description: `${meeting.title}（${meeting.meetingDate}）议定事项第 ${seq} 项：${d.text}`,
      source: { module: 'meetings', recordId: `${meeting.id}/${seq}` },
      ownerUnitId: d.ownerUnitId,
      dueDate: d.dueDate,
    });
    await meetingsRepository.setDecisionTask(trx, decisionId, taskId);
  }
}

/** Records a meeting with its attendees, minutes and (once held) decisions, each of which becomes a 督办 task. */
export async function createMeeting(deps: Deps, ctx: UserContext, body: z.infer<typeof createMeetingBody>): Promise<Meeting> {
  requirePermission(ctx, 'meeting:write');
  const today = countyDay(deps.clock.now());
  const id = await deps.db.transaction().execute(async (trx) => {
    if (body.decisions.length && body.status !== 'held') throw fieldError({ status: 'err.meeting_not_held' });
    await checkUnitsAndDecisions(trx, today, body.unitIds, body.decisions, 'decisions');
    const now = deps.clock.now().toISOString();
    const { decisions, unitIds, ...fields } = body;
    const meetingId = await meetingsRepository.insert(trx, { ...fields, unitId: ctx.user.unitId, createdBy: ctx.user.id, createdAt: now, updatedAt: now });
    await meetingsRepository.insertUnits(trx, meetingId, [...new Set(unitIds)]);
    await addDecisions(trx, deps, ctx, { id: meetingId, title: body.title, meetingDate: body.meetingDate }, decisions);
    await recordAudit(trx, deps, ctx, { action: 'meeting.create', entityType: 'meeting', entityId: meetingId, after: body });
    return meetingId;
  });
  return getMeeting(deps, ctx, id);
}

/**
 * Edits a meeting: its particulars and minutes, its record as held, and further decisions. A planned meeting takes
 * decisions only as it is recorded held, since a meeting that has not met has decided nothing.
 */
export async function updateMeeting(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateMeetingBody>): Promise<Meeting> {
  requirePermission(ctx, 'meeting:write');
  const today = countyDay(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const scope = await scopeFor(trx, ctx.user, 'meeting:write');
    const row = await meetingsRepository.find(trx, scope, id);
    if (!row) throw notFound();
    const { newDecisions = [], unitIds, ...fields } = body;
    const status = fields.status ?? row.status;
    const hasDecisions = newDecisions.length > 0 || Number(row.decisionCount ?? 0) > 0;
    if (hasDecisions && status !== 'held') throw fieldError({ status: 'err.meeting_not_held' });
    if (fields.meetingDate && row.scheduleId && fields.meetingDate !== row.meetingDate) {
      // A schedule has one meeting a month: it may move to any day but not into a month that has its own meeting.
      const taken = await meetingsRepository.scheduledMeetingOfMonth(trx, row.scheduleId, fields.meetingDate.slice(0, 7));
      if (taken && taken.id !== id) throw fieldError({ meetingDate: 'err.meeting_month_taken' });
    }
    await checkUnitsAndDecisions(trx, today, unitIds ?? [], newDecisions, 'newDecisions');
    const before = await detail(trx, row);
    await meetingsRepository.update(trx, id, { ...fields, updatedAt: deps.clock.now().toISOString() });
    if (unitIds) await meetingsRepository.replaceUnits(trx, id, [...new Set(unitIds)]);
    await addDecisions(trx, deps, ctx, { id, title: fields.title ?? row.title, meetingDate: fields.meetingDate ?? row.meetingDate }, newDecisions);
    const after = await detail(trx, (await meetingsRepository.find(trx, scope, id)) as Row);
    await recordAudit(trx, deps, ctx, {
      action: 'meeting.update',
      entityType: 'meeting',
      entityId: id,
      before: auditedMeeting(before),
      after: auditedMeeting(after),
    });
  });
  return getMeeting(deps, ctx, id);
}

/**
 * One decision of a held meeting of a kind, recorded from another module's record (a service request lifted to a
 * 调度会): a 督办 task of its owner unit like any decision; returns its number and task. The caller's module checks its
 * own permission; this checks `meeting:write`, the meeting's kind and that it was held, the unit and the due date.
 */
export async function addMeetingDecision(
  trx: Trx,
  deps: Deps,
  ctx: UserContext,
  meetingId: number,
  kind: string,
  decision: DecisionInput,
): Promise<{ seq: number; taskId: number | null }> {
  requirePermission(ctx, 'meeting:write');
  const row = await meetingsRepository.find(trx, await scopeFor(trx, ctx.user, 'meeting:write'), meetingId);
  if (!row || row.kind !== kind) throw fieldError({ meetingId: 'err.NOT_FOUND' });
  if (row.status !== 'held') throw fieldError({ meetingId: 'err.meeting_not_held' });
  const today = countyDay(deps.clock.now());
  const problems: Record<string, 'err.NOT_FOUND' | 'err.meeting_due_past'> = {};
  if (!(await meetingsRepository.activeUnitIds(trx, [decision.ownerUnitId])).length) problems.ownerUnitId = 'err.NOT_FOUND';
  if (decision.dueDate < today) problems.dueDate = 'err.meeting_due_past';
  if (Object.keys(problems).length) throw fieldError(problems);
  await addDecisions(trx, deps, ctx, row, [decision]);
  const seq = await meetingsRepository.lastDecisionSeq(trx, meetingId);
  const added = (await meetingsRepository.decisions(trx, meetingId)).find((d) => d.seq === seq);
  await recordAudit(trx, deps, ctx, { action: 'meeting.add_decision', entityType: 'meeting', entityId: meetingId, after: { seq, ...decision } });
  return { seq, taskId: added?.taskId ?? null };
}

/** One decision of a meeting with its task, or undefined. */
export async function meetingDecision(db: Executor, meetingId: number, seq: number) {
  return (await meetingsRepository.decisions(db, meetingId)).find((d) => d.seq === seq);
}
