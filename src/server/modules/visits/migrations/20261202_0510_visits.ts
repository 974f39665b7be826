import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// Service officers' visits (一联三帮 · 走访): firms assigned to chief service officers with their history, the
// cadre exchanges between government and firms, visits with their officers and problems (each a 督办 task and an
// enterprise service request), and the coverage reminders sent once per officer and period.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('visit_assignments').ifNotExists())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('officer_user_id', 'integer', (c) => c.notNull().references('users.id'))
    // The officer's unit when assigned: the service team (专班) whose scope the firm falls in.
    .addColumn('team_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    // The last day, or null while it lasts; a firm has one assignment at a time (ended the day before the next).
    .addColumn('to_date', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visit_assignments_enterprise').ifNotExists().on('visit_assignments').columns(['enterprise_id', 'from_date']).execute();
  await db.schema.createIndex('visit_assignments_officer').ifNotExists().on('visit_assignments').column('officer_user_id').execute();
  await db.schema.createIndex('visit_assignments_team').ifNotExists().on('visit_assignments').column('team_unit_id').execute();

  await withId(db, db.schema.createTable('visit_exchanges').ifNotExists())
    .addColumn('person_name', 'text', (c) => c.notNull())
    // to_firm: a cadre of the unit stationed at the firm; to_unit: a manager of the firm stationed at the unit.
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visit_exchanges_unit').ifNotExists().on('visit_exchanges').column('unit_id').execute();
  await db.schema.createIndex('visit_exchanges_enterprise').ifNotExists().on('visit_exchanges').column('enterprise_id').execute();

  await withId(db, db.schema.createTable('visits').ifNotExists())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    // The firm's township when visited: the township sees visits to its firms.
    .addColumn('township_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    // The team of the firm's chief officer (or the visitor's unit): the team sees its visits.
    .addColumn('team_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('people_met', 'text', (c) => c.notNull())
    .addColumn('discussion', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visits_enterprise_date').ifNotExists().on('visits').columns(['enterprise_id', 'visit_date']).execute();
  await db.schema.createIndex('visits_date').ifNotExists().on('visits').column('visit_date').execute();
  await db.schema.createIndex('visits_team').ifNotExists().on('visits').columns(['team_unit_id', 'visit_date']).execute();
  await db.schema.createIndex('visits_township').ifNotExists().on('visits').columns(['township_unit_id', 'visit_date']).execute();

  await db.schema
    .createTable('visit_officers')
    .ifNotExists()
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('visits.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('visit_officers_pk', ['visit_id', 'user_id'])
    .execute();
  await db.schema.createIndex('visit_officers_user').ifNotExists().on('visit_officers').column('user_id').execute();

  await withId(db, db.schema.createTable('visit_problems').ifNotExists())
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('visits.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('request_id', 'integer', (c) => c.references('service_requests.id'))
    .execute();
  await db.schema.createIndex('visit_problems_visit_seq').ifNotExists().unique().on('visit_problems').columns(['visit_id', 'seq']).execute();

  // One coverage reminder per officer and period, whichever instance or day sends it.
  await db.schema
    .createTable('visit_reminders')
    .ifNotExists()
    .addColumn('officer_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('unvisited', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('visit_reminders_pk', ['officer_user_id', 'period_key'])
    .execute();

  await grantToRoles(db, {
    office: ['visit:read', 'visit:write', 'visit:manage'],
    leader: ['visit:read'],
    township: ['visit:read'],
    service_officer: ['visit:read', 'visit:write'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['visit_reminders', 'visit_problems', 'visit_officers', 'visits', 'visit_exchanges', 'visit_assignments'])
    await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission like 'visit:%'`.execute(db);
}
