import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// Innovation pipelines (创新培育): an entry per firm (or institution, or incubator) and pipeline with its stage and
// 高新 certificate, the history of its stage changes, yearly targets per pipeline and stage, the two-year 零突破 goals,
// and the 复审/expiry notices sent once per certificate.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('innovation_entries').ifNotExists())
    // high_tech, sme, rd or incubator.
    .addColumn('pipeline', 'text', (c) => c.notNull())
    // The firm; null for a standalone incubator (then operator and township are given).
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprises.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    // incubator or maker_space for the incubator pipeline; null otherwise.
    .addColumn('kind', 'text')
    // The firm's township when filed (or the standalone incubator's): the township sees its entries.
    .addColumn('township_unit_id', 'integer', (c) => c.references('org_units.id'))
    // 科技局 (高企, 研发机构, 孵化器) or 工信局 (专精特新): the department that manages the entry.
    .addColumn('responsible_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_date', 'text', (c) => c.notNull())
    .addColumn('cert_no', 'text', (c) => c.notNull())
    .addColumn('cert_date', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('innovation_entries_pipeline').ifNotExists().on('innovation_entries').columns(['pipeline', 'stage']).execute();
  await db.schema.createIndex('innovation_entries_enterprise').ifNotExists().on('innovation_entries').columns(['enterprise_id', 'pipeline']).execute();
  await db.schema.createIndex('innovation_entries_township').ifNotExists().on('innovation_entries').column('township_unit_id').execute();
  await db.schema.createIndex('innovation_entries_responsible').ifNotExists().on('innovation_entries').column('responsible_unit_id').execute();
  await db.schema.createIndex('innovation_entries_valid_to').ifNotExists().on('innovation_entries').column('valid_to').execute();

  await withId(db, db.schema.createTable('innovation_stage_changes').ifNotExists())
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('innovation_entries.id'))
    // Null for the stage the entry was filed at.
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('cert_no', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('innovation_stage_changes_entry').ifNotExists().on('innovation_stage_changes').columns(['entry_id', 'changed_on']).execute();
  await db.schema.createIndex('innovation_stage_changes_on').ifNotExists().on('innovation_stage_changes').column('changed_on').execute();

  await db.schema
    .createTable('innovation_targets')
    .ifNotExists()
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('pipeline', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('target', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('innovation_targets_pk', ['year', 'pipeline', 'stage'])
    .execute();

  // 零突破: the first entry of a pipeline reaching a stage within `years` years from 1 January of `start_year`.
  await withId(db, db.schema.createTable('innovation_breakthroughs').ifNotExists())
    .addColumn('pipeline', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('years', 'integer', (c) => c.notNull())
    .execute();

  // One notice per certificate (entry and its last valid day) and kind, whichever instance or day sends it.
  await db.schema
    .createTable('innovation_cert_notices')
    .ifNotExists()
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('innovation_entries.id'))
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('innovation_cert_notices_pk', ['entry_id', 'valid_to', 'kind'])
    .execute();

  await grantToRoles(db, {
    office: ['innovation:read', 'innovation:manage', 'innovation:targets'],
    leader: ['innovation:read'],
    department: ['innovation:read', 'innovation:manage'],
    township: ['innovation:read'],
    enterprise: ['innovation:read'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['innovation_cert_notices', 'innovation_breakthroughs', 'innovation_targets', 'innovation_stage_changes', 'innovation_entries'])
    await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission like 'innovation:%'`.execute(db);
}
