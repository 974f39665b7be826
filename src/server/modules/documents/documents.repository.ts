import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DocumentListQuery } from '../../../shared/modules/documents.schemas';
import { type Scope, scopeCondition } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { allRows, paginate } from '../../core/db/paging';
import type { DocumentTable, DocumentTemplateTable } from './documents.tables';

export type DocumentRow = Selectable<DocumentTable> & { unitNameZh: string | null; unitNameEn: string | null };
export type TemplateRow = Selectable<DocumentTemplateTable>;

/** Who is looking: issued documents in the read scope (county-wide ones for everyone who reads), drafts for drafters. */
export interface DocumentViewer {
  read: Scope;
  /** Null when the viewer may not see drafts. */
  drafts: Scope | null;
}

const SORTS = { issueDate: 'documents.issueDate', number: 'documents.seq', createdAt: 'documents.createdAt', title: 'documents.title' } as const;

function base(db: Executor) {
  return db
    .selectFrom('documents')
    .leftJoin('orgUnits', 'orgUnits.id', 'documents.unitId')
    .selectAll('documents')
    .select(['orgUnits.nameZh as unitNameZh', 'orgUnits.nameEn as unitNameEn']);
}

// Documents addressed to no single unit (briefs, county-wide notices) are read by everyone holding document:read;
// a letter to one unit only inside the scope, like any record of that unit.
function visible(db: Executor, viewer: DocumentViewer) {
  return base(db).where((eb) => {
    // A document addressed to no unit (the brief, a notice) is county-wide.
    const inScope = (scope: Scope) => scopeCondition(eb, scope, { unit: 'documents.unitId', noUnitIsPublic: true });
    const issued = eb.and([eb('documents.status', '=', 'issued'), inScope(viewer.read)]);
    return viewer.drafts ? eb.or([issued, eb.and([eb('documents.status', '=', 'draft'), inScope(viewer.drafts)])]) : issued;
  });
}

function filtered(db: Executor, viewer: DocumentViewer, f: Omit<DocumentListQuery, 'page' | 'pageSize'>) {
  let qb = visible(db, viewer);
  if (f.docType) qb = qb.where('documents.docType', '=', f.docType);
  if (f.subject) qb = qb.where('documents.subject', '=', f.subject);
  if (f.status) qb = qb.where('documents.status', '=', f.status);
  if (f.month) qb = qb.where('documents.month', '=', f.month);
  if (f.unitId) qb = qb.where('documents.unitId', '=', f.unitId);
  if (f.q) {
    const like = `%${f.q}%`;
    qb = qb.where((eb) => eb.or([eb('documents.number', 'like', like), eb('documents.title', 'like', like)]));
  }
  if (f.from) qb = qb.where('documents.issueDate', '>=', f.from);
  if (f.to) qb = qb.where('documents.issueDate', '<=', f.to);
  return qb;
}

/** SQL for official documents, their templates and (through numbering.ts) their counters. */
export const documentsRepository = {
  list(db: Executor, viewer: DocumentViewer, f: DocumentListQuery) {
    return paginate(filtered(db, viewer, f), f, SORTS, 'createdAt', 'documents.id');
  },
  all(db: Executor, viewer: DocumentViewer, f: Omit<DocumentListQuery, 'page' | 'pageSize'>) {
    return allRows(filtered(db, viewer, f), f, SORTS, 'createdAt', 'documents.id');
  },
  find(db: Executor, viewer: DocumentViewer, id: number): Promise<DocumentRow | undefined> {
    return visible(db, viewer).where('documents.id', '=', id).executeTakeFirst();
  },
  /** A document whatever the viewer, for writes that have already checked permission. */
  findAny(db: Executor, id: number): Promise<DocumentRow | undefined> {
    return base(db).where('documents.id', '=', id).executeTakeFirst();
  },
  /** Whether any document exists (the demo loads its documents into an empty register only). */
  async any(db: Executor): Promise<boolean> {
    return !!(await db.selectFrom('documents').select('id').limit(1).executeTakeFirst());
  },
  /** Every document of a type and month, drafts and issued ones. */
  findOfMonth(db: Executor, docType: string, month: string) {
    return base(db).where('documents.docType', '=', docType).where('documents.month', '=', month).execute();
  },
  async insert(db: Executor, row: Insertable<DocumentTable>): Promise<number> {
    const { id } = await db.insertInto('documents').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  /** Updates a draft; the number of rows changed is 0 when it is no longer a draft (issued meanwhile). */
  async updateDraft(db: Executor, id: number, patch: Updateable<DocumentTable>): Promise<number> {
    const res = await db.updateTable('documents').set(patch).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    return Number(res.numUpdatedRows);
  },
  async setPdf(db: Executor, id: number, sha256: string) {
    await db.updateTable('documents').set({ pdfSha256: sha256 }).where('id', '=', id).where('status', '=', 'issued').execute();
  },
  async deleteDraft(db: Executor, id: number): Promise<number> {
    const res = await db.deleteFrom('documents').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    return Number(res.numDeletedRows);
  },
  templates(db: Executor): Promise<TemplateRow[]> {
    return db.selectFrom('documentTemplates').selectAll().orderBy('id').execute();
  },
  template(db: Executor, docType: string): Promise<TemplateRow | undefined> {
    return db.selectFrom('documentTemplates').selectAll().where('docType', '=', docType).executeTakeFirst();
  },
  async updateTemplate(db: Executor, docType: string, patch: Updateable<DocumentTemplateTable>) {
    await db.updateTable('documentTemplates').set(patch).where('docType', '=', docType).execute();
  },
  /** Overdue 督办 tasks of the county on a day: open, in progress or returned, past their due date. */
  overdueTasks(db: Executor, today: string) {
    return db
      .selectFrom('tasks')
      .innerJoin('orgUnits', 'orgUnits.id', 'tasks.ownerUnitId')
      .select(['tasks.id', 'tasks.title', 'tasks.dueDate', 'orgUnits.nameZh as unitNameZh'])
      .where('tasks.status', 'in', ['open', 'in_progress', 'returned'])
      .where('tasks.dueDate', '<', today)
      .orderBy('tasks.dueDate')
      .orderBy('tasks.id')
      .execute();
  },
};
