import { type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import type { COMMITMENT_SORTS, CommitmentListQuery } from '../../../shared/modules/services.schemas';
import { bucketDueRange } from '../../../shared/rules/services-ageing';
import { type Scope, type ScopeColumns, applyScope } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import type { ServiceCommitmentPaymentTable, ServiceCommitmentTable } from './services.tables';

export type CommitmentRow = Selectable<ServiceCommitmentTable>;
export type CommitmentFilter = Omit<CommitmentListQuery, 'page' | 'pageSize'>;

const SORTS: Record<(typeof COMMITMENT_SORTS)[number], string> = {
  id: 'serviceCommitments.id',
  dueDate: 'serviceCommitments.dueDate',
  amountDueFen: 'serviceCommitments.amountDueFen',
};

// The responsible unit and the firm's township see an item, and the firm itself.
const SCOPE_COLUMNS: ScopeColumns = {
  unit: ['serviceCommitments.responsibleUnitId', 'serviceCommitments.townshipUnitId'],
  enterprise: 'serviceCommitments.enterpriseId',
};

function listed(db: Executor, f: CommitmentFilter, scope: Scope, today: string) {
  let qb = db
    .selectFrom('serviceCommitments')
    .innerJoin('enterprises', 'enterprises.id', 'serviceCommitments.enterpriseId')
    .selectAll('serviceCommitments')
    .select('enterprises.name as enterpriseName');
  if (f.q) {
    const like = `%${f.q}%`;
    qb = qb.where((eb) => eb.or([eb('serviceCommitments.title', 'like', like), eb('enterprises.name', 'like', like)]));
  }
  if (f.kind) qb = qb.where('serviceCommitments.kind', '=', f.kind);
  if (f.responsibleUnitId) qb = qb.where('serviceCommitments.responsibleUnitId', '=', f.responsibleUnitId);
  if (f.enterpriseId) qb = qb.where('serviceCommitments.enterpriseId', '=', f.enterpriseId);
  if (f.settled === true) qb = qb.where('serviceCommitments.settledDate', 'is not', null);
  if (f.settled === false) qb = qb.where('serviceCommitments.settledDate', 'is', null);
  if (f.age) {
    // The age of what is still owed: settled items have none.
    const { from, to } = bucketDueRange(f.age, today);
    qb = qb.where('serviceCommitments.settledDate', 'is', null);
    if (from) qb = qb.where('serviceCommitments.dueDate', '>=', from);
    if (to) qb = qb.where('serviceCommitments.dueDate', '<=', to);
  }
  return applyScope(qb, scope, SCOPE_COLUMNS);
}
export type ListedCommitment = Awaited<ReturnType<ReturnType<typeof listed>['execute']>>[number];

/** SQL of the commitments ledger: items, payments, outstanding totals by unit and due date. */
export const commitmentsRepository = {
  list(db: Executor, f: CommitmentListQuery, scope: Scope, today: string) {
    return paginate(listed(db, f, scope, today), f, SORTS, 'dueDate', 'serviceCommitments.id');
  },
  all(db: Executor, f: CommitmentFilter, scope: Scope, today: string) {
    return allRows(listed(db, f, scope, today), f, SORTS, 'dueDate', 'serviceCommitments.id');
  },
  findListed(db: Executor, id: number, scope: Scope, today: string) {
    return listed(db, {} as CommitmentFilter, scope, today)
      .where('serviceCommitments.id', '=', id)
      .executeTakeFirst();
  },
  async insert(db: Executor, values: Insertable<ServiceCommitmentTable>) {
    const { id } = await db.insertInto('serviceCommitments').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<ServiceCommitmentTable>) {
    await db.updateTable('serviceCommitments').set(values).where('id', '=', id).execute();
  },
  payments(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('serviceCommitmentPayments').selectAll().where('commitmentId', 'in', ids).orderBy('id').execute() : Promise.resolve([]);
  },
  async insertPayment(db: Executor, values: Insertable<ServiceCommitmentPaymentTable>) {
    await db.insertInto('serviceCommitmentPayments').values(values).execute();
  },
  /** Unsettled items by responsible unit and due date: the summary ages them by the due date. */
  outstanding(db: Executor, scope: Scope) {
    return applyScope(
      db
        .selectFrom('serviceCommitments')
        .select(['serviceCommitments.responsibleUnitId as unitId', 'serviceCommitments.dueDate'])
        .select([sql<number>`count(*)`.as('n'), sql<number>`sum(amount_due_fen - paid_fen)`.as('outstanding')])
        .where('serviceCommitments.settledDate', 'is', null)
        .groupBy(['serviceCommitments.responsibleUnitId', 'serviceCommitments.dueDate']),
      scope,
      SCOPE_COLUMNS,
    ).execute();
  },
  /** Unsettled items past due with no 督办 task yet. */
  overdueWithoutTask(db: Executor, today: string) {
    return db
      .selectFrom('serviceCommitments')
      .selectAll()
      .where('settledDate', 'is', null)
      .where('dueDate', '<', today)
      .where('taskId', 'is', null)
      .orderBy('id')
      .execute();
  },
};
