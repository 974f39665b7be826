import type { Kysely } from 'kysely';
import { withId } from '../../../migrations/helpers';

// The enterprise portal's own paperwork: self-registrations confirmed by the township, corrections of a firm's
// 一企一档 profile proposed by the firm, and requests lifted to a 调度会 for a policy decision.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('service_registrations').ifNotExists())
    .addColumn('firm_name', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    // The township that confirms: the linked firm's, or the one the applicant chose.
    .addColumn('township_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    // Hashed at once; cleared when the registration is decided (the account keeps its own copy).
    .addColumn('password_hash', 'text')
    // The 一企一档 firm of the same credit code when the applicant registered, or the firm filed on confirmation.
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    // pending, confirmed, refused
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('ip', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_registrations_township').ifNotExists().on('service_registrations').columns(['township_unit_id', 'status']).execute();
  await db.schema.createIndex('service_registrations_uscc').ifNotExists().on('service_registrations').columns(['uscc', 'status']).execute();
  await db.schema.createIndex('service_registrations_username').ifNotExists().on('service_registrations').columns(['username', 'status']).execute();

  await withId(db, db.schema.createTable('service_profile_corrections').ifNotExists())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('township_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    // The proposed values of the whitelisted fields (JSON), and the profile's values of them when proposed.
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('previous', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    // pending, accepted, refused
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('proposed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_profile_corrections_firm').ifNotExists().on('service_profile_corrections').column('enterprise_id').execute();
  await db.schema
    .createIndex('service_profile_corrections_township')
    .ifNotExists()
    .on('service_profile_corrections')
    .columns(['township_unit_id', 'status'])
    .execute();

  // A request lifted to a 调度会: requested by a handling unit, scheduled on a meeting by the office, decided there.
  await db.schema.alterTable('service_requests').addColumn('lift_status', 'text').execute();
  await db.schema.alterTable('service_requests').addColumn('lift_reason', 'text').execute();
  await db.schema.alterTable('service_requests').addColumn('lift_unit_id', 'integer').execute();
  await db.schema.alterTable('service_requests').addColumn('meeting_id', 'integer').execute();
  await db.schema.alterTable('service_requests').addColumn('meeting_decision_seq', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['meeting_decision_seq', 'meeting_id', 'lift_unit_id', 'lift_reason', 'lift_status'])
    await db.schema.alterTable('service_requests').dropColumn(column).execute();
  await db.schema.dropTable('service_profile_corrections').ifExists().execute();
  await db.schema.dropTable('service_registrations').ifExists().execute();
}
