import type { Kysely } from 'kysely';
import { withId } from '../../../migrations/helpers';

// Policies (政策直达, 免申即享): eligibility written as data over the firm's profile, tied to a programme's award
// category; an application may come from a policy (one award per firm and policy when granted without application).
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('fund_policies').ifNotExists())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('fund_programmes.id'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('fund_categories.id'))
    // The eligibility expression as JSON (shared/rules/funds-eligibility.ts).
    .addColumn('eligibility', 'text', (c) => c.notNull())
    // 免申即享: granted to qualifying firms on the office's confirmation, without applications.
    .addColumn('auto_grant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_policies_programme').ifNotExists().on('fund_policies').column('programme_id').execute();
  await db.schema
    .alterTable('fund_applications')
    .addColumn('policy_id', 'integer', (c) => c.references('fund_policies.id'))
    .execute();
  await db.schema.createIndex('fund_applications_policy_enterprise').ifNotExists().on('fund_applications').columns(['policy_id', 'enterprise_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('fund_applications_policy_enterprise').ifExists().execute();
  await db.schema.alterTable('fund_applications').dropColumn('policy_id').execute();
  await db.schema.dropTable('fund_policies').ifExists().execute();
}
