import type { Insertable, Updateable } from 'kysely';
import type { MeetingListQuery } from '../../../shared/modules/meetings.schemas';
import { type Scope, type ScopeColumns, applyScope } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import type { MeetingDecisionTable, MeetingScheduleTable, MeetingTable } from './meetings.tables';

const SORTS = { meetingDate: 'meetings.meetingDate', title: 'meetings.title' } as const;

// A unit sees the meetings it convened, attended, or owns a decision of.
const MEETING_SCOPE: ScopeColumns = {
  unit: 'meetings.unitId',
  unitVia: [
    { table: 'meetingUnits', parent: 'meetings.id', key: 'meetingId', unit: 'unitId' },
    { table: 'meetingDecisions', parent: 'meetings.id', key: 'meetingId', unit: 'ownerUnitId' },
  ],
};

function visible(db: Executor, scope: Scope) {
  const qb = db
    .selectFrom('meetings')
    .innerJoin('orgUnits', 'orgUnits.id', 'meetings.unitId')
    .selectAll('meetings')
    .select(['orgUnits.nameZh as unitNameZh', 'orgUnits.nameEn as unitNameEn'])
    .select((eb) => [
      eb.selectFrom('meetingDecisions').whereRef('meetingDecisions.meetingId', '=', 'meetings.id').select(eb.fn.countAll<number>().as('n')).as('decisionCount'),
      eb
        .selectFrom('meetingDecisions')
        .innerJoin('tasks', 'tasks.id', 'meetingDecisions.taskId')
        .whereRef('meetingDecisions.meetingId', '=', 'meetings.id')
        .where('tasks.status', '=', 'done')
        .select(eb.fn.countAll<number>().as('n'))
        .as('doneCount'),
    ]);
  return applyScope(qb, scope, MEETING_SCOPE);
}

function filtered(db: Executor, scope: Scope, f: Omit<MeetingListQuery, 'page' | 'pageSize'>) {
  let qb = visible(db, scope);
  if (f.kind) qb = qb.where('meetings.kind', '=', f.kind);
  if (f.status) qb = qb.where('meetings.status', '=', f.status);
  if (f.q) qb = qb.where('meetings.title', 'like', `%${f.q}%`);
  if (f.from) qb = qb.where('meetings.meetingDate', '>=', f.from);
  if (f.to) qb = qb.where('meetings.meetingDate', '<=', f.to);
  return qb;
}

/** SQL for meetings, their attending units and their decisions. */
export const meetingsRepository = {
  list(db: Executor, scope: Scope, f: MeetingListQuery) {
    return paginate(filtered(db, scope, f), f, SORTS, 'meetingDate', 'meetings.id');
  },
  all(db: Executor, scope: Scope, f: Omit<MeetingListQuery, 'page' | 'pageSize'>) {
    return allRows(filtered(db, scope, f), f, SORTS, 'meetingDate', 'meetings.id');
  },
  find(db: Executor, scope: Scope, id: number) {
    return visible(db, scope).where('meetings.id', '=', id).executeTakeFirst();
  },
  units(db: Executor, meetingId: number) {
    return db
      .selectFrom('meetingUnits')
      .innerJoin('orgUnits', 'orgUnits.id', 'meetingUnits.unitId')
      .select(['orgUnits.id', 'orgUnits.nameZh', 'orgUnits.nameEn'])
      .where('meetingUnits.meetingId', '=', meetingId)
      .orderBy('orgUnits.sortOrder')
      .execute();
  },
  decisions(db: Executor, meetingId: number) {
    return db
      .selectFrom('meetingDecisions')
      .innerJoin('orgUnits', 'orgUnits.id', 'meetingDecisions.ownerUnitId')
      .leftJoin('tasks', 'tasks.id', 'meetingDecisions.taskId')
      .select([
        'meetingDecisions.id',
        'meetingDecisions.seq',
        'meetingDecisions.text',
        'meetingDecisions.dueDate',
        'meetingDecisions.taskId',
        'orgUnits.id as unitId',
        'orgUnits.nameZh as unitNameZh',
        'orgUnits.nameEn as unitNameEn',
        'tasks.status as taskStatus',
        'tasks.dueDate as taskDueDate',
        'tasks.finishedDate as taskFinishedDate',
      ])
      .where('meetingDecisions.meetingId', '=', meetingId)
      .orderBy('meetingDecisions.seq')
      .execute();
  },
  async insert(db: Executor, row: Insertable<MeetingTable>): Promise<number> {
    const { id } = await db.insertInto('meetings').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, patch: Updateable<MeetingTable>) {
    await db.updateTable('meetings').set(patch).where('id', '=', id).execute();
  },
  /** Sets the attending units to exactly these. */
  async replaceUnits(db: Executor, meetingId: number, unitIds: number[]) {
    await db.deleteFrom('meetingUnits').where('meetingId', '=', meetingId).execute();
    await this.insertUnits(db, meetingId, unitIds);
  },
  async insertUnits(db: Executor, meetingId: number, unitIds: number[]) {
    if (unitIds.length)
      await db
        .insertInto('meetingUnits')
        .values(unitIds.map((unitId) => ({ meetingId, unitId })))
        .execute();
  },
  async lastDecisionSeq(db: Executor, meetingId: number): Promise<number> {
    const row = await db
      .selectFrom('meetingDecisions')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('meetingId', '=', meetingId)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  },
  /** The schedule's meeting of a month (`YYYY-MM`), wherever in the month the office has moved it. */
  scheduledMeetingOfMonth(db: Executor, scheduleId: number, month: string) {
    return db
      .selectFrom('meetings')
      .select(['id', 'meetingDate'])
      .where('scheduleId', '=', scheduleId)
      .where('meetingDate', '>=', `${month}-01`)
      .where('meetingDate', '<=', `${month}-31`)
      .executeTakeFirst();
  },
  async insertDecision(db: Executor, row: Insertable<MeetingDecisionTable>): Promise<number> {
    const { id } = await db.insertInto('meetingDecisions').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async setDecisionTask(db: Executor, id: number, taskId: number) {
    await db.updateTable('meetingDecisions').set({ taskId }).where('id', '=', id).execute();
  },
  activeUnitIds(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('orgUnits').select('id').where('id', 'in', ids).where('active', '=', 1).execute() : Promise.resolve([]);
  },
};

/** SQL for the recurring schedules that create meetings ahead of their dates. */
export const schedulesRepository = {
  findByKindAndTitle(db: Executor, kind: string, title: string) {
    return db.selectFrom('meetingSchedules').select('id').where('kind', '=', kind).where('title', '=', title).executeTakeFirst();
  },
  /** The schedules convened by a unit in scope (the job reads them all). */
  all(db: Executor, scope: Scope, options: { activeOnly?: boolean } = {}) {
    let qb = applyScope(db.selectFrom('meetingSchedules').selectAll(), scope, { unit: 'meetingSchedules.unitId' }).orderBy('id');
    if (options.activeOnly) qb = qb.where('active', '=', 1);
    return qb.execute();
  },
  find(db: Executor, scope: Scope, id: number) {
    return applyScope(db.selectFrom('meetingSchedules').selectAll(), scope, { unit: 'meetingSchedules.unitId' }).where('id', '=', id).executeTakeFirst();
  },
  units(db: Executor, scheduleIds: number[]) {
    if (!scheduleIds.length) return Promise.resolve([]);
    return db
      .selectFrom('meetingScheduleUnits')
      .innerJoin('orgUnits', 'orgUnits.id', 'meetingScheduleUnits.unitId')
      .select(['meetingScheduleUnits.scheduleId', 'orgUnits.id', 'orgUnits.nameZh', 'orgUnits.nameEn'])
      .where('meetingScheduleUnits.scheduleId', 'in', scheduleIds)
      .orderBy('orgUnits.sortOrder')
      .execute();
  },
  async insert(db: Executor, row: Insertable<MeetingScheduleTable>): Promise<number> {
    const { id } = await db.insertInto('meetingSchedules').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, patch: Updateable<MeetingScheduleTable>) {
    await db.updateTable('meetingSchedules').set(patch).where('id', '=', id).execute();
  },
  async replaceUnits(db: Executor, scheduleId: number, unitIds: number[]) {
    await db.deleteFrom('meetingScheduleUnits').where('scheduleId', '=', scheduleId).execute();
    if (unitIds.length)
      await db
        .insertInto('meetingScheduleUnits')
        .values(unitIds.map((unitId) => ({ scheduleId, unitId })))
        .execute();
  },
};

// What other modules read of meetings (through `meetings.public`).

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
