import { type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import type { APPLICATION_SORTS, ApplicationListQuery, PROGRAMME_SORTS, ProgrammeListQuery } from '../../../shared/modules/funds.schemas';
import { type Scope, type ScopeColumns, applyScope } from '../../core/access/access';
import type { DialectName, Executor, Trx } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import type {
  FundApplicationEventTable,
  FundApplicationTable,
  FundCategoryTable,
  FundDisbursementTable,
  FundPolicyTable,
  FundProgrammeTable,
} from './funds.tables';

export type ProgrammeRow = Selectable<FundProgrammeTable>;
export type ApplicationRow = Selectable<FundApplicationTable>;
export type ProgrammeFilter = Omit<ProgrammeListQuery, 'page' | 'pageSize'>;
/** The list's filters, plus the steps "waiting for me" resolves to (status and, for the preliminary step, the unit). */
export type ApplicationFilter = Omit<ApplicationListQuery, 'page' | 'pageSize' | 'mine'> & {
  waiting?: { status: string; reviewUnitId?: number }[];
};

const PROGRAMME_SORT_COLUMNS: Record<(typeof PROGRAMME_SORTS)[number], string> = {
  id: 'fundProgrammes.id',
  year: 'fundProgrammes.year',
  budgetFen: 'fundProgrammes.budgetFen',
  closesOn: 'fundProgrammes.closesOn',
};
const APPLICATION_SORT_COLUMNS: Record<(typeof APPLICATION_SORTS)[number], string> = {
  id: 'fundApplications.id',
  submittedDate: 'fundApplications.submittedDate',
  requestedFen: 'fundApplications.requestedFen',
  status: 'fundApplications.status',
};

// The firm's township and the unit of the preliminary review see an application, and the firm itself.
const SCOPE_COLUMNS: ScopeColumns = {
  unit: ['fundApplications.townshipUnitId', 'fundApplications.reviewUnitId'],
  enterprise: 'fundApplications.enterpriseId',
};

function programmes(db: Executor, f: ProgrammeFilter, today: string) {
  let qb = db.selectFrom('fundProgrammes').selectAll('fundProgrammes');
  if (f.q) qb = qb.where('fundProgrammes.name', 'like', `%${f.q}%`);
  if (f.year) qb = qb.where('fundProgrammes.year', '=', f.year);
  if (f.fund) qb = qb.where('fundProgrammes.fund', '=', f.fund);
  if (f.open === 'true') qb = qb.where('fundProgrammes.opensOn', '<=', today).where('fundProgrammes.closesOn', '>=', today);
  if (f.open === 'false') qb = qb.where((eb) => eb.or([eb('fundProgrammes.opensOn', '>', today), eb('fundProgrammes.closesOn', '<', today)]));
  return qb;
}

function applications(db: Executor, f: ApplicationFilter, scope: Scope) {
  let qb = db
    .selectFrom('fundApplications')
    .innerJoin('fundProgrammes', 'fundProgrammes.id', 'fundApplications.programmeId')
    .innerJoin('fundCategories', 'fundCategories.id', 'fundApplications.categoryId')
    .innerJoin('enterprises', 'enterprises.id', 'fundApplications.enterpriseId')
    .leftJoin('tasks', 'tasks.id', 'fundApplications.taskId')
    .selectAll('fundApplications')
    .select([
      'enterprises.name as enterpriseName',
      'fundProgrammes.name as programmeName',
      'fundProgrammes.year as programmeYear',
      'fundProgrammes.fund as programmeFund',
      'fundCategories.name as categoryName',
      'tasks.dueDate as taskDueDate',
    ]);
  if (f.q) {
    const like = `%${f.q}%`;
    qb = qb.where((eb) => eb.or([eb('fundApplications.title', 'like', like), eb('enterprises.name', 'like', like)]));
  }
  if (f.programmeId) qb = qb.where('fundApplications.programmeId', '=', f.programmeId);
  if (f.status) qb = qb.where('fundApplications.status', '=', f.status);
  if (f.year) qb = qb.where('fundProgrammes.year', '=', f.year);
  if (f.waiting) {
    const waiting = f.waiting;
    qb = qb.where((eb) =>
      waiting.length === 0
        ? sql<boolean>`1 = 0`
        : eb.or(
            waiting.map((w) =>
              w.reviewUnitId === undefined
                ? eb('fundApplications.status', '=', w.status)
                : eb.and([eb('fundApplications.status', '=', w.status), eb('fundApplications.reviewUnitId', '=', w.reviewUnitId)]),
            ),
          ),
    );
  }
  return applyScope(qb, scope, SCOPE_COLUMNS);
}
export type ListedApplication = Awaited<ReturnType<ReturnType<typeof applications>['execute']>>[number];

/** SQL of funds: programmes and categories, applications in scope, history, disbursements, the budget totals. */
export const fundsRepository = {
  listProgrammes(db: Executor, f: ProgrammeListQuery, today: string) {
    return paginate(programmes(db, f, today), f, PROGRAMME_SORT_COLUMNS, 'year', 'fundProgrammes.id');
  },
  allProgrammes(db: Executor, f: ProgrammeFilter, today: string) {
    return allRows(programmes(db, f, today), f, PROGRAMME_SORT_COLUMNS, 'year', 'fundProgrammes.id');
  },
  programme(db: Executor, id: number) {
    return db.selectFrom('fundProgrammes').selectAll().where('id', '=', id).executeTakeFirst();
  },
  programmeByName(db: Executor, fund: string, year: number, name: string) {
    return db.selectFrom('fundProgrammes').select('id').where('fund', '=', fund).where('year', '=', year).where('name', '=', name).executeTakeFirst();
  },
  /**
   * The programme row, locked for the rest of the transaction: on PostgreSQL `SELECT … FOR UPDATE`, so a racing
   * approval waits here and then reads the totals the first one wrote; SQLite has one writer and needs no lock.
   */
  lockProgramme(trx: Trx, dialect: DialectName, id: number) {
    const qb = trx.selectFrom('fundProgrammes').selectAll().where('id', '=', id);
    return (dialect === 'postgres' ? qb.forUpdate() : qb).executeTakeFirst();
  },
  /** The application row, locked likewise (disbursements against one application queue here). */
  lockApplication(trx: Trx, dialect: DialectName, id: number) {
    const qb = trx.selectFrom('fundApplications').selectAll().where('id', '=', id);
    return (dialect === 'postgres' ? qb.forUpdate() : qb).executeTakeFirst();
  },
  categories(db: Executor, programmeIds: number[]) {
    return programmeIds.length
      ? db.selectFrom('fundCategories').selectAll().where('programmeId', 'in', programmeIds).orderBy('programmeId').orderBy('sortOrder').execute()
      : Promise.resolve([]);
  },
  category(db: Executor, id: number) {
    return db.selectFrom('fundCategories').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertProgramme(db: Executor, values: Insertable<FundProgrammeTable>) {
    const { id } = await db.insertInto('fundProgrammes').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async updateProgramme(db: Executor, id: number, values: Updateable<FundProgrammeTable>) {
    await db.updateTable('fundProgrammes').set(values).where('id', '=', id).execute();
  },
  async insertCategory(db: Executor, values: Insertable<FundCategoryTable>) {
    const { id } = await db.insertInto('fundCategories').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  unitsByIds(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind', 'active']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  unitByKind(db: Executor, kind: string) {
    return db.selectFrom('orgUnits').select('id').where('kind', '=', kind).where('active', '=', 1).orderBy('id').executeTakeFirst();
  },
  enterprise(db: Executor, id: number, scope: Scope) {
    return applyScope(db.selectFrom('enterprises').select(['id', 'name', 'townshipUnitId']).where('id', '=', id), scope, {
      unit: ['enterprises.townshipUnitId', 'enterprises.serviceTeamUnitId'],
      enterprise: 'enterprises.id',
    }).executeTakeFirst();
  },

  listApplications(db: Executor, f: ApplicationFilter & { page: number; pageSize: number }, scope: Scope) {
    return paginate(applications(db, f, scope), f, APPLICATION_SORT_COLUMNS, 'submittedDate', 'fundApplications.id');
  },
  allApplications(db: Executor, f: ApplicationFilter, scope: Scope) {
    return allRows(applications(db, f, scope), f, APPLICATION_SORT_COLUMNS, 'submittedDate', 'fundApplications.id');
  },
  findApplication(db: Executor, id: number, scope: Scope) {
    return applications(db, { order: 'asc' }, scope).where('fundApplications.id', '=', id).executeTakeFirst();
  },
  async insertApplication(db: Executor, values: Insertable<FundApplicationTable>) {
    const { id } = await db.insertInto('fundApplications').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async updateApplication(db: Executor, id: number, values: Updateable<FundApplicationTable>) {
    await db.updateTable('fundApplications').set(values).where('id', '=', id).execute();
  },
  async addEvent(db: Executor, values: Insertable<FundApplicationEventTable>) {
    await db.insertInto('fundApplicationEvents').values(values).execute();
  },
  events(db: Executor, applicationId: number) {
    return db
      .selectFrom('fundApplicationEvents')
      .leftJoin('users', 'users.id', 'fundApplicationEvents.userId')
      .leftJoin('orgUnits', 'orgUnits.id', 'fundApplicationEvents.unitId')
      .select([
        'fundApplicationEvents.id',
        'fundApplicationEvents.at',
        'fundApplicationEvents.kind',
        'fundApplicationEvents.text',
        'users.displayName as userName',
        'orgUnits.id as unitId',
        'orgUnits.nameZh as unitNameZh',
        'orgUnits.nameEn as unitNameEn',
      ])
      .where('fundApplicationEvents.applicationId', '=', applicationId)
      .orderBy('fundApplicationEvents.id')
      .execute();
  },
  disbursements(db: Executor, applicationId: number) {
    return db.selectFrom('fundDisbursements').selectAll().where('applicationId', '=', applicationId).orderBy('id').execute();
  },
  async insertDisbursement(db: Executor, values: Insertable<FundDisbursementTable>) {
    await db.insertInto('fundDisbursements').values(values).execute();
  },
  /** Per programme of a year (or every year): its totals and how many applications it has, and how many wait in review. */
  budget(db: Executor, year: number | undefined) {
    let qb = db
      .selectFrom('fundProgrammes')
      .leftJoin('fundApplications', 'fundApplications.programmeId', 'fundProgrammes.id')
      .select([
        'fundProgrammes.id',
        'fundProgrammes.name',
        'fundProgrammes.year',
        'fundProgrammes.fund',
        'fundProgrammes.budgetFen',
        'fundProgrammes.approvedFen',
        'fundProgrammes.disbursedFen',
      ])
      .select([
        sql<number>`count(fund_applications.id)`.as('applications'),
        sql<number>`sum(case when fund_applications.status in ('preliminary', 'office', 'leader') then 1 else 0 end)`.as('pending'),
      ])
      .groupBy([
        'fundProgrammes.id',
        'fundProgrammes.name',
        'fundProgrammes.year',
        'fundProgrammes.fund',
        'fundProgrammes.budgetFen',
        'fundProgrammes.approvedFen',
        'fundProgrammes.disbursedFen',
      ])
      .orderBy('fundProgrammes.year', 'desc')
      .orderBy('fundProgrammes.id');
    if (year) qb = qb.where('fundProgrammes.year', '=', year);
    return qb.execute();
  },
  listPolicies(db: Executor, f: { page: number; pageSize: number; sort?: 'id' | 'name'; order: 'asc' | 'desc'; q?: string }) {
    let qb = db.selectFrom('fundPolicies').selectAll('fundPolicies');
    if (f.q) qb = qb.where('fundPolicies.name', 'like', `%${f.q}%`);
    return paginate(qb, f, { id: 'fundPolicies.id', name: 'fundPolicies.name' }, 'id', 'fundPolicies.id');
  },
  activePolicies(db: Executor) {
    return db.selectFrom('fundPolicies').selectAll().where('active', '=', 1).orderBy('id').execute();
  },
  policy(db: Executor, id: number) {
    return db.selectFrom('fundPolicies').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertPolicy(db: Executor, values: Insertable<FundPolicyTable>) {
    const { id } = await db.insertInto('fundPolicies').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async updatePolicy(db: Executor, id: number, values: Updateable<FundPolicyTable>) {
    await db.updateTable('fundPolicies').set(values).where('id', '=', id).execute();
  },
  programmesByIds(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('fundProgrammes').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  categoriesByIds(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('fundCategories').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  /** The profile facts policies are written over, for every firm (or one): two queries, joined in memory. */
  async firmFacts(db: Executor, enterpriseId?: number) {
    let firms = db
      .selectFrom('enterprises')
      .select(['id', 'name', 'townshipUnitId', 'industryCode', 'aboveScale', 'highTech', 'smeTier', 'rdInstitutions', 'employees'])
      .orderBy('id');
    let chains = db.selectFrom('enterpriseChains').select(['enterpriseId', 'chainUnitId']);
    if (enterpriseId !== undefined) {
      firms = firms.where('id', '=', enterpriseId);
      chains = chains.where('enterpriseId', '=', enterpriseId);
    }
    return { firms: await firms.execute(), chains: await chains.execute() };
  },
  /** The firms that already have an application from a policy (a 免申即享 award is granted once). */
  async policyFirms(db: Executor, policyId: number) {
    const rows = await db.selectFrom('fundApplications').select('enterpriseId').where('policyId', '=', policyId).execute();
    return new Set(rows.map((r) => r.enterpriseId));
  },
  /** The policies a firm has applied from. */
  async firmPolicies(db: Executor, enterpriseId: number) {
    const rows = await db
      .selectFrom('fundApplications')
      .select('policyId')
      .where('enterpriseId', '=', enterpriseId)
      .where('policyId', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.policyId as number));
  },
  firmUserIds(db: Executor, enterpriseId: number) {
    return db.selectFrom('users').select('id').where('enterpriseId', '=', enterpriseId).where('active', '=', 1).execute();
  },
};
