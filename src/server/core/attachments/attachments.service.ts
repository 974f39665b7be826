import type { MultipartFile } from '@fastify/multipart';
import fs from 'node:fs';
import { type Attachment, type AttachmentListQuery, type AttachmentPage, formatBytes } from '../../../shared/modules/attachments.schemas';
import { formatCountyTime } from '../../../shared/dates';
import type { UserContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import type { ExportColumn } from '../excel/export';
import { AppError, fieldError, forbidden, notFound } from '../http/errors';
import { type AttachmentRow, attachmentsRepository } from './attachments.repository';
import { attachmentOwner } from './owners';
import { safeFileName, sniffAttachment } from './sniff';
import { attachmentStore } from './storage';

function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: { id: row.uploadedBy, displayName: row.uploaderName },
    createdAt: row.createdAt,
  };
}

/** "20 MB" for the size-limit message. */
function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Checks the owner may be read (else 404, as if it did not exist) and, when asked, written (else 403). */
async function checkOwner(deps: Deps, ctx: UserContext, ownerType: string, ownerId: string, write: boolean) {
  const owner = attachmentOwner(ownerType);
  if (!(await owner.canRead(deps.db, ctx, ownerId))) throw notFound();
  if (write && !(await owner.canWrite(deps.db, ctx, ownerId))) throw forbidden();
  return owner;
}

/** A stored attachment whose owner the caller may read (and write, when asked); 404 otherwise. */
async function storedAttachment(deps: Deps, ctx: UserContext, id: number, write: boolean): Promise<AttachmentRow> {
  const row = await attachmentsRepository.findLive(deps.db, id);
  if (!row) throw notFound();
  try {
    await checkOwner(deps, ctx, row.ownerType, row.ownerId, write);
  } catch (error) {
    // An owner type no longer registered (its module removed) hides the file instead of answering 400.
    throw error instanceof AppError && error.code === 'VALIDATION' ? notFound() : error;
  }
  return row;
}

/** One page of an owner's attachments, for those who may read the owner. */
export async function listAttachments(deps: Deps, ctx: UserContext, q: AttachmentListQuery): Promise<AttachmentPage> {
  const owner = await checkOwner(deps, ctx, q.ownerType, q.ownerId, false);
  const { rows, total } = await attachmentsRepository.list(deps.db, q);
  return {
    items: rows.map(toAttachment),
    total,
    page: q.page,
    pageSize: q.pageSize,
    canWrite: await owner.canWrite(deps.db, ctx, q.ownerId),
    maxBytes: deps.config.attachmentMaxBytes,
  };
}

/** The panel's columns, for the Excel export of an owner's attachments. */
export const ATTACHMENT_EXPORT_COLUMNS: ExportColumn<Attachment>[] = [
  { zh: '文件名', en: 'File name', width: 50, value: (a) => a.fileName },
  { zh: '大小', en: 'Size', width: 12, value: (a) => formatBytes(a.sizeBytes) },
  { zh: '上传人', en: 'Uploaded by', value: (a) => a.uploadedBy.displayName },
  { zh: '上传时间', en: 'Uploaded at', width: 20, value: (a) => formatCountyTime(a.createdAt) },
];

/** Every attachment of an owner in the list's order, for the export. */
export async function allAttachments(deps: Deps, ctx: UserContext, q: AttachmentListQuery): Promise<Attachment[]> {
  await checkOwner(deps, ctx, q.ownerType, q.ownerId, false);
  return (await attachmentsRepository.all(deps.db, q)).map(toAttachment);
}

/**
 * Receives one file for an owner: access is checked before a byte is read, the bytes are checked by content,
 * and the row and its audit entry are written together once the file is safely on disk.
 */
export async function uploadAttachment(
  deps: Deps,
  ctx: UserContext,
  ownerType: string,
  ownerId: string,
  next: () => Promise<MultipartFile | undefined>,
): Promise<Attachment> {
  await checkOwner(deps, ctx, ownerType, ownerId, true);
  const part = await next();
  if (!part) throw fieldError({ file: 'err.attachment_file_required' });
  const store = attachmentStore(deps.config.attachmentsDir);
  const received = await store.receive(part.file);
  try {
    // The multipart parser stops at the limit and marks the stream truncated rather than failing it.
    if (part.file.truncated) {
      throw new AppError('PAYLOAD_TOO_LARGE', {}, { file: { key: 'err.attachment_too_large', params: { max: megabytes(deps.config.attachmentMaxBytes) } } });
    }
    if (received.sizeBytes === 0) throw fieldError({ file: 'err.attachment_empty' });
    const sniffed = await sniffAttachment(received.tempPath, () => fs.promises.readFile(received.tempPath), deps.config.attachmentAllowZip);
    if (!sniffed.ok) throw fieldError({ file: sniffed.reason === 'zip' ? 'err.attachment_zip' : 'err.attachment_type' });
    await store.keep(received);
    const fileName = safeFileName(part.filename, sniffed.type.ext);
    const id = await deps.db.transaction().execute(async (trx) => {
      const values = {
        ownerType,
        ownerId,
        fileName,
        contentType: sniffed.type.mime,
        sizeBytes: received.sizeBytes,
        sha256: received.sha256,
        uploadedBy: ctx.user.id,
        unitId: ctx.user.unitId,
        createdAt: deps.clock.now().toISOString(),
      };
      const newId = await attachmentsRepository.insert(trx, values);
      await recordAudit(trx, deps, ctx, { action: 'attachment.upload', entityType: 'attachment', entityId: newId, after: values });
      return newId;
    });
    const row = await attachmentsRepository.findLive(deps.db, id);
    if (!row) throw notFound();
    return toAttachment(row);
  } finally {
    await store.discard(received);
  }
}

/** An attachment and its bytes, for those who may read its owner; anyone else gets 404. */
export async function openAttachment(deps: Deps, ctx: UserContext, id: number) {
  const row = await storedAttachment(deps, ctx, id, false);
  return { attachment: toAttachment(row), stream: attachmentStore(deps.config.attachmentsDir).open(row.sha256) };
}

/** Soft-deletes an attachment (the bytes stay for the audit trail), for those who may write its owner; audited. */
export async function deleteAttachment(deps: Deps, ctx: UserContext, id: number): Promise<void> {
  const row = await storedAttachment(deps, ctx, id, true);
  await deps.db.transaction().execute(async (trx) => {
    await attachmentsRepository.softDelete(trx, id, deps.clock.now().toISOString(), ctx.user.id);
    await recordAudit(trx, deps, ctx, { action: 'attachment.delete', entityType: 'attachment', entityId: id, before: toAttachment(row) });
  });
}
