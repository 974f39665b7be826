import { type Insertable, type Updateable, sql } from 'kysely';
import type { ChainListQuery, LeadFilter, LeadListQuery } from '../../../shared/modules/chains.schemas';
import { type Scope, applyScope } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import { usersRepository } from '../../core/users/users.repository';
import type { ChainLeadEventTable, ChainLeadTable, ChainSegmentTable, ChainTable } from './chains.tables';

const CHAIN_SORTS = { code: 'c.code', nameZh: 'c.nameZh', firmCount: 'c.firmCount', weakCount: 'c.weakCount' } as const;
const LEAD_SORTS = {
  name: 'l.name',
  plannedInvestmentFen: 'l.plannedInvestmentFen',
  stage: 'l.stageOrder',
  updatedAt: 'l.updatedAt',
  signedDate: 'l.signedDate',
  nextStepDate: 'l.nextStepDate',
} as const;

/** Chains in a scope (matched on the team unit), each with its counts of firms, segments, weak segments and members. */
function chainsWithCounts(db: Executor, scope: Scope) {
  const inner = applyScope(
    db
      .selectFrom('chains')
      .selectAll('chains')
      .select((eb) => [
        eb
          .selectFrom('chainSegmentFirms')
          .innerJoin('chainSegments', 'chainSegments.id', 'chainSegmentFirms.segmentId')
          .whereRef('chainSegments.chainId', '=', 'chains.id')
          .select(sql<number>`count(distinct chain_segment_firms.enterprise_id)`.as('n'))
          .as('firmCount'),
        eb
          .selectFrom('chainSegments')
          .whereRef('chainSegments.chainId', '=', 'chains.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('segmentCount'),
        eb
          .selectFrom('chainSegments as s')
          .whereRef('s.chainId', '=', 'chains.id')
          .where((e) =>
            e.or([e('s.weak', '=', 1), e.not(e.exists(e.selectFrom('chainSegmentFirms as f').select('f.segmentId').whereRef('f.segmentId', '=', 's.id')))]),
          )
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('weakCount'),
        eb
          .selectFrom('chainMembers')
          .whereRef('chainMembers.chainId', '=', 'chains.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('memberCount'),
      ]),
    scope,
    { unit: 'chains.teamUnitId' },
  );
  return db.selectFrom(inner.as('c')).selectAll('c');
}

function filteredChains(db: Executor, scope: Scope, f: Omit<ChainListQuery, 'page' | 'pageSize' | 'sort' | 'order'>) {
  let q = chainsWithCounts(db, scope);
  if (f.groupUnitId) q = q.where('c.groupUnitId', '=', f.groupUnitId);
  if (f.leaderUserId) q = q.where('c.leaderUserId', '=', f.leaderUserId);
  if (f.weak !== undefined) q = q.where('c.weakCount', f.weak ? '>' : '=', 0);
  if (f.q) q = q.where((eb) => eb.or([eb('c.nameZh', 'like', `%${f.q}%`), eb('c.nameEn', 'like', `%${f.q}%`), eb('c.code', 'like', `%${f.q}%`)]));
  return q;
}

export type ChainRow = Awaited<ReturnType<ReturnType<typeof chainsWithCounts>['executeTakeFirstOrThrow']>>;

/**
 * Leads in a scope (matched on the responsible team), with `stalled` computed in SQL: not in production and last
 * updated before `stalledBefore` (an instant: the end of the county day that is the stalled-days setting ago).
 */
function leadsQuery(db: Executor, scope: Scope, stalledBefore: string, f: LeadFilter) {
  const stalled = sql<number>`case when chain_leads.stage <> 'producing' and chain_leads.updated_at < ${stalledBefore} then 1 else 0 end`;
  let inner = applyScope(db.selectFrom('chainLeads').selectAll('chainLeads').select(stalled.as('stalled')), scope, { unit: 'chainLeads.teamUnitId' });
  if (f.chainId) inner = inner.where('chainLeads.chainId', '=', f.chainId);
  if (f.teamUnitId) inner = inner.where('chainLeads.teamUnitId', '=', f.teamUnitId);
  if (f.stage) inner = inner.where('chainLeads.stage', '=', f.stage);
  if (f.source) inner = inner.where('chainLeads.source', '=', f.source);
  if (f.stalled !== undefined)
    inner = inner.where((eb) =>
      f.stalled
        ? eb.and([eb('chainLeads.stage', '<>', 'producing'), eb('chainLeads.updatedAt', '<', stalledBefore)])
        : eb.or([eb('chainLeads.stage', '=', 'producing'), eb('chainLeads.updatedAt', '>=', stalledBefore)]),
    );
  if (f.q) inner = inner.where((eb) => eb.or([eb('chainLeads.name', 'like', `%${f.q}%`), eb('chainLeads.investor', 'like', `%${f.q}%`)]));
  return db.selectFrom(inner.as('l')).selectAll('l');
}

export type LeadRow = Awaited<ReturnType<ReturnType<typeof leadsQuery>['executeTakeFirstOrThrow']>>;

/** SQL of chains, their teams, segments and links, and the investment leads. */
export const chainsRepository = {
  list(db: Executor, scope: Scope, q: ChainListQuery) {
    return paginate(filteredChains(db, scope, q), q, CHAIN_SORTS, 'code', 'c.id');
  },
  all(db: Executor, scope: Scope, q: Omit<ChainListQuery, 'page' | 'pageSize'>) {
    return allRows(filteredChains(db, scope, q), q, CHAIN_SORTS, 'code', 'c.id');
  },
  find(db: Executor, scope: Scope, id: number) {
    return chainsWithCounts(db, scope).where('c.id', '=', id).executeTakeFirst();
  },
  briefs(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('chains').select(['id', 'nameZh', 'nameEn', 'teamUnitId']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  allBriefs(db: Executor) {
    return db.selectFrom('chains').select(['id', 'code', 'nameZh', 'nameEn', 'teamUnitId']).orderBy('code').execute();
  },
  byCode(db: Executor, code: string) {
    return db.selectFrom('chains').select('id').where('code', '=', code).executeTakeFirst();
  },
  byTeam(db: Executor, teamUnitId: number) {
    return db.selectFrom('chains').select('id').where('teamUnitId', '=', teamUnitId).executeTakeFirst();
  },
  async insert(db: Executor, row: Insertable<ChainTable>) {
    const { id } = await db.insertInto('chains').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, patch: Updateable<ChainTable>) {
    await db.updateTable('chains').set(patch).where('id', '=', id).execute();
  },
  members(db: Executor, chainIds: number[]) {
    if (!chainIds.length) return Promise.resolve([]);
    return db
      .selectFrom('chainMembers')
      .innerJoin('orgUnits', 'orgUnits.id', 'chainMembers.unitId')
      .selectAll('chainMembers')
      .select(['orgUnits.nameZh', 'orgUnits.nameEn'])
      .where('chainMembers.chainId', 'in', chainIds)
      .orderBy('chainMembers.sortOrder')
      .execute();
  },
  async replaceMembers(db: Executor, chainId: number, members: { unitId: number; name: string; position: string; role: string }[]) {
    await db.deleteFrom('chainMembers').where('chainId', '=', chainId).execute();
    if (members.length)
      await db
        .insertInto('chainMembers')
        .values(members.map((m, i) => ({ ...m, chainId, sortOrder: i + 1 })))
        .execute();
  },
  segments(db: Executor, chainId: number) {
    return db.selectFrom('chainSegments').selectAll().where('chainId', '=', chainId).orderBy('sortOrder').orderBy('id').execute();
  },
  segment(db: Executor, chainId: number, id: number) {
    return db.selectFrom('chainSegments').selectAll().where('chainId', '=', chainId).where('id', '=', id).executeTakeFirst();
  },
  segmentFirms(db: Executor, segmentIds: number[]) {
    if (!segmentIds.length) return Promise.resolve([]);
    return db
      .selectFrom('chainSegmentFirms')
      .innerJoin('enterprises', 'enterprises.id', 'chainSegmentFirms.enterpriseId')
      .select(['chainSegmentFirms.segmentId', 'enterprises.id', 'enterprises.name', 'enterprises.aboveScale'])
      .where('chainSegmentFirms.segmentId', 'in', segmentIds)
      .orderBy('enterprises.name')
      .execute();
  },
  async insertSegment(db: Executor, row: Insertable<ChainSegmentTable>) {
    const { id } = await db.insertInto('chainSegments').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async updateSegment(db: Executor, id: number, patch: Updateable<ChainSegmentTable>) {
    await db.updateTable('chainSegments').set(patch).where('id', '=', id).execute();
  },
  async setSegmentFirms(db: Executor, segmentId: number, enterpriseIds: number[]) {
    await db.deleteFrom('chainSegmentFirms').where('segmentId', '=', segmentId).execute();
    if (enterpriseIds.length)
      await db
        .insertInto('chainSegmentFirms')
        .values([...new Set(enterpriseIds)].map((enterpriseId) => ({ segmentId, enterpriseId })))
        .execute();
  },
  async deleteSegment(db: Executor, id: number) {
    await db.deleteFrom('chainSegmentFirms').where('segmentId', '=', id).execute();
    await db.deleteFrom('chainSegments').where('id', '=', id).execute();
  },
  async lastSegmentOrder(db: Executor, chainId: number) {
    const row = await db
      .selectFrom('chainSegments')
      .select((eb) => eb.fn.max('sortOrder').as('n'))
      .where('chainId', '=', chainId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },
  /** Links touching some chains (from or to). */
  links(db: Executor, chainIds?: number[]) {
    let q = db.selectFrom('chainLinks').selectAll().orderBy('id');
    if (chainIds) {
      const ids = chainIds.length ? chainIds : [0];
      q = q.where((eb) => eb.or([eb('fromChainId', 'in', ids), eb('toChainId', 'in', ids)]));
    }
    return q.execute();
  },
  link(db: Executor, chainId: number, id: number) {
    return db.selectFrom('chainLinks').selectAll().where('fromChainId', '=', chainId).where('id', '=', id).executeTakeFirst();
  },
  async insertLink(db: Executor, row: Insertable<import('./chains.tables').ChainLinkTable>) {
    const { id } = await db.insertInto('chainLinks').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async deleteLink(db: Executor, id: number) {
    await db.deleteFrom('chainLinks').where('id', '=', id).execute();
  },
  units(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind', 'active']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  activeUnits(db: Executor) {
    return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind']).where('active', '=', 1).orderBy('sortOrder').orderBy('id').execute();
  },
  unitsOfKind(db: Executor, kind: string) {
    return db.selectFrom('orgUnits').select(['id', 'code', 'nameZh', 'nameEn']).where('kind', '=', kind).where('active', '=', 1).orderBy('code').execute();
  },
  users: usersRepository.namesOf,
  enterprises(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('enterprises').select(['id']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
  /** Users who hold the leader role: the county leaders a chain may be given to (链长). */
  leaderUsers: (db: Executor) => usersRepository.withRole(db, 'leader'),

  // ---- leads ----
  leads(db: Executor, scope: Scope, stalledBefore: string, q: LeadListQuery) {
    return paginate(leadsQuery(db, scope, stalledBefore, q), q, LEAD_SORTS, 'updatedAt', 'l.id');
  },
  allLeads(db: Executor, scope: Scope, stalledBefore: string, q: Omit<LeadListQuery, 'page' | 'pageSize'>) {
    return allRows(leadsQuery(db, scope, stalledBefore, q), q, LEAD_SORTS, 'updatedAt', 'l.id');
  },
  lead(db: Executor, scope: Scope, stalledBefore: string, id: number) {
    return leadsQuery(db, scope, stalledBefore, {}).where('l.id', '=', id).executeTakeFirst();
  },
  chainLeads(db: Executor, scope: Scope, stalledBefore: string, chainId: number) {
    return leadsQuery(db, scope, stalledBefore, { chainId }).orderBy('l.stageOrder', 'desc').orderBy('l.id').limit(500).execute();
  },
  async insertLead(db: Executor, row: Insertable<ChainLeadTable>) {
    const { id } = await db.insertInto('chainLeads').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async updateLead(db: Executor, id: number, patch: Updateable<ChainLeadTable>) {
    await db.updateTable('chainLeads').set(patch).where('id', '=', id).execute();
  },
  rawLead(db: Executor, id: number) {
    return db.selectFrom('chainLeads').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  },
  async addEvent(db: Executor, row: Insertable<ChainLeadEventTable>) {
    await db.insertInto('chainLeadEvents').values(row).execute();
  },
  events(db: Executor, leadId: number) {
    return db
      .selectFrom('chainLeadEvents')
      .leftJoin('users', 'users.id', 'chainLeadEvents.userId')
      .selectAll('chainLeadEvents')
      .select('users.displayName')
      .where('chainLeadEvents.leadId', '=', leadId)
      .orderBy('chainLeadEvents.id', 'desc')
      .execute();
  },
  task(db: Executor, id: number) {
    return db.selectFrom('tasks').select(['id', 'status', 'dueDate']).where('id', '=', id).executeTakeFirst();
  },
  /** Leads in scope that reached a counting stage in a date range: the candidates of the year's count. */
  countable(db: Executor, scope: Scope, column: 'signedDate' | 'startedDate' | 'producingDate', from: string, to: string) {
    return applyScope(
      db
        .selectFrom('chainLeads')
        .select(['teamUnitId', 'stage', 'plannedInvestmentFen', 'contractInvestmentFen', 'signedDate', 'startedDate', 'producingDate'])
        .where(column, '>=', from)
        .where(column, '<=', to),
      scope,
      { unit: 'chainLeads.teamUnitId' },
    ).execute();
  },
  /** Per team: leads not yet signed, and how many of them are stalled. */
  openByTeam(db: Executor, scope: Scope, stalledBefore: string) {
    return applyScope(
      db
        .selectFrom('chainLeads')
        .select((eb) => [
          'teamUnitId',
          eb.fn.countAll<number>().as('open'),
          sql<number>`sum(case when chain_leads.updated_at < ${stalledBefore} then 1 else 0 end)`.as('stalled'),
        ])
        .where('stageOrder', '<', 4)
        .groupBy('teamUnitId'),
      scope,
      { unit: 'chainLeads.teamUnitId' },
    ).execute();
  },
};
