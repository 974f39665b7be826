import type { Insertable } from 'kysely';
import type { AttachmentListQuery } from '../../../shared/modules/attachments.schemas';
import type { Executor } from '../db/database';
import type { AttachmentTable } from '../db/schema';
import { allRows, paginate } from '../db/paging';

const SORT_COLUMNS = { createdAt: 'attachments.createdAt', fileName: 'attachments.fileName', sizeBytes: 'attachments.sizeBytes' } as const;

function selectLive(db: Executor) {
  return db
    .selectFrom('attachments')
    .innerJoin('users', 'users.id', 'attachments.uploadedBy')
    .select([
      'attachments.id',
      'attachments.ownerType',
      'attachments.ownerId',
      'attachments.fileName',
      'attachments.contentType',
      'attachments.sizeBytes',
      'attachments.sha256',
      'attachments.uploadedBy',
      'attachments.createdAt',
      'users.displayName as uploaderName',
    ])
    .where('attachments.deletedAt', 'is', null);
}

function ofOwner(db: Executor, q: Pick<AttachmentListQuery, 'ownerType' | 'ownerId'>) {
  return selectLive(db).where('attachments.ownerType', '=', q.ownerType).where('attachments.ownerId', '=', q.ownerId);
}

export type AttachmentRow = Awaited<ReturnType<ReturnType<typeof selectLive>['executeTakeFirstOrThrow']>>;

/** SQL for attachment metadata; deleted rows are kept for the audit trail but never listed or served. */
export const attachmentsRepository = {
  findLive(db: Executor, id: number) {
    return selectLive(db).where('attachments.id', '=', id).executeTakeFirst();
  },
  list(db: Executor, q: AttachmentListQuery) {
    return paginate(ofOwner(db, q), q, SORT_COLUMNS, 'createdAt', 'attachments.id');
  },
  all(db: Executor, q: AttachmentListQuery) {
    return allRows(ofOwner(db, q), q, SORT_COLUMNS, 'createdAt', 'attachments.id');
  },
  async insert(db: Executor, row: Insertable<AttachmentTable>): Promise<number> {
    const { id } = await db.insertInto('attachments').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async softDelete(db: Executor, id: number, at: string, by: number) {
    await db.updateTable('attachments').set({ deletedAt: at, deletedBy: by }).where('id', '=', id).where('deletedAt', 'is', null).execute();
  },
};
