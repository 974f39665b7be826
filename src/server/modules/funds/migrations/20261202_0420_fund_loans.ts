import type { Kysely } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// Guaranteed loans (小额担保贷款): a firm's loan from a bank (a unit of kind `bank`) with its guarantor, terms and the
// repayment schedule computed by shared/rules/funds-loans.ts (one row per instalment), the repayments recorded against
// it, and the running totals on the loan row (repaid, principal repaid, outstanding) that the per-bank totals add up.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('fund_loans').ifNotExists())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('township_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('bank_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('guarantor_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('guarantor_name', 'text', (c) => c.notNull())
    .addColumn('contract_no', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('annual_rate_bp', 'integer', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('maturity_date', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('repaid_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('principal_repaid_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('outstanding_fen', 'bigint', (c) => c.notNull())
    // 逾期: an instalment was missed and is still unpaid (set by the daily job, cleared when it is paid up).
    .addColumn('overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_loans_bank').ifNotExists().on('fund_loans').columns(['bank_unit_id', 'status']).execute();
  await db.schema.createIndex('fund_loans_enterprise').ifNotExists().on('fund_loans').column('enterprise_id').execute();

  await withId(db, db.schema.createTable('fund_loan_instalments').ifNotExists())
    .addColumn('loan_id', 'integer', (c) => c.notNull().references('fund_loans.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('principal_fen', 'bigint', (c) => c.notNull())
    .addColumn('interest_fen', 'bigint', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('paid_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    // The county day the daily job found it past its deadline and unpaid (once; it stays as "was missed").
    .addColumn('missed_on', 'text')
    .addUniqueConstraint('fund_loan_instalments_loan_seq', ['loan_id', 'seq'])
    .execute();
  await db.schema.createIndex('fund_loan_instalments_due').ifNotExists().on('fund_loan_instalments').column('due_date').execute();

  await withId(db, db.schema.createTable('fund_loan_repayments').ifNotExists())
    .addColumn('loan_id', 'integer', (c) => c.notNull().references('fund_loans.id'))
    .addColumn('paid_date', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_loan_repayments_loan').ifNotExists().on('fund_loan_repayments').column('loan_id').execute();

  await grantToRoles(db, { office: ['fund:loans', 'fund:loan_manage'], leader: ['fund:loans'], enterprise: ['fund:loans'], bank: ['fund:loans'] });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('fund_loan_repayments').ifExists().execute();
  await db.schema.dropTable('fund_loan_instalments').ifExists().execute();
  await db.schema.dropTable('fund_loans').ifExists().execute();
}
