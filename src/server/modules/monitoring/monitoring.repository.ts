import { type Insertable, sql } from 'kysely';
import type { FlagListQuery, MONITORING_SORTS } from '../../../shared/modules/monitoring.schemas';
import type { MonitoringSource } from '../../../shared/rules/monitoring-flags';
import { addMonths } from '../../../shared/rules/monitoring-flags';
import { type Scope, applyScope } from '../../core/access/access';
import { insertMany } from '../../core/db/batch';
import type { Executor } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import type { MonitoringFlagTable } from './monitoring.tables';

/** The figures column each source writes. */
export const SOURCE_COLUMN = { output: 'outputFen', electricity: 'electricityKwh', taxes: 'taxesFen' } as const satisfies Record<MonitoringSource, string>;

// A township sees its firms, a service team the firms it serves (the enterprise directory's own scope columns).
const SCOPE_COLUMNS = { unit: ['enterprises.townshipUnitId', 'enterprises.serviceTeamUnitId'] };

const SORTS: Record<(typeof MONITORING_SORTS)[number], string> = {
  name: 'enterprises.name',
  outputFen: 'cur.outputFen',
  electricityKwh: 'cur.electricityKwh',
  taxesFen: 'cur.taxesFen',
  township: 'enterprises.townshipUnitId',
};

export type FlagFilter = Omit<FlagListQuery, 'page' | 'pageSize' | 'month'> & { month: string };

/** Firms with an active flag in the month (of the kind asked), with their figures and last year's. */
function flagged(db: Executor, f: FlagFilter, scope: Scope) {
  const lastYear = addMonths(f.month, -12);
  let qb = db
    .selectFrom('enterprises')
    .leftJoin('monitoringFigures as cur', (j) => j.onRef('cur.enterpriseId', '=', 'enterprises.id').on('cur.month', '=', f.month))
    .leftJoin('monitoringFigures as prev', (j) => j.onRef('prev.enterpriseId', '=', 'enterprises.id').on('prev.month', '=', lastYear))
    .select([
      'enterprises.id',
      'enterprises.name',
      'enterprises.uscc',
      'enterprises.townshipUnitId',
      'enterprises.serviceTeamUnitId',
      'cur.outputFen',
      'cur.electricityKwh',
      'cur.taxesFen',
      'prev.outputFen as outputLastYearFen',
      'prev.electricityKwh as electricityLastYearKwh',
      'prev.taxesFen as taxesLastYearFen',
    ])
    .where((eb) => {
      let flags = eb
        .selectFrom('monitoringFlags')
        .select(sql`1`.as('one'))
        .whereRef('monitoringFlags.enterpriseId', '=', 'enterprises.id')
        .where('monitoringFlags.month', '=', f.month)
        .where('monitoringFlags.active', '=', 1);
      if (f.flag) flags = flags.where('monitoringFlags.flag', '=', f.flag);
      return eb.exists(flags);
    });
  if (f.q) {
    const like = `%${f.q}%`;
    qb = qb.where((eb) => eb.or([eb('enterprises.name', 'like', like), eb('enterprises.uscc', 'like', like.toUpperCase())]));
  }
  if (f.townshipUnitId) qb = qb.where('enterprises.townshipUnitId', '=', f.townshipUnitId);
  if (f.chainUnitId) {
    const chain = f.chainUnitId;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('enterpriseChains')
          .select('enterpriseChains.enterpriseId')
          .whereRef('enterpriseChains.enterpriseId', '=', 'enterprises.id')
          .where('enterpriseChains.chainUnitId', '=', chain),
      ),
    );
  }
  return applyScope(qb, scope, SCOPE_COLUMNS);
}
export type FlaggedRow = Awaited<ReturnType<ReturnType<typeof flagged>['execute']>>[number];

/** SQL of enterprise operation monitoring: figures, flags, the flagged list. */
export const monitoringRepository = {
  list(db: Executor, f: FlagFilter & { page: number; pageSize: number }, scope: Scope) {
    return paginate(flagged(db, f, scope), f, SORTS, 'name', 'enterprises.id');
  },
  all(db: Executor, f: FlagFilter, scope: Scope) {
    return allRows(flagged(db, f, scope), f, SORTS, 'name', 'enterprises.id');
  },
  /** Active flags of a month in scope, counted by kind. */
  async counts(db: Executor, month: string, scope: Scope) {
    const qb = db
      .selectFrom('monitoringFlags')
      .innerJoin('enterprises', 'enterprises.id', 'monitoringFlags.enterpriseId')
      .select(['monitoringFlags.flag', (eb) => eb.fn.countAll<number>().as('n')])
      .where('monitoringFlags.month', '=', month)
      .where('monitoringFlags.active', '=', 1)
      .groupBy('monitoringFlags.flag');
    return applyScope(qb, scope, SCOPE_COLUMNS).execute();
  },
  /** Active flags (with their task) of some firms in some months. */
  activeFlags(db: Executor, enterpriseIds: number[], from: string, to: string) {
    if (enterpriseIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('monitoringFlags')
      .select(['enterpriseId', 'month', 'flag', 'taskId'])
      .where('enterpriseId', 'in', enterpriseIds)
      .where('month', '>=', from)
      .where('month', '<=', to)
      .where('active', '=', 1)
      .orderBy('id')
      .execute();
  },
  firm(db: Executor, id: number, scope: Scope) {
    return applyScope(
      db.selectFrom('enterprises').select(['id', 'name', 'uscc', 'townshipUnitId', 'serviceTeamUnitId']).where('enterprises.id', '=', id),
      scope,
      SCOPE_COLUMNS,
    ).executeTakeFirst();
  },
  firmsByUscc(db: Executor, codes: string[]) {
    return codes.length
      ? db.selectFrom('enterprises').select(['id', 'uscc', 'name', 'townshipUnitId', 'serviceTeamUnitId']).where('uscc', 'in', codes).execute()
      : Promise.resolve([]);
  },
  firmsByIds(db: Executor, ids: number[]) {
    return ids.length
      ? db.selectFrom('enterprises').select(['id', 'name', 'townshipUnitId', 'serviceTeamUnitId']).where('id', 'in', ids).execute()
      : Promise.resolve([]);
  },
  /** Every figure of some firms between two months, both included. */
  figures(db: Executor, enterpriseIds: number[], from: string, to: string) {
    if (enterpriseIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('monitoringFigures')
      .select(['enterpriseId', 'month', 'outputFen', 'electricityKwh', 'taxesFen'])
      .where('enterpriseId', 'in', enterpriseIds)
      .where('month', '>=', from)
      .where('month', '<=', to)
      .execute();
  },
  /** Writes one source's figure of many firm-months: a new row, or that source's column of the existing row (multi-row upserts). */
  upsertFigures(
    db: Executor,
    source: MonitoringSource,
    rows: { enterpriseId: number; month: string; value: number }[],
    now: string,
    between?: () => Promise<void>,
  ) {
    const column = SOURCE_COLUMN[source];
    return insertMany(
      db,
      'monitoringFigures',
      rows.map((r) => ({ enterpriseId: r.enterpriseId, month: r.month, [column]: r.value, updatedAt: now })),
      { onConflict: { columns: ['enterpriseId', 'month'], update: [column, 'updatedAt'] }, between },
    );
  },
  /** Every flag row (active or not) of some firms between two months. */
  flagRows(db: Executor, enterpriseIds: number[], from: string, to: string) {
    if (enterpriseIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('monitoringFlags')
      .select(['id', 'enterpriseId', 'month', 'flag', 'active', 'taskId'])
      .where('enterpriseId', 'in', enterpriseIds)
      .where('month', '>=', from)
      .where('month', '<=', to)
      .execute();
  },
  insertFlags(db: Executor, rows: Insertable<MonitoringFlagTable>[]) {
    return insertMany(db, 'monitoringFlags', rows);
  },
  async setActive(db: Executor, ids: number[], active: 0 | 1, now: string) {
    if (ids.length) await db.updateTable('monitoringFlags').set({ active, updatedAt: now }).where('id', 'in', ids).execute();
  },
  async setTask(db: Executor, enterpriseId: number, month: string, taskId: number) {
    await db
      .updateTable('monitoringFlags')
      .set({ taskId })
      .where('enterpriseId', '=', enterpriseId)
      .where('month', '=', month)
      .where('taskId', 'is', null)
      .execute();
  },
  unitsByIds(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn']).where('id', 'in', ids).execute() : Promise.resolve([]);
  },
};
