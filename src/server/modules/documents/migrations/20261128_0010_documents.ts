import { type Kysely, sql } from 'kysely';
import { grantToRoles, withId } from '../../../migrations/helpers';

// Official documents (公文): the templates the office edits, the documents themselves (drafts and issued ones with
// their stored .docx) and the per-type, per-year number counters that keep numbering free of gaps and duplicates.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('document_templates').ifNotExists())
    .addColumn('doc_type', 'text', (c) => c.notNull().unique())
    .addColumn('header_text', 'text', (c) => c.notNull())
    .addColumn('number_prefix', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('addressee', 'text', (c) => c.notNull())
    .addColumn('footer_lines', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One row per (type, year); issuing increments last_seq inside the issuing transaction, so a rolled-back issue
  // leaves no gap and two concurrent issues wait for each other on the row.
  await db.schema
    .createTable('document_numbers')
    .ifNotExists()
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_numbers_pk', ['doc_type', 'year'])
    .execute();

  await withId(db, db.schema.createTable('documents').ifNotExists())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // The data month a brief or letter speaks of ('YYYY-MM'), when it has one.
    .addColumn('month', 'text')
    // The unit a letter or notice is addressed to, when it is one unit; null for county-wide documents.
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('addressee', 'text', (c) => c.notNull())
    // JSON: the blocks (headings, paragraphs, tables) of the body, narrative paragraphs marked editable.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('seq', 'integer')
    .addColumn('number', 'text')
    .addColumn('issue_date', 'text')
    .addColumn('docx_sha256', 'text')
    .addColumn('docx_size', 'integer')
    .addColumn('pdf_sha256', 'text')
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
    .addColumn('issued_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('documents_type_year_seq', ['doc_type', 'year', 'seq'])
    .execute();
  await db.schema.createIndex('documents_month').ifNotExists().on('documents').columns(['doc_type', 'month']).execute();
  await db.schema.createIndex('documents_unit').ifNotExists().on('documents').column('unit_id').execute();

  const now = new Date().toISOString();
  const templates: [string, string, string, string][] = [
    ['brief', '工业强县工作简报', '宝工强简', '各乡镇人民政府（街道办事处）、县直有关单位'],
    ['letter', '宝丰县工业强县工作领导小组办公室', '宝工强函', ''],
    ['notice', '宝丰县工业强县工作领导小组办公室文件', '宝工强办', '各乡镇人民政府（街道办事处）、县直有关单位'],
  ];
  for (const [type, header, prefix, addressee] of templates) {
    await sql`insert into document_templates (doc_type, header_text, number_prefix, issuer, addressee, footer_lines, updated_at)
      select ${type}, ${header}, ${prefix}, ${'宝丰县工业强县工作领导小组办公室'}, ${addressee}, ${'[]'}, ${now}
      where not exists (select 1 from document_templates where doc_type = ${type})`.execute(db);
  }

  await grantToRoles(db, {
    office: ['document:read', 'document:draft', 'document:issue', 'document:template'],
    leader: ['document:read'],
    department: ['document:read'],
    township: ['document:read'],
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['documents', 'document_numbers', 'document_templates']) await db.schema.dropTable(table).ifExists().execute();
  await sql`delete from role_permissions where permission in ('document:read', 'document:draft', 'document:issue', 'document:template')`.execute(db);
}
