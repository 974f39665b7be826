import type { Insertable } from 'kysely';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { meetingsRepository, schedulesRepository } from './meetings.repository';
import type { MeetingScheduleTable } from './meetings.tables';

/** A meeting as another module sees it: what it is, when, and whether it has been held. */
export interface MeetingBrief {
  id: number;
  kind: string;
  title: string;
  meetingDate: string;
  location: string;
  status: string;
}

const BRIEF = ['id', 'kind', 'title', 'meetingDate', 'location', 'status'] as const;

/** The meetings of one kind (政银企对接会 for the financing module), newest first. */
export function meetingsOfKind(db: Executor, kind: string): Promise<MeetingBrief[]> {
  return db.selectFrom('meetings').select(BRIEF).where('kind', '=', kind).orderBy('meetingDate', 'desc').orderBy('id', 'desc').execute();
}

/** The meetings with these ids (any kind), in no particular order; an id that is no meeting is left out. */
export function meetingsByIds(db: Executor, ids: readonly number[]): Promise<MeetingBrief[]> {
  return ids.length
    ? db
        .selectFrom('meetings')
        .select(BRIEF)
        .where('id', 'in', [...new Set(ids)])
        .execute()
    : Promise.resolve([]);
}

/** The units invited to each of these meetings, as (meetingId, unitId) pairs. */
export function meetingUnitIds(db: Executor, meetingIds: readonly number[]): Promise<{ meetingId: number; unitId: number }[]> {
  return meetingIds.length
    ? db
        .selectFrom('meetingUnits')
        .select(['meetingId', 'unitId'])
        .where('meetingId', 'in', [...new Set(meetingIds)])
        .execute()
    : Promise.resolve([]);
}

/** One meeting of a kind, or undefined. */
export function meetingOfKind(db: Executor, id: number, kind: string): Promise<MeetingBrief | undefined> {
  return db.selectFrom('meetings').select(BRIEF).where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
}

/**
 * A recurring schedule another module relies on (the financing module's 政银企对接会 every two months), added once:
 * an existing schedule of the same kind and title is kept as the office left it.
 */
export async function ensureSchedule(
  trx: Trx,
  deps: Deps,
  values: Omit<Insertable<MeetingScheduleTable>, 'createdAt' | 'updatedAt'>,
  unitIds: number[],
): Promise<number> {
  const existing = await trx.selectFrom('meetingSchedules').select('id').where('kind', '=', values.kind).where('title', '=', values.title).executeTakeFirst();
  if (existing) return existing.id;
  const now = deps.clock.now().toISOString();
  const id = await schedulesRepository.insert(trx, { ...values, createdAt: now, updatedAt: now });
  await schedulesRepository.replaceUnits(trx, id, unitIds);
  await recordAudit(trx, deps, systemContext(), { action: 'meeting_schedule.create', entityType: 'meeting_schedule', entityId: id, after: values });
  return id;
}

/** Records a meeting of a schedule (demo data: past meetings already held, the next one planned). */
export async function recordScheduledMeeting(
  trx: Trx,
  deps: Deps,
  scheduleId: number,
  m: { title: string; meetingDate: string; status: 'planned' | 'held'; minutes?: string },
): Promise<number> {
  const schedule = await schedulesRepository.find(trx, { all: true }, scheduleId);
  if (!schedule) throw new Error(`Unknown meeting schedule ${scheduleId}`);
  const now = deps.clock.now().toISOString();
  const id = await meetingsRepository.insert(trx, {
    kind: schedule.kind,
    title: m.title,
    meetingDate: m.meetingDate,
    location: schedule.location,
    convener: schedule.convener,
    unitId: schedule.unitId,
    attendees: schedule.attendees,
    agenda: schedule.agenda,
    minutes: m.minutes ?? '',
    status: m.status,
    scheduleId,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
  });
  await meetingsRepository.insertUnits(
    trx,
    id,
    (await schedulesRepository.units(trx, [scheduleId])).map((u) => u.id),
  );
  await recordAudit(trx, deps, systemContext(), { action: 'meeting.plan', entityType: 'meeting', entityId: id, after: { scheduleId, ...m } });
  return id;
}
