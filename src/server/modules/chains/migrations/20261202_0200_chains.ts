import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// Chains (产业链, 链长制): each run by one service team (专班), with its members, segments and their firms, links to
// other chains; and the investment-attraction leads (招商引资) with their stage history.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('chains').ifNotExists())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // The chain's service team: the unit whose officers see it and its leads.
    .addColumn('team_unit_id', 'integer', (c) => c.notNull().unique().references('org_units.id'))
    .addColumn('group_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('leader_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('chain_members').ifNotExists())
    .addColumn('chain_id', 'integer', (c) => c.notNull().references('chains.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chain_members_chain').ifNotExists().on('chain_members').column('chain_id').execute();

  await withId(db, db.schema.createTable('chain_segments').ifNotExists())
    .addColumn('chain_id', 'integer', (c) => c.notNull().references('chains.id'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_products', 'text', (c) => c.notNull())
    .addColumn('weak', 'integer', (c) => c.notNull())
    .addColumn('weak_note', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chain_segments_chain').ifNotExists().on('chain_segments').column('chain_id').execute();

  await db.schema
    .createTable('chain_segment_firms')
    .ifNotExists()
    .addColumn('segment_id', 'integer', (c) => c.notNull().references('chain_segments.id'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprises.id'))
    .addPrimaryKeyConstraint('chain_segment_firms_pk', ['segment_id', 'enterprise_id'])
    .execute();

  await withId(db, db.schema.createTable('chain_links').ifNotExists())
    .addColumn('from_chain_id', 'integer', (c) => c.notNull().references('chains.id'))
    .addColumn('to_chain_id', 'integer', (c) => c.references('chains.id'))
    // inside, outside or circular; an outside link names the outside chain or firm instead of a chain.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outside_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chain_links_from').ifNotExists().on('chain_links').column('from_chain_id').execute();

  await withId(db, db.schema.createTable('chain_leads').ifNotExists())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('investor', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('industry_code', 'text', (c) => c.notNull())
    .addColumn('chain_id', 'integer', (c) => c.notNull().references('chains.id'))
    .addColumn('team_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('township_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('planned_investment_fen', 'bigint', (c) => c.notNull())
    .addColumn('contract_investment_fen', 'bigint')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_order', 'integer', (c) => c.notNull())
    .addColumn('signed_date', 'text')
    .addColumn('started_date', 'text')
    .addColumn('producing_date', 'text')
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('next_step', 'text', (c) => c.notNull())
    .addColumn('next_step_date', 'text')
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('project_id', 'integer', (c) => c.references('projects.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const [name, columns] of [
    ['chain_leads_team_updated', ['team_unit_id', 'updated_at']],
    ['chain_leads_chain', ['chain_id']],
    ['chain_leads_signed', ['signed_date']],
    ['chain_leads_started', ['started_date']],
    ['chain_leads_producing', ['producing_date']],
    ['chain_leads_updated', ['updated_at']],
  ] as const)
    await db.schema
      .createIndex(name)
      .ifNotExists()
      .on('chain_leads')
      .columns([...columns])
      .execute();

  await withId(db, db.schema.createTable('chain_lead_events').ifNotExists())
    .addColumn('lead_id', 'integer', (c) => c.notNull().references('chain_leads.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    // The county day the event took effect (a stage reached on an earlier day keeps that day).
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chain_lead_events_lead').ifNotExists().on('chain_lead_events').column('lead_id').execute();

  await grantToRoles(db, {
    office: ['chain:read', 'chain:directory', 'chain:manage', 'lead:read', 'lead:write'],
    leader: ['chain:read', 'chain:directory', 'lead:read'],
    department: ['chain:read', 'chain:directory'],
    township: ['chain:read', 'chain:directory'],
    service_officer: ['chain:read', 'lead:read', 'lead:write'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['chain_lead_events', 'chain_leads', 'chain_links', 'chain_segment_firms', 'chain_segments', 'chain_members', 'chains'])
    await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission like 'chain:%' or permission like 'lead:%'`.execute(db);
}
