import type { Insertable } from 'kysely';
import type { MeetingListQuery } from '../../../shared/modules/meetings.schemas';
import type { Scope } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import type { MeetingDecisionTable, MeetingTable } from '../../core/db/schema';

const SORTS = { meetingDate: 'meetings.meetingDate', title: 'meetings.title' } as const;

// A unit sees the meetings it convened, attended, or owns a decision of.
function visible(db: Executor, scope: Scope) {
  let qb = db
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
  if (!scope.all) {
    const units = scope.unitIds.length ? scope.unitIds : [0];
    qb = qb.where((eb) =>
      eb.or([
        eb('meetings.unitId', 'in', units),
        eb.exists(
          eb
            .selectFrom('meetingUnits')
            .select('meetingUnits.unitId')
            .whereRef('meetingUnits.meetingId', '=', 'meetings.id')
            .where('meetingUnits.unitId', 'in', units),
        ),
        eb.exists(
          eb
            .selectFrom('meetingDecisions')
            .select('meetingDecisions.id')
            .whereRef('meetingDecisions.meetingId', '=', 'meetings.id')
            .where('meetingDecisions.ownerUnitId', 'in', units),
        ),
      ]),
    );
  }
  return qb;
}

function filtered(db: Executor, scope: Scope, f: Omit<MeetingListQuery, 'page' | 'pageSize'>) {
  let qb = visible(db, scope);
  if (f.kind) qb = qb.where('meetings.kind', '=', f.kind);
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
  async insertUnits(db: Executor, meetingId: number, unitIds: number[]) {
    if (unitIds.length)
      await db
        .insertInto('meetingUnits')
        .values(unitIds.map((unitId) => ({ meetingId, unitId })))
        .execute();
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
