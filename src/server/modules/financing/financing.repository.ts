import { type Insertable, type Updateable, sql } from 'kysely';
import type { MATCH_SORTS, MatchListQuery, NEED_SORTS, NeedListQuery, PRODUCT_SORTS, ProductListQuery } from '../../../shared/modules/financing.schemas';
import { type Scope, type ScopeColumns, applyScope } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import type { FinancingMatchTable, FinancingNeedTable, FinancingProductTable } from './financing.tables';

export type NeedFilter = Omit<NeedListQuery, 'page' | 'pageSize'>;
export type MatchFilter = Omit<MatchListQuery, 'page' | 'pageSize'>;

const PRODUCT_SORT_COLUMNS: Record<(typeof PRODUCT_SORTS)[number], string> = {
  id: 'financingProducts.id',
  name: 'financingProducts.name',
  maxAmountFen: 'financingProducts.maxAmountFen',
  rateMinBp: 'financingProducts.rateMinBp',
};
const NEED_SORT_COLUMNS: Record<(typeof NEED_SORTS)[number], string> = {
  id: 'financingNeeds.id',
  receivedDate: 'financingNeeds.receivedDate',
  amountFen: 'financingNeeds.amountFen',
  status: 'financingNeeds.status',
};
const MATCH_SORT_COLUMNS: Record<(typeof MATCH_SORTS)[number], string> = {
  id: 'financingMatches.id',
  updatedAt: 'financingMatches.updatedAt',
  amountFen: 'financingMatches.amountFen',
};

/**
 * Who sees a need: its township and responsible unit, the firm itself, and the banks it is shared with (a bank's
 * scope is its own unit, reached through the need's bank list).
 */
const NEED_SCOPE: ScopeColumns = {
  unit: ['financingNeeds.townshipUnitId', 'financingNeeds.ownerUnitId'],
  enterprise: 'financingNeeds.enterpriseId',
  unitVia: [{ table: 'financingNeedBanks', parent: 'financingNeeds.id', key: 'needId', unit: 'bankUnitId' }],
};
/** Who sees a match: its bank (its own only), the need's township and responsible unit, and the firm. */
const MATCH_SCOPE: ScopeColumns = {
  unit: ['financingMatches.bankUnitId', 'financingNeeds.townshipUnitId', 'financingNeeds.ownerUnitId'],
  enterprise: 'financingNeeds.enterpriseId',
};

function products(db: Executor, f: Omit<ProductListQuery, 'page' | 'pageSize'>, scope: Scope) {
  let qb = db
    .selectFrom('financingProducts')
    .innerJoin('orgUnits', 'orgUnits.id', 'financingProducts.bankUnitId')
    .selectAll('financingProducts')
    .select(['orgUnits.nameZh as bankNameZh', 'orgUnits.nameEn as bankNameEn']);
  if (f.q) qb = qb.where('financingProducts.name', 'like', `%${f.q}%`);
  if (f.type) qb = qb.where('financingProducts.type', '=', f.type);
  if (f.bankUnitId) qb = qb.where('financingProducts.bankUnitId', '=', f.bankUnitId);
  return applyScope(qb, scope, { unit: 'financingProducts.bankUnitId' });
}

function needs(db: Executor, f: NeedFilter, scope: Scope) {
  let qb = db
    .selectFrom('financingNeeds')
    .innerJoin('enterprises', 'enterprises.id', 'financingNeeds.enterpriseId')
    .selectAll('financingNeeds')
    .select('enterprises.name as enterpriseName');
  if (f.q) qb = qb.where((eb) => eb.or([eb('enterprises.name', 'like', `%${f.q}%`), eb('financingNeeds.purpose', 'like', `%${f.q}%`)]));
  if (f.status) qb = qb.where('financingNeeds.status', '=', f.status);
  if (f.urgency) qb = qb.where('financingNeeds.urgency', '=', f.urgency);
  if (f.townshipUnitId) qb = qb.where('financingNeeds.townshipUnitId', '=', f.townshipUnitId);
  if (f.enterpriseId) qb = qb.where('financingNeeds.enterpriseId', '=', f.enterpriseId);
  if (f.open === 'true') qb = qb.where('financingNeeds.status', 'in', ['pending', 'matching', 'credited']);
  if (f.open === 'false') qb = qb.where('financingNeeds.status', 'in', ['loaned', 'failed']);
  if (f.meetingId) {
    const meetingId = f.meetingId;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('financingMeetingNeeds')
          .select(sql`1`.as('one'))
          .whereRef('financingMeetingNeeds.needId', '=', 'financingNeeds.id')
          .where('financingMeetingNeeds.meetingId', '=', meetingId),
      ),
    );
  }
  return applyScope(qb, scope, NEED_SCOPE);
}
export type NeedRow = Awaited<ReturnType<ReturnType<typeof needs>['execute']>>[number];

function matches(db: Executor, f: MatchFilter, scope: Scope) {
  let qb = db
    .selectFrom('financingMatches')
    .innerJoin('financingNeeds', 'financingNeeds.id', 'financingMatches.needId')
    .innerJoin('enterprises', 'enterprises.id', 'financingNeeds.enterpriseId')
    .innerJoin('orgUnits as bank', 'bank.id', 'financingMatches.bankUnitId')
    .leftJoin('financingProducts', 'financingProducts.id', 'financingMatches.productId')
    .selectAll('financingMatches')
    .select([
      'financingNeeds.enterpriseId',
      'enterprises.name as enterpriseName',
      'financingNeeds.amountFen as needAmountFen',
      'bank.nameZh as bankNameZh',
      'bank.nameEn as bankNameEn',
      'financingProducts.name as productName',
    ]);
  if (f.outcome) qb = qb.where('financingMatches.outcome', '=', f.outcome);
  if (f.bankUnitId) qb = qb.where('financingMatches.bankUnitId', '=', f.bankUnitId);
  if (f.meetingId) qb = qb.where('financingMatches.meetingId', '=', f.meetingId);
  if (f.needId) qb = qb.where('financingMatches.needId', '=', f.needId);
  return applyScope(qb, scope, MATCH_SCOPE);
}
export type MatchRow = Awaited<ReturnType<ReturnType<typeof matches>['execute']>>[number];

/** The date window of the statistics, on the need's receipt. */
type Window = { from?: string; to?: string };
function inWindow<QB extends { where: (...args: any[]) => QB }>(qb: QB, w: Window): QB {
  let q = qb;
  if (w.from) q = q.where('financingNeeds.receivedDate', '>=', w.from);
  if (w.to) q = q.where('financingNeeds.receivedDate', '<=', w.to);
  return q;
}

/** SQL of financing: banks, products, needs and their banks, meeting lists, matches, statistics. */
export const financingRepository = {
  banks(db: Executor, ids?: number[]) {
    let qb = db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn']).where('kind', '=', 'bank').where('active', '=', 1);
    if (ids) qb = qb.where('id', 'in', ids.length ? ids : [0]);
    return qb.orderBy('sortOrder').orderBy('id').execute();
  },
  unitsByIds(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  enterprise(db: Executor, id: number, scope: Scope) {
    return applyScope(db.selectFrom('enterprises').select(['id', 'name', 'townshipUnitId']).where('id', '=', id), scope, {
      unit: ['enterprises.townshipUnitId', 'enterprises.serviceTeamUnitId'],
      enterprise: 'enterprises.id',
    }).executeTakeFirst();
  },

  listProducts(db: Executor, f: ProductListQuery, scope: Scope) {
    return paginate(products(db, f, scope), f, PRODUCT_SORT_COLUMNS, 'id', 'financingProducts.id');
  },
  allProducts(db: Executor, f: Omit<ProductListQuery, 'page' | 'pageSize'>, scope: Scope) {
    return allRows(products(db, f, scope), f, PRODUCT_SORT_COLUMNS, 'id', 'financingProducts.id');
  },
  product(db: Executor, id: number, scope: Scope) {
    return products(db, {} as ProductListQuery, scope)
      .where('financingProducts.id', '=', id)
      .executeTakeFirst();
  },
  async insertProduct(db: Executor, values: Insertable<FinancingProductTable>) {
    const { id } = await db.insertInto('financingProducts').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async updateProduct(db: Executor, id: number, values: Updateable<FinancingProductTable>) {
    await db.updateTable('financingProducts').set(values).where('id', '=', id).execute();
  },

  listNeeds(db: Executor, f: NeedListQuery, scope: Scope) {
    return paginate(needs(db, f, scope), f, NEED_SORT_COLUMNS, 'id', 'financingNeeds.id');
  },
  allNeeds(db: Executor, f: NeedFilter, scope: Scope) {
    return allRows(needs(db, f, scope), f, NEED_SORT_COLUMNS, 'id', 'financingNeeds.id');
  },
  need(db: Executor, id: number, scope: Scope) {
    return needs(db, {} as NeedFilter, scope)
      .where('financingNeeds.id', '=', id)
      .executeTakeFirst();
  },
  async insertNeed(db: Executor, values: Insertable<FinancingNeedTable>) {
    const { id } = await db.insertInto('financingNeeds').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async updateNeed(db: Executor, id: number, values: Updateable<FinancingNeedTable>) {
    await db.updateTable('financingNeeds').set(values).where('id', '=', id).execute();
  },
  async setNeedBanks(db: Executor, needId: number, bankUnitIds: number[]) {
    if (bankUnitIds.length)
      await db
        .insertInto('financingNeedBanks')
        .values(bankUnitIds.map((bankUnitId) => ({ needId, bankUnitId })))
        .execute();
  },
  async removeNeedBanks(db: Executor, needId: number, bankUnitIds: number[]) {
    if (bankUnitIds.length) await db.deleteFrom('financingNeedBanks').where('needId', '=', needId).where('bankUnitId', 'in', bankUnitIds).execute();
  },
  async needBankIds(db: Executor, needId: number) {
    return (await db.selectFrom('financingNeedBanks').select('bankUnitId').where('needId', '=', needId).execute()).map((r) => r.bankUnitId);
  },
  /** The ids of the meetings whose lists a need is on (the meetings module describes them). */
  async needMeetingIds(db: Executor, needId: number) {
    return (await db.selectFrom('financingMeetingNeeds').select('meetingId').where('needId', '=', needId).execute()).map((r) => r.meetingId);
  },

  listMatches(db: Executor, f: MatchListQuery, scope: Scope) {
    return paginate(matches(db, f, scope), f, MATCH_SORT_COLUMNS, 'id', 'financingMatches.id');
  },
  allMatches(db: Executor, f: MatchFilter, scope: Scope) {
    return allRows(matches(db, f, scope), f, MATCH_SORT_COLUMNS, 'id', 'financingMatches.id');
  },
  matchOf(db: Executor, needId: number, bankUnitId: number) {
    return db.selectFrom('financingMatches').selectAll().where('needId', '=', needId).where('bankUnitId', '=', bankUnitId).executeTakeFirst();
  },
  async insertMatch(db: Executor, values: Insertable<FinancingMatchTable>) {
    const { id } = await db.insertInto('financingMatches').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async updateMatch(db: Executor, id: number, values: Updateable<FinancingMatchTable>) {
    await db.updateTable('financingMatches').set(values).where('id', '=', id).execute();
  },
  /** The loans and credits recorded for a need, across banks. */
  matchesOfNeed(db: Executor, needId: number) {
    return db.selectFrom('financingMatches').selectAll().where('needId', '=', needId).execute();
  },

  /** Per meeting: needs on its list and loans granted at it (the banks taking part are the service's to find). */
  async meetingCounts(db: Executor, meetingIds: number[]) {
    if (!meetingIds.length) return { needs: [], loans: [] };
    const count = sql<number>`count(*)`.as('n');
    const [n, l] = await Promise.all([
      db.selectFrom('financingMeetingNeeds').select('meetingId').select(count).where('meetingId', 'in', meetingIds).groupBy('meetingId').execute(),
      db
        .selectFrom('financingMatches')
        .select('meetingId')
        .select(count)
        .where('meetingId', 'in', meetingIds)
        .where('outcome', '=', 'loan')
        .groupBy('meetingId')
        .execute(),
    ]);
    return { needs: n, loans: l };
  },
  /** The banks the office named for these meetings, as (meetingId, bankUnitId) pairs. */
  namedMeetingBanks(db: Executor, meetingIds: number[]) {
    return meetingIds.length
      ? db.selectFrom('financingMeetingBanks').select(['meetingId', 'bankUnitId']).where('meetingId', 'in', meetingIds).execute()
      : Promise.resolve([]);
  },
  /** Those of these units that are banks (active or not), in the banks' order. */
  banksAmong(db: Executor, unitIds: number[]) {
    return unitIds.length
      ? db
          .selectFrom('orgUnits')
          .select(['id', 'nameZh', 'nameEn'])
          .where('kind', '=', 'bank')
          .where('id', 'in', [...new Set(unitIds)])
          .orderBy('sortOrder')
          .orderBy('id')
          .execute()
      : Promise.resolve([]);
  },
  async setMeetingBanks(db: Executor, meetingId: number, bankUnitIds: number[]) {
    await db.deleteFrom('financingMeetingBanks').where('meetingId', '=', meetingId).execute();
    if (bankUnitIds.length)
      await db
        .insertInto('financingMeetingBanks')
        .values(bankUnitIds.map((bankUnitId) => ({ meetingId, bankUnitId })))
        .execute();
  },
  async meetingNeedIds(db: Executor, meetingId: number) {
    return (await db.selectFrom('financingMeetingNeeds').select('needId').where('meetingId', '=', meetingId).execute()).map((r) => r.needId);
  },
  async addMeetingNeeds(db: Executor, meetingId: number, needIds: number[], at: string) {
    const present = new Set(await this.meetingNeedIds(db, meetingId));
    const fresh = [...new Set(needIds)].filter((id) => !present.has(id));
    if (fresh.length)
      await db
        .insertInto('financingMeetingNeeds')
        .values(fresh.map((needId) => ({ meetingId, needId, addedAt: at })))
        .execute();
    return fresh;
  },
  async removeMeetingNeed(db: Executor, meetingId: number, needId: number) {
    const res = await db.deleteFrom('financingMeetingNeeds').where('meetingId', '=', meetingId).where('needId', '=', needId).executeTakeFirst();
    return Number(res.numDeletedRows) === 1;
  },
  /** Needs on the lists of earlier meetings (before `date`) that are still unresolved: what carries over. */
  async unresolvedFromEarlier(db: Executor, meetingIds: number[]) {
    if (!meetingIds.length) return [];
    const rows = await db
      .selectFrom('financingMeetingNeeds')
      .innerJoin('financingNeeds', 'financingNeeds.id', 'financingMeetingNeeds.needId')
      .select('financingNeeds.id')
      .distinct()
      .where('financingMeetingNeeds.meetingId', 'in', meetingIds)
      .where('financingNeeds.status', 'in', ['pending', 'matching', 'credited'])
      .execute();
    return rows.map((r) => r.id);
  },

  /**
   * Statistics grouped by bank: needs shared with it (received), loans it granted (placed), amounts requested and
   * granted, working days from need to loan, declines. One grouped scan of the shares and one of the matches.
   */
  async statsByBank(db: Executor, w: Window, scope: Scope) {
    const received = await applyScope(
      inWindow(
        db
          .selectFrom('financingNeedBanks')
          .innerJoin('financingNeeds', 'financingNeeds.id', 'financingNeedBanks.needId')
          .select('financingNeedBanks.bankUnitId as key')
          .select([sql<number>`count(*)`.as('received'), sql<number>`sum(financing_needs.amount_fen)`.as('requestedFen')])
          .groupBy('financingNeedBanks.bankUnitId'),
        w,
      ),
      scope,
      { unit: 'financingNeedBanks.bankUnitId' },
    ).execute();
    const outcomes = await applyScope(
      inWindow(
        db
          .selectFrom('financingMatches')
          .innerJoin('financingNeeds', 'financingNeeds.id', 'financingMatches.needId')
          .select('financingMatches.bankUnitId as key')
          .select([
            sql<number>`sum(case when financing_matches.outcome = 'loan' then 1 else 0 end)`.as('placed'),
            sql<number>`sum(case when financing_matches.outcome = 'loan' then financing_matches.amount_fen else 0 end)`.as('grantedFen'),
            sql<number>`sum(case when financing_matches.outcome = 'loan' then financing_matches.working_days else 0 end)`.as('workingDays'),
            sql<number>`sum(case when financing_matches.outcome = 'declined' then 1 else 0 end)`.as('declined'),
          ])
          .groupBy('financingMatches.bankUnitId'),
        w,
      ),
      scope,
      { unit: 'financingMatches.bankUnitId' },
    ).execute();
    return { received, outcomes };
  },

  /** Statistics grouped by the need's township, or by the chain its firm belongs to (a firm in two chains counts in both). */
  async statsByNeed(db: Executor, by: 'township' | 'chain', w: Window, scope: Scope) {
    const base =
      by === 'township'
        ? db.selectFrom('financingNeeds').select('financingNeeds.townshipUnitId as key')
        : db
            .selectFrom('financingNeeds')
            .innerJoin('enterpriseChains', 'enterpriseChains.enterpriseId', 'financingNeeds.enterpriseId')
            .select('enterpriseChains.chainUnitId as key');
    const received = await applyScope(
      inWindow(
        base
          .select([
            sql<number>`count(*)`.as('received'),
            sql<number>`sum(case when financing_needs.status = 'loaned' then 1 else 0 end)`.as('placed'),
            sql<number>`sum(financing_needs.amount_fen)`.as('requestedFen'),
            sql<number>`sum(financing_needs.granted_fen)`.as('grantedFen'),
            sql<number>`sum(case when financing_needs.status = 'loaned' then financing_needs.working_days else 0 end)`.as('workingDays'),
          ])
          .groupBy(sql.ref(by === 'township' ? 'financingNeeds.townshipUnitId' : 'enterpriseChains.chainUnitId')),
        w,
      ),
      scope,
      NEED_SCOPE,
    ).execute();
    const declinedBase =
      by === 'township'
        ? db
            .selectFrom('financingMatches')
            .innerJoin('financingNeeds', 'financingNeeds.id', 'financingMatches.needId')
            .select('financingNeeds.townshipUnitId as key')
        : db
            .selectFrom('financingMatches')
            .innerJoin('financingNeeds', 'financingNeeds.id', 'financingMatches.needId')
            .innerJoin('enterpriseChains', 'enterpriseChains.enterpriseId', 'financingNeeds.enterpriseId')
            .select('enterpriseChains.chainUnitId as key');
    const declined = await applyScope(
      inWindow(
        declinedBase
          .select(sql<number>`count(*)`.as('declined'))
          .where('financingMatches.outcome', '=', 'declined')
          .groupBy(sql.ref(by === 'township' ? 'financingNeeds.townshipUnitId' : 'enterpriseChains.chainUnitId')),
        w,
      ),
      scope,
      MATCH_SCOPE,
    ).execute();
    return { received, declined };
  },

  /** Statistics grouped by matchmaking meeting: the needs on its list and the loans granted for them. */
  async statsByMeeting(db: Executor, w: Window, scope: Scope) {
    const received = await applyScope(
      inWindow(
        db
          .selectFrom('financingMeetingNeeds')
          .innerJoin('financingNeeds', 'financingNeeds.id', 'financingMeetingNeeds.needId')
          .select('financingMeetingNeeds.meetingId as key')
          .select([
            sql<number>`count(*)`.as('received'),
            sql<number>`sum(case when financing_needs.status = 'loaned' then 1 else 0 end)`.as('placed'),
            sql<number>`sum(financing_needs.amount_fen)`.as('requestedFen'),
            sql<number>`sum(financing_needs.granted_fen)`.as('grantedFen'),
            sql<number>`sum(case when financing_needs.status = 'loaned' then financing_needs.working_days else 0 end)`.as('workingDays'),
          ])
          .groupBy('financingMeetingNeeds.meetingId'),
        w,
      ),
      scope,
      NEED_SCOPE,
    ).execute();
    const declined = await applyScope(
      inWindow(
        db
          .selectFrom('financingMatches')
          .innerJoin('financingNeeds', 'financingNeeds.id', 'financingMatches.needId')
          .select('financingMatches.meetingId as key')
          .select(sql<number>`count(*)`.as('declined'))
          .where('financingMatches.outcome', '=', 'declined')
          .where('financingMatches.meetingId', 'is not', null)
          .groupBy('financingMatches.meetingId'),
        w,
      ),
      scope,
      MATCH_SCOPE,
    ).execute();
    return { received, declined };
  },

  /** How often each decline reason was given, within scope. */
  declineReasons(db: Executor, w: Window, scope: Scope) {
    return applyScope(
      inWindow(
        db
          .selectFrom('financingMatches')
          .innerJoin('financingNeeds', 'financingNeeds.id', 'financingMatches.needId')
          .select('financingMatches.declineReason as reason')
          .select(sql<number>`count(*)`.as('count'))
          .where('financingMatches.outcome', '=', 'declined')
          .groupBy('financingMatches.declineReason'),
        w,
      ),
      scope,
      MATCH_SCOPE,
    ).execute();
  },
};
