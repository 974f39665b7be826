import type { Insertable } from 'kysely';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { meetingsRepository, schedulesRepository } from './meetings.repository';
import type { MeetingScheduleTable } from './meetings.tables';

export { type MeetingBrief, meetingOfKind, meetingUnitIds, meetingsByIds, meetingsOfKind } from './meetings.repository';

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
  const existing = await schedulesRepository.findByKindAndTitle(trx, values.kind, values.title);
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
