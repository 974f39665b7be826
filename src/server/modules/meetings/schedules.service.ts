import type { z } from 'zod';
import type { MeetingSchedule, meetingScheduleBody } from '../../../shared/modules/meetings.schemas';
import { isDueForCreation, nextMeetingDate } from '../../../shared/rules/meeting-schedule';
import { requirePermission, scopeFor } from '../../core/access/access';
import { type UserContext, systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import { arrangementAround } from '../../core/calendar/calendar.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { fieldError, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { type Job, countyDay } from '../../core/scheduler/scheduler';
import { meetingsRepository, schedulesRepository } from './meetings.repository';

type ScheduleRow = Awaited<ReturnType<typeof schedulesRepository.all>>[number];
const monthZh = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月`;

async function describeSchedules(db: Executor, today: string, rows: ScheduleRow[]): Promise<MeetingSchedule[]> {
  const cal = await arrangementAround(db, today);
  const units = await schedulesRepository.units(
    db,
    rows.map((r) => r.id),
  );
  return rows.map(({ unitId: _u, createdAt: _c, updatedAt: _m, active, ...row }) => ({
    ...row,
    kind: row.kind as MeetingSchedule['kind'],
    active: active === 1,
    units: units.filter((u) => u.scheduleId === row.id).map(({ scheduleId: _s, ...u }) => u),
    nextDate: active === 1 ? nextMeetingDate(cal, today, row.workingDay, row.everyMonths, row.startMonth) : null,
  }));
}

/** The recurring meetings with the date each will next meet on. */
export async function listSchedules(deps: Deps, ctx: UserContext): Promise<MeetingSchedule[]> {
  requirePermission(ctx, 'meeting:write');
  const scope = await scopeFor(deps.db, ctx.user, 'meeting:write');
  return describeSchedules(deps.db, countyDay(deps.clock.now()), await schedulesRepository.all(deps.db, scope));
}

async function checkUnits(trx: Executor, unitIds: number[]) {
  const active = await meetingsRepository.activeUnitIds(trx, unitIds);
  if (active.length !== new Set(unitIds).size) throw fieldError({ unitIds: 'err.NOT_FOUND' });
}

/** Creates a recurring meeting (the office's unit convenes it) or, with an id, replaces one's settings. */
export async function saveSchedule(deps: Deps, ctx: UserContext, body: z.infer<typeof meetingScheduleBody>, id?: number): Promise<MeetingSchedule> {
  requirePermission(ctx, 'meeting:write');
  const scope = await scopeFor(deps.db, ctx.user, 'meeting:write');
  const savedId = await deps.db.transaction().execute(async (trx) => {
    const before = id === undefined ? undefined : await schedulesRepository.find(trx, scope, id);
    if (id !== undefined && !before) throw notFound();
    await checkUnits(trx, body.unitIds);
    const { unitIds, active, ...fields } = body;
    const now = deps.clock.now().toISOString();
    // A cycle of more than a month counts from the month it is saved in unless it names its first month.
    const startMonth = fields.everyMonths > 1 ? (fields.startMonth ?? before?.startMonth ?? countyDay(deps.clock.now()).slice(0, 7)) : null;
    const values = { ...fields, startMonth, active: active ? 1 : 0, updatedAt: now };
    const scheduleId = id ?? (await schedulesRepository.insert(trx, { ...values, unitId: ctx.user.unitId, createdAt: now }));
    if (before) await schedulesRepository.update(trx, scheduleId, values);
    await schedulesRepository.replaceUnits(trx, scheduleId, [...new Set(unitIds)]);
    await recordAudit(trx, deps, ctx, {
      action: before ? 'meeting_schedule.update' : 'meeting_schedule.create',
      entityType: 'meeting_schedule',
      entityId: scheduleId,
      before,
      after: body,
    });
    return scheduleId;
  });
  const row = await schedulesRepository.find(deps.db, scope, savedId);
  if (!row) throw notFound();
  return (await describeSchedules(deps.db, countyDay(deps.clock.now()), [row]))[0];
}

/**
 * Creates one schedule's planned meeting on `date` and tells its units; false when the schedule has its meeting of
 * that month already (the office may have moved it to another day).
 */
async function createPlannedMeeting(trx: Trx, deps: Deps, schedule: ScheduleRow, date: string): Promise<boolean> {
  if (await meetingsRepository.scheduledMeetingOfMonth(trx, schedule.id, date.slice(0, 7))) return false;
  const now = deps.clock.now().toISOString();
  const title = `${monthZh(date)}${schedule.title}`;
  const meetingId = await meetingsRepository.insert(trx, {
    kind: schedule.kind,
    title,
    meetingDate: date,
    location: schedule.location,
    convener: schedule.convener,
    unitId: schedule.unitId,
    attendees: schedule.attendees,
    agenda: schedule.agenda,
    minutes: '',
    status: 'planned',
    scheduleId: schedule.id,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
  });
  const unitIds = (await schedulesRepository.units(trx, [schedule.id])).map((u) => u.id);
  await meetingsRepository.insertUnits(trx, meetingId, unitIds);
  const where = schedule.location ? `在${schedule.location}` : '';
  await notify(trx, deps, {
    unitIds: [...new Set([schedule.unitId, ...unitIds])],
    kind: 'meeting.planned',
    title: { zh: `会议通知：${title}定于 ${date} ${where}召开`, en: `Meeting notice: ${title} on ${date}${schedule.location ? `, ${schedule.location}` : ''}` },
    link: `/meetings/${meetingId}`,
    entityType: 'meeting',
    entityId: meetingId,
  });
  await recordAudit(trx, deps, systemContext(), {
    action: 'meeting.plan',
    entityType: 'meeting',
    entityId: meetingId,
    after: { scheduleId: schedule.id, date, title },
  });
  return true;
}

/**
 * Creates the next meeting of each active schedule once it is within its lead working days, and announces it;
 * running again creates nothing more.
 */
export async function createScheduledMeetings(deps: Deps): Promise<number> {
  const today = countyDay(deps.clock.now());
  return deps.db.transaction().execute(async (trx) => {
    const cal = await arrangementAround(trx, today);
    let created = 0;
    for (const schedule of await schedulesRepository.all(trx, { all: true }, { activeOnly: true })) {
      // Meetings a month or more apart and a lead of at most 15 working days: only the next one can be due.
      const date = nextMeetingDate(cal, today, schedule.workingDay, schedule.everyMonths, schedule.startMonth);
      if (isDueForCreation(cal, today, date, schedule.leadWorkingDays) && (await createPlannedMeeting(trx, deps, schedule, date))) created++;
    }
    return created;
  });
}

export const meetingScheduleJob: Job = {
  name: 'meetings.schedule',
  schedule: '0 8 * * *',
  period: countyDay,
  run: async (deps) => {
    const created = await createScheduledMeetings(deps);
    return created ? `${created} meetings planned` : null;
  },
};
