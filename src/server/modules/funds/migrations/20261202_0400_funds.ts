import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// Funds (资金与政策): programmes per fund and year with their budget and award categories, applications through three
// review steps to approval, their history, and disbursements. Money is integer fen; the programme row carries the
// running totals that the approval locks (Σ approved ≤ budget) and each application its own (Σ disbursed ≤ approved).
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('fund_programmes').ifNotExists())
    .addColumn('fund', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('budget_fen', 'bigint', (c) => c.notNull())
    .addColumn('approved_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('disbursed_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('review_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fund_programmes_fund_year_name', ['fund', 'year', 'name'])
    .execute();
  await db.schema.createIndex('fund_programmes_year').ifNotExists().on('fund_programmes').column('year').execute();

  await withId(db, db.schema.createTable('fund_categories').ifNotExists())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('fund_programmes.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // fixed (amount_fen) or share (share_bp of the verified investment, at most cap_fen)
    .addColumn('rule_kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint')
    .addColumn('share_bp', 'integer')
    .addColumn('cap_fen', 'bigint')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_categories_programme').ifNotExists().on('fund_categories').column('programme_id').execute();

  await withId(db, db.schema.createTable('fund_applications').ifNotExists())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('fund_programmes.id'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('fund_categories.id'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    // The firm's township (it sees its firms' applications) and the unit of the preliminary review.
    .addColumn('township_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('review_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('investment_fen', 'bigint')
    .addColumn('requested_fen', 'bigint', (c) => c.notNull())
    .addColumn('recommended_fen', 'bigint')
    .addColumn('approved_fen', 'bigint')
    .addColumn('disbursed_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    // preliminary, office, leader, returned, approved, paid, rejected
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('submitted_date', 'text', (c) => c.notNull())
    .addColumn('approved_date', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_applications_programme_status').ifNotExists().on('fund_applications').columns(['programme_id', 'status']).execute();
  await db.schema.createIndex('fund_applications_enterprise').ifNotExists().on('fund_applications').column('enterprise_id').execute();
  await db.schema.createIndex('fund_applications_township').ifNotExists().on('fund_applications').column('township_unit_id').execute();
  await db.schema.createIndex('fund_applications_review_unit').ifNotExists().on('fund_applications').columns(['review_unit_id', 'status']).execute();
  await db.schema.createIndex('fund_applications_submitted').ifNotExists().on('fund_applications').column('submitted_date').execute();

  await withId(db, db.schema.createTable('fund_application_events').ifNotExists())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('fund_applications.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_application_events_application').ifNotExists().on('fund_application_events').column('application_id').execute();

  await withId(db, db.schema.createTable('fund_disbursements').ifNotExists())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('fund_applications.id'))
    .addColumn('paid_date', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_disbursements_application').ifNotExists().on('fund_disbursements').column('application_id').execute();

  await grantToRoles(db, {
    office: ['fund:read', 'fund:manage', 'fund:disburse', 'fund:budget'],
    leader: ['fund:read', 'fund:approve', 'fund:budget'],
    department: ['fund:read', 'fund:review'],
    township: ['fund:read', 'fund:review'],
    enterprise: ['fund:read', 'fund:apply'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['fund_disbursements', 'fund_application_events', 'fund_applications', 'fund_categories', 'fund_programmes'])
    await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission like 'fund:%'`.execute(db);
}
