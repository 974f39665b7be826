import { type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import type { REQUEST_SORTS, RequestListQuery } from '../../../shared/modules/services.schemas';
import { type Scope, type ScopeColumns, applyScope } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import type { ServiceCategoryTable, ServiceRequestEventTable, ServiceRequestPartTable, ServiceRequestTable } from './services.tables';

export type RequestRow = Selectable<ServiceRequestTable>;
export type PartRow = Selectable<ServiceRequestPartTable>;
export type RequestFilter = Omit<RequestListQuery, 'page' | 'pageSize'>;

const SORTS: Record<(typeof REQUEST_SORTS)[number], string> = {
  id: 'serviceRequests.id',
  receivedDate: 'serviceRequests.receivedDate',
  dueDate: 'serviceRequests.dueDate',
  status: 'serviceRequests.status',
};

// The owner unit and the firm's township see a request, so do the units handling a part of it, and the firm itself.
const SCOPE_COLUMNS: ScopeColumns = {
  unit: ['serviceRequests.ownerUnitId', 'serviceRequests.townshipUnitId'],
  enterprise: 'serviceRequests.enterpriseId',
  unitVia: [{ table: 'serviceRequestParts', parent: 'serviceRequests.id', key: 'requestId', unit: 'unitId' }],
};

function listed(db: Executor, f: RequestFilter, scope: Scope, today: string) {
  let qb = db
    .selectFrom('serviceRequests')
    .innerJoin('enterprises', 'enterprises.id', 'serviceRequests.enterpriseId')
    .innerJoin('serviceCategories', 'serviceCategories.id', 'serviceRequests.categoryId')
    .selectAll('serviceRequests')
    .select([
      'enterprises.name as enterpriseName',
      'serviceCategories.code as categoryCode',
      'serviceCategories.nameZh as categoryNameZh',
      'serviceCategories.nameEn as categoryNameEn',
      'serviceCategories.limitDays as categoryLimitDays',
    ])
    .select((eb) =>
      eb
        .selectFrom('serviceRequestParts')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('serviceRequestParts.requestId', '=', 'serviceRequests.id')
        .where('serviceRequestParts.status', '=', 'open')
        .as('openParts'),
    );
  if (f.q) {
    const like = `%${f.q}%`;
    qb = qb.where((eb) => eb.or([eb('serviceRequests.title', 'like', like), eb('enterprises.name', 'like', like)]));
  }
  if (f.status) qb = qb.where('serviceRequests.status', '=', f.status);
  if (f.channel) qb = qb.where('serviceRequests.channel', '=', f.channel);
  if (f.categoryId) qb = qb.where('serviceRequests.categoryId', '=', f.categoryId);
  if (f.ownerUnitId) qb = qb.where('serviceRequests.ownerUnitId', '=', f.ownerUnitId);
  if (f.enterpriseId) qb = qb.where('serviceRequests.enterpriseId', '=', f.enterpriseId);
  if (f.overdue === true) qb = qb.where('serviceRequests.status', '=', 'open').where('serviceRequests.dueDate', '<', today);
  if (f.overdue === false) qb = qb.where((eb) => eb.or([eb('serviceRequests.status', '!=', 'open'), eb('serviceRequests.dueDate', '>=', today)]));
  return applyScope(qb, scope, SCOPE_COLUMNS);
}
export type ListedRow = Awaited<ReturnType<ReturnType<typeof listed>['execute']>>[number];

/** SQL of enterprise services: categories, requests with their parts and history, statistics, firm accounts. */
export const servicesRepository = {
  /** Id and status of some requests. */
  statuses(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('serviceRequests').select(['id', 'status']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  categories(db: Executor) {
    return db.selectFrom('serviceCategories').selectAll().orderBy('sortOrder').orderBy('id').execute();
  },
  category(db: Executor, id: number) {
    return db.selectFrom('serviceCategories').selectAll().where('id', '=', id).executeTakeFirst();
  },
  categoryByCode(db: Executor, code: string) {
    return db.selectFrom('serviceCategories').selectAll().where('code', '=', code).executeTakeFirst();
  },
  async insertCategory(db: Executor, values: Insertable<ServiceCategoryTable>) {
    const { id } = await db.insertInto('serviceCategories').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async updateCategory(db: Executor, id: number, values: Updateable<ServiceCategoryTable>) {
    await db.updateTable('serviceCategories').set(values).where('id', '=', id).execute();
  },

  list(db: Executor, f: RequestListQuery, scope: Scope, today: string) {
    return paginate(listed(db, f, scope, today), f, SORTS, 'id', 'serviceRequests.id');
  },
  all(db: Executor, f: RequestFilter, scope: Scope, today: string) {
    return allRows(listed(db, f, scope, today), f, SORTS, 'id', 'serviceRequests.id');
  },
  findListed(db: Executor, id: number, scope: Scope, today: string) {
    return listed(db, {} as RequestFilter, scope, today)
      .where('serviceRequests.id', '=', id)
      .executeTakeFirst();
  },
  find(db: Executor, id: number, scope: Scope) {
    return applyScope(db.selectFrom('serviceRequests').selectAll().where('id', '=', id), scope, SCOPE_COLUMNS).executeTakeFirst();
  },
  async insert(db: Executor, values: Insertable<ServiceRequestTable>) {
    const { id } = await db.insertInto('serviceRequests').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<ServiceRequestTable>) {
    await db.updateTable('serviceRequests').set(values).where('id', '=', id).execute();
  },
  /** Moves a request from one status to another; false when another writer moved it first. */
  async transition(db: Executor, id: number, from: string, values: Updateable<ServiceRequestTable>) {
    const res = await db.updateTable('serviceRequests').set(values).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  parts(db: Executor, requestId: number) {
    return db.selectFrom('serviceRequestParts').selectAll().where('requestId', '=', requestId).orderBy('id').execute();
  },
  async insertPart(db: Executor, values: Insertable<ServiceRequestPartTable>) {
    const { id } = await db.insertInto('serviceRequestParts').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async updatePart(db: Executor, id: number, values: Updateable<ServiceRequestPartTable>) {
    await db.updateTable('serviceRequestParts').set(values).where('id', '=', id).execute();
  },
  events(db: Executor, requestId: number, publicOnly: boolean) {
    let qb = db
      .selectFrom('serviceRequestEvents')
      .leftJoin('users', 'users.id', 'serviceRequestEvents.userId')
      .selectAll('serviceRequestEvents')
      .select('users.displayName')
      .where('serviceRequestEvents.requestId', '=', requestId);
    if (publicOnly) qb = qb.where('serviceRequestEvents.public', '=', 1);
    return qb.orderBy('serviceRequestEvents.id').execute();
  },
  async addEvent(db: Executor, values: Insertable<ServiceRequestEventTable>) {
    await db.insertInto('serviceRequestEvents').values(values).execute();
  },

  unitsByIds(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind', 'active']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  /** The units a part may be handed to: every active staff unit (a township's unit scope would show it only itself). */
  handoverUnits(db: Executor) {
    return db
      .selectFrom('orgUnits')
      .select(['id', 'nameZh', 'nameEn', 'kind'])
      .where('active', '=', 1)
      .where('kind', 'in', ['office', 'department', 'township', 'industry_group', 'service_team'])
      .orderBy('sortOrder')
      .orderBy('id')
      .execute();
  },
  /** The firm a request is for, within the caller's directory scope. */
  enterprise(db: Executor, id: number, scope: Scope) {
    return applyScope(db.selectFrom('enterprises').select(['id', 'name', 'townshipUnitId']).where('id', '=', id), scope, {
      unit: ['enterprises.townshipUnitId', 'enterprises.serviceTeamUnitId'],
      enterprise: 'enterprises.id',
    }).executeTakeFirst();
  },
  /** A firm the scope serves through its township or service team; a firm's own account does not serve itself. */
  servedEnterprise(db: Executor, id: number, scope: Scope) {
    return applyScope(db.selectFrom('enterprises').select(['id', 'name', 'townshipUnitId']).where('id', '=', id), scope, {
      unit: ['enterprises.townshipUnitId', 'enterprises.serviceTeamUnitId'],
    }).executeTakeFirst();
  },
  enterpriseByUscc(db: Executor, uscc: string) {
    return db.selectFrom('enterprises').select(['id', 'name']).where('uscc', '=', uscc).executeTakeFirst();
  },
  /** The active accounts of a firm: who is told when its request is answered. */
  async firmUserIds(db: Executor, enterpriseId: number) {
    const rows = await db.selectFrom('users').select('id').where('enterpriseId', '=', enterpriseId).where('active', '=', 1).execute();
    return rows.map((r) => r.id);
  },

  /**
   * Per owner unit over a period: requests received, closed (last closed within it), closed on time, rated and
   * satisfied, the working days they took; one grouped scan each for requests and for parts.
   */
  async stats(db: Executor, from: string, to: string, scope: Scope) {
    const closedIn = sql<boolean>`closed_date between ${from} and ${to}`;
    const requests = await applyScope(
      db
        .selectFrom('serviceRequests')
        .select('serviceRequests.ownerUnitId as unitId')
        .select([
          sql<number>`sum(case when received_date between ${from} and ${to} then 1 else 0 end)`.as('received'),
          sql<number>`sum(case when status <> 'open' and ${closedIn} then 1 else 0 end)`.as('closed'),
          sql<number>`sum(case when status <> 'open' and ${closedIn} and on_time = 1 then 1 else 0 end)`.as('onTime'),
          sql<number>`sum(case when status <> 'open' and ${closedIn} and rating is not null then 1 else 0 end)`.as('rated'),
          sql<number>`sum(case when status <> 'open' and ${closedIn} and rating in ('satisfied', 'basic') then 1 else 0 end)`.as('satisfied'),
          sql<number>`sum(case when status <> 'open' and ${closedIn} then working_days else 0 end)`.as('workingDays'),
        ])
        .where((eb) =>
          eb.or([eb.and([eb('receivedDate', '>=', from), eb('receivedDate', '<=', to)]), eb.and([eb('closedDate', '>=', from), eb('closedDate', '<=', to)])]),
        )
        .groupBy('serviceRequests.ownerUnitId'),
      scope,
      { unit: 'serviceRequests.ownerUnitId' },
    ).execute();
    const parts = await applyScope(
      db
        .selectFrom('serviceRequestParts')
        .select('serviceRequestParts.unitId')
        .select([
          sql<number>`count(*)`.as('parts'),
          sql<number>`sum(case when status = 'replied' and replied_date <= due_date then 1 else 0 end)`.as('partsOnTime'),
        ])
        .where('dueDate', '>=', from)
        .where('dueDate', '<=', to)
        .groupBy('serviceRequestParts.unitId'),
      scope,
      { unit: 'serviceRequestParts.unitId' },
    ).execute();
    return { requests, parts };
  },

  /** The unit enterprise accounts belong to (kind `enterprise`), under the county. */
  firmsUnit(db: Executor) {
    return db.selectFrom('orgUnits').select(['id', 'path']).where('code', '=', FIRMS_UNIT_CODE).executeTakeFirst();
  },
  accounts(db: Executor, f: { q?: string; page: number; pageSize: number; order: 'asc' | 'desc' }, scope: Scope) {
    let qb = db
      .selectFrom('users')
      .innerJoin('enterprises', 'enterprises.id', 'users.enterpriseId')
      .select([
        'users.id',
        'users.username',
        'users.displayName',
        'users.phone',
        'users.active',
        'users.lastLoginAt',
        'enterprises.id as enterpriseId',
        'enterprises.name as enterpriseName',
      ]);
    if (f.q) {
      const like = `%${f.q}%`;
      qb = qb.where((eb) => eb.or([eb('users.username', 'like', like), eb('enterprises.name', 'like', like)]));
    }
    qb = applyScope(qb, scope, { unit: 'enterprises.townshipUnitId' });
    return paginate(qb, { ...f, sort: 'id' }, { id: 'users.id' }, 'id', 'users.id');
  },
};

/** The code of the unit that holds every enterprise account (so that no staff unit's notices reach a firm). */
export const FIRMS_UNIT_CODE = 'enterprise-accounts';
