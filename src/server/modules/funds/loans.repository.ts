import { type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import type { LOAN_SORTS, LoanListQuery } from '../../../shared/modules/funds.schemas';
import { type Scope, type ScopeColumns, applyScope } from '../../core/access/access';
import { batches } from '../../core/db/batch';
import type { DialectName, Executor, Trx } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import type { FundLoanInstalmentTable, FundLoanRepaymentTable, FundLoanTable } from './funds.tables';

export type LoanRow = Selectable<FundLoanTable>;
export type LoanFilter = Omit<LoanListQuery, 'page' | 'pageSize'>;

const SORT_COLUMNS: Record<(typeof LOAN_SORTS)[number], string> = {
  id: 'fundLoans.id',
  startDate: 'fundLoans.startDate',
  amountFen: 'fundLoans.amountFen',
  outstandingFen: 'fundLoans.outstandingFen',
  maturityDate: 'fundLoans.maturityDate',
};
// A bank sees the loans it made, a firm its own; the office and leaders all.
const SCOPE_COLUMNS: ScopeColumns = { unit: ['fundLoans.bankUnitId'], enterprise: 'fundLoans.enterpriseId' };

function loans(db: Executor, f: Partial<LoanFilter>, scope: Scope) {
  let qb = db
    .selectFrom('fundLoans')
    .innerJoin('enterprises', 'enterprises.id', 'fundLoans.enterpriseId')
    .innerJoin('orgUnits as bank', 'bank.id', 'fundLoans.bankUnitId')
    .selectAll('fundLoans')
    .select(['enterprises.name as enterpriseName', 'bank.nameZh as bankNameZh', 'bank.nameEn as bankNameEn']);
  if (f.q) {
    const like = `%${f.q}%`;
    qb = qb.where((eb) => eb.or([eb('enterprises.name', 'like', like), eb('fundLoans.contractNo', 'like', like), eb('fundLoans.guarantorName', 'like', like)]));
  }
  if (f.bankUnitId) qb = qb.where('fundLoans.bankUnitId', '=', f.bankUnitId);
  if (f.enterpriseId) qb = qb.where('fundLoans.enterpriseId', '=', f.enterpriseId);
  if (f.method) qb = qb.where('fundLoans.method', '=', f.method);
  if (f.status) qb = qb.where('fundLoans.status', '=', f.status);
  if (f.overdue) qb = qb.where('fundLoans.overdue', '=', f.overdue === 'true' ? 1 : 0);
  return applyScope(qb, scope, SCOPE_COLUMNS);
}
export type ListedLoan = Awaited<ReturnType<ReturnType<typeof loans>['executeTakeFirstOrThrow']>>;

export const loansRepository = {
  list(db: Executor, f: LoanListQuery, scope: Scope) {
    return paginate(loans(db, f, scope), f, SORT_COLUMNS, 'id', 'fundLoans.id');
  },
  all(db: Executor, f: LoanFilter, scope: Scope) {
    return allRows(loans(db, f, scope), f, SORT_COLUMNS, 'id', 'fundLoans.id');
  },
  find(db: Executor, id: number, scope: Scope) {
    return loans(db, {}, scope).where('fundLoans.id', '=', id).executeTakeFirst();
  },
  /** The loan row, locked for the transaction on PostgreSQL (repayments of one loan queue here). */
  lock(trx: Trx, dialect: DialectName, id: number) {
    const qb = trx.selectFrom('fundLoans').selectAll().where('id', '=', id);
    return (dialect === 'postgres' ? qb.forUpdate() : qb).executeTakeFirst();
  },
  async insert(db: Executor, values: Insertable<FundLoanTable>) {
    const { id } = await db.insertInto('fundLoans').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<FundLoanTable>) {
    await db.updateTable('fundLoans').set(values).where('id', '=', id).execute();
  },
  async insertInstalments(db: Executor, rows: Insertable<FundLoanInstalmentTable>[]) {
    for (const batch of batches(rows, 8)) await db.insertInto('fundLoanInstalments').values(batch).execute();
  },
  instalments(db: Executor, loanIds: number[]) {
    return loanIds.length
      ? db.selectFrom('fundLoanInstalments').selectAll().where('loanId', 'in', loanIds).orderBy('loanId').orderBy('seq').execute()
      : Promise.resolve([]);
  },
  /** The first instalment not paid in full of each loan. */
  nextDue(db: Executor, loanIds: number[]) {
    if (!loanIds.length) return Promise.resolve([]);
    return db
      .selectFrom('fundLoanInstalments as i')
      .select(['i.loanId', 'i.dueDate', 'i.totalFen', 'i.paidFen'])
      .where('i.loanId', 'in', loanIds)
      .where((eb) =>
        eb(
          'i.seq',
          '=',
          eb
            .selectFrom('fundLoanInstalments as j')
            .select((e) => e.fn.min('j.seq').as('s'))
            .whereRef('j.loanId', '=', 'i.loanId')
            .whereRef('j.paidFen', '<', 'j.totalFen'),
        ),
      )
      .execute();
  },
  async updateInstalment(db: Executor, id: number, values: Updateable<FundLoanInstalmentTable>) {
    await db.updateTable('fundLoanInstalments').set(values).where('id', '=', id).execute();
  },
  repayments(db: Executor, loanId: number) {
    return db.selectFrom('fundLoanRepayments').selectAll().where('loanId', '=', loanId).orderBy('paidDate').orderBy('id').execute();
  },
  async insertRepayment(db: Executor, values: Insertable<FundLoanRepaymentTable>) {
    const { id } = await db.insertInto('fundLoanRepayments').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  /** Instalments of active loans past their due date, unpaid and not yet marked missed: the daily job's candidates. */
  unpaidPastDue(db: Executor, today: string) {
    return db
      .selectFrom('fundLoanInstalments as i')
      .innerJoin('fundLoans as l', 'l.id', 'i.loanId')
      .select(['i.id', 'i.loanId', 'i.seq', 'i.dueDate', 'i.totalFen', 'i.paidFen'])
      .where('l.status', '=', 'active')
      .where('i.dueDate', '<', today)
      .whereRef('i.paidFen', '<', 'i.totalFen')
      .where('i.missedOn', 'is', null)
      .orderBy('i.loanId')
      .orderBy('i.seq')
      .execute();
  },
  /** Loans, amounts and what is outstanding per bank, in one grouped statement. */
  bankTotals(db: Executor, scope: Scope) {
    const qb = db
      .selectFrom('fundLoans')
      .innerJoin('orgUnits as bank', 'bank.id', 'fundLoans.bankUnitId')
      .select((eb) => [
        'fundLoans.bankUnitId',
        'bank.nameZh',
        'bank.nameEn',
        eb.fn.countAll<number>().as('loans'),
        eb.fn.sum<number>(sql`case when fund_loans.status = 'active' then 1 else 0 end`).as('active'),
        eb.fn.sum<number>('fundLoans.overdue').as('overdue'),
        eb.fn.sum<number>('fundLoans.amountFen').as('amountFen'),
        eb.fn.sum<number>('fundLoans.outstandingFen').as('outstandingFen'),
        eb.fn.sum<number>(sql`case when fund_loans.overdue = 1 then fund_loans.outstanding_fen else 0 end`).as('overdueOutstandingFen'),
      ])
      .groupBy(['fundLoans.bankUnitId', 'bank.nameZh', 'bank.nameEn'])
      .orderBy('fundLoans.bankUnitId');
    return applyScope(qb, scope, SCOPE_COLUMNS).execute();
  },
  banks(db: Executor) {
    return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn']).where('kind', '=', 'bank').where('active', '=', 1).orderBy('id').execute();
  },
  unit(db: Executor, id: number) {
    return db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind', 'active']).where('id', '=', id).executeTakeFirst();
  },
};
