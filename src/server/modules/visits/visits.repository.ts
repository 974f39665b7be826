import { type Insertable, sql } from 'kysely';
import type {
  ASSIGNMENT_SORTS,
  AssignmentListQuery,
  EXCHANGE_SORTS,
  ExchangeListQuery,
  VISIT_SORTS,
  VisitListQuery,
} from '../../../shared/modules/visits.schemas';
import { type Scope, type ScopeColumns, applyScope } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import type { VisitAssignmentTable, VisitExchangeTable, VisitProblemTable, VisitTable } from './visits.tables';

export type AssignmentFilter = Omit<AssignmentListQuery, 'page' | 'pageSize'>;
export type ExchangeFilter = Omit<ExchangeListQuery, 'page' | 'pageSize'>;
export type VisitFilter = Omit<VisitListQuery, 'page' | 'pageSize'>;

/** An officer sees their team's assignments; a township the assignments of its firms. */
const ASSIGNMENT_SCOPE: ScopeColumns = { unit: ['visitAssignments.teamUnitId', 'enterprises.townshipUnitId'] };
/** An officer sees their team's visits; a township the visits to its firms. */
export const VISIT_SCOPE: ScopeColumns = { unit: ['visits.teamUnitId', 'visits.townshipUnitId'] };
/** A unit sees the exchanges of its own cadres or hosted by it; a township those of its firms. */
const EXCHANGE_SCOPE: ScopeColumns = { unit: ['visitExchanges.unitId', 'enterprises.townshipUnitId'] };

const ASSIGNMENT_SORT_COLUMNS: Record<(typeof ASSIGNMENT_SORTS)[number], string> = {
  id: 'visitAssignments.id',
  enterprise: 'enterprises.name',
  fromDate: 'visitAssignments.fromDate',
  toDate: 'visitAssignments.toDate',
};
const EXCHANGE_SORT_COLUMNS: Record<(typeof EXCHANGE_SORTS)[number], string> = {
  id: 'visitExchanges.id',
  personName: 'visitExchanges.personName',
  fromDate: 'visitExchanges.fromDate',
  toDate: 'visitExchanges.toDate',
};
const VISIT_SORT_COLUMNS: Record<(typeof VISIT_SORTS)[number], string> = {
  id: 'visits.id',
  visitDate: 'visits.visitDate',
  enterprise: 'enterprises.name',
};

function assignments(db: Executor, f: AssignmentFilter, scope: Scope, today: string) {
  let qb = db
    .selectFrom('visitAssignments')
    .innerJoin('enterprises', 'enterprises.id', 'visitAssignments.enterpriseId')
    .innerJoin('users', 'users.id', 'visitAssignments.officerUserId')
    .selectAll('visitAssignments')
    .select(['enterprises.name as enterpriseName', 'enterprises.townshipUnitId', 'users.displayName as officerName']);
  if (f.q) qb = qb.where((eb) => eb.or([eb('enterprises.name', 'like', `%${f.q}%`), eb('users.displayName', 'like', `%${f.q}%`)]));
  if (f.officerUserId) qb = qb.where('visitAssignments.officerUserId', '=', f.officerUserId);
  if (f.teamUnitId) qb = qb.where('visitAssignments.teamUnitId', '=', f.teamUnitId);
  if (f.enterpriseId) qb = qb.where('visitAssignments.enterpriseId', '=', f.enterpriseId);
  if (f.current !== false)
    qb = qb
      .where('visitAssignments.fromDate', '<=', today)
      .where((eb) => eb.or([eb('visitAssignments.toDate', 'is', null), eb('visitAssignments.toDate', '>=', today)]));
  return applyScope(qb, scope, ASSIGNMENT_SCOPE);
}
export type AssignmentRow = Awaited<ReturnType<ReturnType<typeof assignments>['execute']>>[number];

function exchanges(db: Executor, f: ExchangeFilter, scope: Scope, today: string) {
  let qb = db
    .selectFrom('visitExchanges')
    .innerJoin('enterprises', 'enterprises.id', 'visitExchanges.enterpriseId')
    .selectAll('visitExchanges')
    .select(['enterprises.name as enterpriseName']);
  if (f.q) qb = qb.where((eb) => eb.or([eb('visitExchanges.personName', 'like', `%${f.q}%`), eb('enterprises.name', 'like', `%${f.q}%`)]));
  if (f.direction) qb = qb.where('visitExchanges.direction', '=', f.direction);
  if (f.unitId) qb = qb.where('visitExchanges.unitId', '=', f.unitId);
  if (f.enterpriseId) qb = qb.where('visitExchanges.enterpriseId', '=', f.enterpriseId);
  if (f.current === true)
    qb = qb
      .where('visitExchanges.fromDate', '<=', today)
      .where((eb) => eb.or([eb('visitExchanges.toDate', 'is', null), eb('visitExchanges.toDate', '>=', today)]));
  return applyScope(qb, scope, EXCHANGE_SCOPE);
}
export type ExchangeRow = Awaited<ReturnType<ReturnType<typeof exchanges>['execute']>>[number];

function visits(db: Executor, f: VisitFilter, scope: Scope) {
  let qb = db
    .selectFrom('visits')
    .innerJoin('enterprises', 'enterprises.id', 'visits.enterpriseId')
    .selectAll('visits')
    .select(['enterprises.name as enterpriseName'])
    .select((eb) => [
      eb.selectFrom('visitProblems').select(eb.fn.countAll<number>().as('n')).whereRef('visitProblems.visitId', '=', 'visits.id').as('problems'),
      eb
        .selectFrom('visitProblems')
        .innerJoin('tasks', 'tasks.id', 'visitProblems.taskId')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('visitProblems.visitId', '=', 'visits.id')
        .where('tasks.status', 'not in', ['done', 'cancelled'])
        .as('openProblems'),
    ]);
  if (f.q) qb = qb.where((eb) => eb.or([eb('enterprises.name', 'like', `%${f.q}%`), eb('visits.discussion', 'like', `%${f.q}%`)]));
  if (f.enterpriseId) qb = qb.where('visits.enterpriseId', '=', f.enterpriseId);
  if (f.teamUnitId) qb = qb.where('visits.teamUnitId', '=', f.teamUnitId);
  if (f.townshipUnitId) qb = qb.where('visits.townshipUnitId', '=', f.townshipUnitId);
  if (f.from) qb = qb.where('visits.visitDate', '>=', f.from);
  if (f.to) qb = qb.where('visits.visitDate', '<=', f.to);
  if (f.officerUserId) {
    const officer = f.officerUserId;
    qb = qb.where((eb) =>
      eb.exists(
        eb.selectFrom('visitOfficers').select(sql`1`.as('one')).whereRef('visitOfficers.visitId', '=', 'visits.id').where('visitOfficers.userId', '=', officer),
      ),
    );
  }
  if (f.withProblems !== undefined) {
    const has = (eb: any) => eb.exists(eb.selectFrom('visitProblems').select(sql`1`.as('one')).whereRef('visitProblems.visitId', '=', 'visits.id'));
    qb = qb.where((eb) => (f.withProblems ? has(eb) : eb.not(has(eb))));
  }
  return applyScope(qb, scope, VISIT_SCOPE);
}
export type VisitRow = Awaited<ReturnType<ReturnType<typeof visits>['execute']>>[number];

export const visitsRepository = {
  /** Day and firm of some visits: how their problems' tasks are labelled. */
  taskSourceVisits(db: Executor, ids: number[]) {
    return db
      .selectFrom('visits')
      .innerJoin('enterprises', 'enterprises.id', 'visits.enterpriseId')
      .select(['visits.id', 'visits.visitDate', 'enterprises.name'])
      .where('visits.id', 'in', ids)
      .execute();
  },
  listAssignments(db: Executor, f: AssignmentListQuery, scope: Scope, today: string) {
    return paginate(assignments(db, f, scope, today), f, ASSIGNMENT_SORT_COLUMNS, 'enterprise', 'visitAssignments.id');
  },
  allAssignments(db: Executor, f: AssignmentFilter, scope: Scope, today: string) {
    return allRows(assignments(db, f, scope, today), f, ASSIGNMENT_SORT_COLUMNS, 'enterprise', 'visitAssignments.id');
  },
  findAssignment(db: Executor, id: number, scope: Scope, today: string) {
    return assignments(db, { current: false, order: 'asc' }, scope, today).where('visitAssignments.id', '=', id).executeTakeFirst();
  },
  /** The assignments of some firms that have not ended before `day` (the current one and any planned). */
  openAssignments(db: Executor, enterpriseIds: number[], day: string) {
    if (enterpriseIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('visitAssignments')
      .selectAll()
      .where('enterpriseId', 'in', enterpriseIds)
      .where((eb) => eb.or([eb('toDate', 'is', null), eb('toDate', '>=', day)]))
      .execute();
  },
  async insertAssignments(db: Executor, values: Insertable<VisitAssignmentTable>[]) {
    if (values.length > 0) await db.insertInto('visitAssignments').values(values).execute();
  },
  async endAssignments(db: Executor, ids: number[], toDate: string, updatedAt: string) {
    if (ids.length > 0) await db.updateTable('visitAssignments').set({ toDate, updatedAt }).where('id', 'in', ids).execute();
  },
  async endAssignment(db: Executor, id: number, toDate: string, updatedAt: string) {
    await db.updateTable('visitAssignments').set({ toDate, updatedAt }).where('id', '=', id).execute();
  },
  /** The assignments overlapping a period (coverage), with the officers' names. */
  assignmentsOverlapping(db: Executor, start: string, end: string, scope: Scope) {
    return applyScope(
      db
        .selectFrom('visitAssignments')
        .innerJoin('enterprises', 'enterprises.id', 'visitAssignments.enterpriseId')
        .select([
          'visitAssignments.enterpriseId',
          'visitAssignments.officerUserId',
          'visitAssignments.teamUnitId',
          'visitAssignments.fromDate',
          'visitAssignments.toDate',
        ])
        .where('visitAssignments.fromDate', '<=', end)
        .where((eb) => eb.or([eb('visitAssignments.toDate', 'is', null), eb('visitAssignments.toDate', '>=', start)])),
      scope,
      ASSIGNMENT_SCOPE,
    ).execute();
  },
  /** The firms visited between two days (each once), whoever visited. */
  async visitedFirms(db: Executor, start: string, end: string) {
    const rows = await db.selectFrom('visits').select('enterpriseId').distinct().where('visitDate', '>=', start).where('visitDate', '<=', end).execute();
    return rows.map((r) => r.enterpriseId);
  },
  firmNames(db: Executor, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', ids).execute();
  },
  usersByIds(db: Executor, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('users').select(['id', 'displayName', 'unitId', 'active', 'enterpriseId']).where('id', 'in', ids).execute();
  },
  unitsByIds(db: Executor, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('orgUnits')
      .select(['id', 'nameZh', 'nameEn', 'kind', 'active'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
  },
  /** Active staff accounts (not firms', not banks'), with whether they hold the service officer role. */
  staff(db: Executor) {
    return db
      .selectFrom('users')
      .innerJoin('orgUnits', 'orgUnits.id', 'users.unitId')
      .select(['users.id', 'users.displayName', 'users.unitId', 'orgUnits.nameZh', 'orgUnits.nameEn'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('userRoles')
              .innerJoin('roles', 'roles.id', 'userRoles.roleId')
              .select(sql`1`.as('one'))
              .whereRef('userRoles.userId', '=', 'users.id')
              .where('roles.code', '=', 'service_officer'),
          )
          .as('serviceOfficer'),
      )
      .where('users.active', '=', 1)
      .where('users.enterpriseId', 'is', null)
      .where('orgUnits.kind', 'not in', ['enterprise', 'bank'])
      .orderBy('users.id')
      .execute();
  },
  firmsByUscc(db: Executor, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.selectFrom('enterprises').select(['id', 'name', 'uscc']).where('uscc', 'in', codes).execute();
  },
  /** Active staff accounts (not firms', not banks') by sign-in name. */
  staffByUsernames(db: Executor, usernames: string[]) {
    if (usernames.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .innerJoin('orgUnits', 'orgUnits.id', 'users.unitId')
      .select(['users.id', 'users.username', 'users.unitId'])
      .where('users.username', 'in', usernames)
      .where('users.active', '=', 1)
      .where('users.enterpriseId', 'is', null)
      .where('orgUnits.kind', 'not in', ['enterprise', 'bank'])
      .execute();
  },
  enterprise(db: Executor, id: number) {
    return db.selectFrom('enterprises').select(['id', 'name', 'townshipUnitId', 'serviceTeamUnitId']).where('id', '=', id).executeTakeFirst();
  },
  enterprises(db: Executor, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('enterprises').select(['id', 'name', 'townshipUnitId', 'serviceTeamUnitId']).where('id', 'in', ids).execute();
  },
  async setChiefOfficers(db: Executor, enterpriseIds: number[], officerUserId: number, updatedAt: string) {
    if (enterpriseIds.length > 0)
      await db.updateTable('enterprises').set({ chiefOfficerUserId: officerUserId, updatedAt }).where('id', 'in', enterpriseIds).execute();
  },
  /** Keeps the firm's profile (一企一档) showing its current chief officer. */
  async setChiefOfficer(db: Executor, enterpriseId: number, officerUserId: number | null, updatedAt: string) {
    await db.updateTable('enterprises').set({ chiefOfficerUserId: officerUserId, updatedAt }).where('id', '=', enterpriseId).execute();
  },
  /** The firms a scope may visit: those held today by an assignment of its teams, or served by its teams; all for `all`. */
  visitableFirms(db: Executor, scope: Scope, today: string) {
    const qb = db
      .selectFrom('enterprises')
      .leftJoin('visitAssignments', (j) =>
        j
          .onRef('visitAssignments.enterpriseId', '=', 'enterprises.id')
          .on('visitAssignments.fromDate', '<=', today)
          .on((eb) => eb.or([eb('visitAssignments.toDate', 'is', null), eb('visitAssignments.toDate', '>=', today)])),
      )
      .leftJoin('users', 'users.id', 'visitAssignments.officerUserId')
      .select([
        'enterprises.id',
        'enterprises.name',
        'enterprises.townshipUnitId',
        'enterprises.serviceTeamUnitId',
        'visitAssignments.officerUserId',
        'visitAssignments.teamUnitId',
        'users.displayName as officerName',
      ])
      .orderBy('enterprises.name')
      .orderBy('enterprises.id');
    return applyScope(qb, scope, { unit: ['visitAssignments.teamUnitId', 'enterprises.serviceTeamUnitId'] }).execute();
  },

  listExchanges(db: Executor, f: ExchangeListQuery, scope: Scope, today: string) {
    return paginate(exchanges(db, f, scope, today), f, EXCHANGE_SORT_COLUMNS, 'fromDate', 'visitExchanges.id');
  },
  allExchanges(db: Executor, f: ExchangeFilter, scope: Scope, today: string) {
    return allRows(exchanges(db, f, scope, today), f, EXCHANGE_SORT_COLUMNS, 'fromDate', 'visitExchanges.id');
  },
  findExchange(db: Executor, id: number, scope: Scope, today: string) {
    return exchanges(db, { order: 'asc' }, scope, today).where('visitExchanges.id', '=', id).executeTakeFirst();
  },
  async insertExchange(db: Executor, values: Insertable<VisitExchangeTable>) {
    const row = await db.insertInto('visitExchanges').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  async updateExchange(db: Executor, id: number, values: Partial<Insertable<VisitExchangeTable>>) {
    await db.updateTable('visitExchanges').set(values).where('id', '=', id).execute();
  },
  async deleteExchange(db: Executor, id: number) {
    await db.deleteFrom('visitExchanges').where('id', '=', id).execute();
  },

  listVisits(db: Executor, f: VisitListQuery, scope: Scope) {
    return paginate(visits(db, f, scope), f, VISIT_SORT_COLUMNS, 'visitDate', 'visits.id');
  },
  allVisits(db: Executor, f: VisitFilter, scope: Scope) {
    return allRows(visits(db, f, scope), f, VISIT_SORT_COLUMNS, 'visitDate', 'visits.id');
  },
  findVisit(db: Executor, id: number, scope: Scope) {
    return visits(db, { order: 'asc' }, scope).where('visits.id', '=', id).executeTakeFirst();
  },
  async insertVisit(db: Executor, values: Insertable<VisitTable>) {
    const row = await db.insertInto('visits').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  async updateVisit(db: Executor, id: number, values: Partial<Insertable<VisitTable>>) {
    await db.updateTable('visits').set(values).where('id', '=', id).execute();
  },
  async replaceOfficers(db: Executor, visitId: number, userIds: number[]) {
    await db.deleteFrom('visitOfficers').where('visitId', '=', visitId).execute();
    await visitsRepository.insertOfficers(db, visitId, userIds);
  },
  /** Deletes a visit with its officers and its (unfiled) problems. */
  async deleteVisit(db: Executor, id: number) {
    await db.deleteFrom('visitProblems').where('visitId', '=', id).execute();
    await db.deleteFrom('visitOfficers').where('visitId', '=', id).execute();
    await db.deleteFrom('visits').where('id', '=', id).execute();
  },
  async liveAttachments(db: Executor, visitId: number) {
    const rows = await db
      .selectFrom('attachments')
      .select('id')
      .where('ownerType', '=', 'visit')
      .where('ownerId', '=', String(visitId))
      .where('deletedAt', 'is', null)
      .execute();
    return rows.map((r) => r.id);
  },
  async insertOfficers(db: Executor, visitId: number, userIds: number[]) {
    if (userIds.length > 0)
      await db
        .insertInto('visitOfficers')
        .values(userIds.map((userId) => ({ visitId, userId })))
        .execute();
  },
  officersOf(db: Executor, visitIds: number[]) {
    if (visitIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('visitOfficers')
      .innerJoin('users', 'users.id', 'visitOfficers.userId')
      .select(['visitOfficers.visitId', 'users.id', 'users.displayName'])
      .where('visitOfficers.visitId', 'in', visitIds)
      .orderBy('users.id')
      .execute();
  },
  async insertProblem(db: Executor, values: Insertable<VisitProblemTable>) {
    const row = await db.insertInto('visitProblems').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  async setProblemLinks(db: Executor, id: number, taskId: number, requestId: number) {
    await db.updateTable('visitProblems').set({ taskId, requestId }).where('id', '=', id).execute();
  },
  problemsOf(db: Executor, visitId: number) {
    return db
      .selectFrom('visitProblems')
      .leftJoin('tasks', 'tasks.id', 'visitProblems.taskId')
      .selectAll('visitProblems')
      .select(['tasks.status as taskStatus', 'tasks.dueDate'])
      .where('visitProblems.visitId', '=', visitId)
      .orderBy('visitProblems.seq')
      .execute();
  },
  /** Active units a problem may be handed to (not firms, not banks). */
  problemUnits(db: Executor) {
    return db
      .selectFrom('orgUnits')
      .select(['id', 'nameZh', 'nameEn'])
      .where('active', '=', 1)
      .where('kind', 'in', ['office', 'department', 'township', 'service_team'])
      .orderBy('sortOrder')
      .orderBy('id')
      .execute();
  },

  // ---- reminders ----
  /** Claims the reminder of an officer for a period; false when it was sent already. */
  async claimReminder(db: Executor, officerUserId: number, periodKey: string, unvisited: number, sentAt: string) {
    const result = await db
      .insertInto('visitReminders')
      .values({ officerUserId, periodKey, unvisited, sentAt })
      .onConflict((oc) => oc.columns(['officerUserId', 'periodKey']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },
};
