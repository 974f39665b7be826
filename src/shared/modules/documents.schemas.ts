import { z } from 'zod';
import { strictId } from '../ids';
import { listQuery, pageOf } from '../list';
import { patchOf } from '../patch';
import type { PermissionSet } from '../permissions';

/** Permissions of official documents (公文): briefs, reminder letters, notices and their register. */
export const DOCUMENT_PERMISSIONS = ['document:read', 'document:draft', 'document:issue', 'document:template'] as const;
declare module '../permissions' {
  interface ModulePermissions extends PermissionSet<typeof DOCUMENT_PERMISSIONS> {}
}

/** Kinds of official document; each has its template, its number prefix and its own numbering per year. */
export const DOC_TYPES = ['brief', 'letter', 'notice'] as const;
export type DocType = (typeof DOC_TYPES)[number];
export const DOC_STATUSES = ['draft', 'issued'] as const;
/** A notice (通报) criticises the units lagging behind or praises the units ahead; both share its template and numbering. */
export const NOTICE_SUBJECTS = ['criticism', 'praise'] as const;
export type NoticeSubject = (typeof NOTICE_SUBJECTS)[number];
const noticeSubject = z.enum(NOTICE_SUBJECTS, { error: 'err.notice_subject' });
/** What a user may do with a document; the server says which apply, the web shows those buttons. */
export const DOC_ACTIONS = ['edit', 'issue', 'delete', 'download'] as const;

const id = strictId;
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'err.month');
const unitBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });

/** A chart of a document: categories on the x axis, bars or lines of values (null where there is none). */
export const documentChart = z.object({
  kind: z.literal('chart'),
  caption: z.string().optional(),
  unit: z.string().optional(),
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), type: z.enum(['bar', 'line']), data: z.array(z.number().nullable()) })),
});
export type DocumentChart = z.infer<typeof documentChart>;

/** A body block as stored: headings and tables come from the data; paragraphs marked editable are the office's narrative. */
export const documentBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string(), editable: z.boolean().optional() }),
  z.object({
    kind: z.literal('table'),
    caption: z.string().optional(),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    widths: z.array(z.number()).optional(),
  }),
  documentChart,
]);
export type DocumentBlockData = z.infer<typeof documentBlock>;

export const documentSchema = z.object({
  id: z.number().int(),
  docType: z.enum(DOC_TYPES),
  /** A notice's subject; null for briefs and letters. */
  subject: z.enum(NOTICE_SUBJECTS).nullable(),
  status: z.enum(DOC_STATUSES),
  title: z.string(),
  month: z.string().nullable(),
  unit: unitBrief.nullable(),
  addressee: z.string(),
  blocks: z.array(documentBlock),
  number: z.string().nullable(),
  year: z.number().int().nullable(),
  seq: z.number().int().nullable(),
  issueDate: z.string().nullable(),
  taskId: z.number().int().nullable(),
  createdAt: z.string(),
  issuedAt: z.string().nullable(),
  /** Whether a PDF can be downloaded (issued, and converted already or LibreOffice on the server). */
  pdf: z.boolean(),
  actions: z.array(z.enum(DOC_ACTIONS)),
});
export type DocumentDto = z.infer<typeof documentSchema>;
/** The register lists documents without their bodies. */
export const documentListItem = documentSchema.omit({ blocks: true });
export type DocumentListItem = z.infer<typeof documentListItem>;

export const DOC_SORTS = ['issueDate', 'number', 'createdAt', 'title'] as const;
export const documentListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(DOC_SORTS).optional(),
  docType: z.enum(DOC_TYPES).optional(),
  subject: noticeSubject.optional(),
  status: z.enum(DOC_STATUSES).optional(),
  /** Number or title contains. */
  q: z.string().trim().max(60).optional(),
  month: month.optional(),
  unitId: id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type DocumentListQuery = z.infer<typeof documentListQuery>;
export const documentPage = pageOf(documentListItem);

export const draftBriefBody = z.strictObject({ month });
/** A notice of a locked month: criticism (the default, as the month close drafts it) or praise. */
export const draftNoticeBody = z.strictObject({ month, subject: noticeSubject.optional() });
/** Letters for the lagging units of a month: all of them, or the units named. */
export const draftLettersBody = z.strictObject({ month, unitIds: z.array(z.number().int().positive()).max(200).optional() });
export const draftLettersResponse = z.object({ items: z.array(documentListItem) });

/** The office edits the title, the addressee and the narrative paragraphs (by their index in the body). */
export const updateDraftBody = patchOf({
  title: z.string().trim().min(1, 'err.required').max(200),
  addressee: z.string().trim().max(300),
  paragraphs: z.array(z.strictObject({ index: z.number().int().min(0).max(500), text: z.string().trim().max(5000) })).max(100),
});
export const issueDocumentBody = z.strictObject({ issueDate: z.iso.date().optional() });
export const documentIdParams = z.strictObject({ id });

export const documentTemplateSchema = z.object({
  docType: z.enum(DOC_TYPES),
  headerText: z.string().trim().min(1, 'err.required').max(60),
  numberPrefix: z.string().trim().min(1, 'err.required').max(20),
  issuer: z.string().trim().min(1, 'err.required').max(60),
  addressee: z.string().trim().max(300),
  footerLines: z.array(z.string().trim().max(200)).max(5),
});
export const updateTemplateBody = documentTemplateSchema.omit({ docType: true }).strict();
export const templateParams = z.strictObject({ docType: z.enum(DOC_TYPES) });
export const templatesResponse = z.object({ items: z.array(documentTemplateSchema) });
