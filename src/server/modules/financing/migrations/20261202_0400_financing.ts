import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// Financing (融资对接): banks' products, firms' financing needs shared with chosen banks, the needs on each
// 政银企对接会's list and its participating banks, and the matches (need × bank) with their outcomes.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('financing_products').ifNotExists())
    .addColumn('bank_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('min_amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('max_amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    // Hundredths of a percent: 435 is 4.35 %.
    .addColumn('rate_min_bp', 'integer', (c) => c.notNull())
    .addColumn('rate_max_bp', 'integer', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('financing_products_bank').ifNotExists().on('financing_products').column('bank_unit_id').execute();

  await withId(db, db.schema.createTable('financing_needs').ifNotExists())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('township_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    // The responsible unit (the firm's township, or the unit of the officer who recorded it): its 督办 task.
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('collateral', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('share_with_all', 'integer', (c) => c.notNull())
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('consent_by', 'integer', (c) => c.references('users.id'))
    // pending, matching, credited, loaned, failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fail_reason', 'text')
    .addColumn('granted_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('loan_date', 'text')
    .addColumn('working_days', 'integer')
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('financing_needs_enterprise').ifNotExists().on('financing_needs').column('enterprise_id').execute();
  await db.schema.createIndex('financing_needs_township').ifNotExists().on('financing_needs').columns(['township_unit_id', 'received_date']).execute();
  await db.schema.createIndex('financing_needs_owner').ifNotExists().on('financing_needs').column('owner_unit_id').execute();
  await db.schema.createIndex('financing_needs_status').ifNotExists().on('financing_needs').columns(['status', 'received_date']).execute();

  // The banks a need is shared with; "all banks" is written out as every active bank when recorded.
  await db.schema
    .createTable('financing_need_banks')
    .ifNotExists()
    .addColumn('need_id', 'integer', (c) => c.notNull().references('financing_needs.id'))
    .addColumn('bank_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('financing_need_banks_pk', ['need_id', 'bank_unit_id'])
    .execute();
  await db.schema.createIndex('financing_need_banks_bank').ifNotExists().on('financing_need_banks').columns(['bank_unit_id', 'need_id']).execute();

  await db.schema
    .createTable('financing_meeting_needs')
    .ifNotExists()
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
    .addColumn('need_id', 'integer', (c) => c.notNull().references('financing_needs.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('financing_meeting_needs_pk', ['meeting_id', 'need_id'])
    .execute();
  await db.schema.createIndex('financing_meeting_needs_need').ifNotExists().on('financing_meeting_needs').column('need_id').execute();

  await db.schema
    .createTable('financing_meeting_banks')
    .ifNotExists()
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
    .addColumn('bank_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('financing_meeting_banks_pk', ['meeting_id', 'bank_unit_id'])
    .execute();

  await withId(db, db.schema.createTable('financing_matches').ifNotExists())
    .addColumn('need_id', 'integer', (c) => c.notNull().references('financing_needs.id'))
    .addColumn('bank_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id'))
    .addColumn('product_id', 'integer', (c) => c.references('financing_products.id'))
    // intention, credit, loan, declined
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint')
    .addColumn('rate_bp', 'integer')
    .addColumn('loan_date', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    // Working days from the need's receipt to the loan, on the county calendar.
    .addColumn('working_days', 'integer')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('financing_matches_need_bank').ifNotExists().unique().on('financing_matches').columns(['need_id', 'bank_unit_id']).execute();
  await db.schema.createIndex('financing_matches_bank').ifNotExists().on('financing_matches').columns(['bank_unit_id', 'outcome']).execute();
  await db.schema.createIndex('financing_matches_meeting').ifNotExists().on('financing_matches').column('meeting_id').execute();

  await grantToRoles(db, {
    office: ['financing:read', 'financing:handle', 'financing:manage'],
    leader: ['financing:read'],
    township: ['financing:read', 'financing:handle'],
    service_officer: ['financing:read', 'financing:handle'],
    enterprise: ['financing:read', 'financing:submit'],
    bank: ['financing:read', 'financing:bank'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'financing_matches',
    'financing_meeting_banks',
    'financing_meeting_needs',
    'financing_need_banks',
    'financing_needs',
    'financing_products',
  ])
    await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission like 'financing:%'`.execute(db);
}
