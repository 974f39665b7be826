import { z } from 'zod';
import { strictId } from '../ids';
import { listQuery, pageOf } from '../list';

/** Owner types are registered by modules on the server; the name is a short code such as `task` or `calendar_year`. */
export const ownerTypeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);
/** Owner ids are the owning record's key as text (an integer id, a year, a code). */
export const ownerIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);

export const attachmentOwnerParams = z.strictObject({ ownerType: ownerTypeSchema, ownerId: ownerIdSchema });

export const ATTACHMENT_SORTS = ['createdAt', 'fileName', 'sizeBytes'] as const;

export const attachmentListQuery = z.strictObject({
  ...listQuery,
  ownerType: ownerTypeSchema,
  ownerId: ownerIdSchema,
  sort: z.enum(ATTACHMENT_SORTS).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type AttachmentListQuery = z.infer<typeof attachmentListQuery>;

export const attachmentIdParams = z.strictObject({ id: strictId });

export const attachmentSchema = z.object({
  id: z.number().int(),
  ownerType: z.string(),
  ownerId: z.string(),
  fileName: z.string(),
  /** The type found in the file's bytes, not the one the browser declared. */
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.object({ id: z.number().int(), displayName: z.string() }),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/**
 * A page of an owner's attachments plus whether the caller may add or delete them (so the UI hides what the
 * server refuses) and the size limit (so the UI can refuse a large file before sending it).
 */
export const attachmentPage = pageOf(attachmentSchema).extend({ canWrite: z.boolean(), maxBytes: z.number().int() });
export type AttachmentPage = z.infer<typeof attachmentPage>;

/** What the upload accepts, shown next to the upload button (extensions, lower case). */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'docx', 'xlsx', 'pptx', 'doc', 'xls', 'ppt'] as const;

/** "1.2 MB", "35 KB": sizes as people read them, the same in the panel and its Excel export. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}
