import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type DocumentListItem,
  documentIdParams,
  documentListQuery,
  documentPage,
  documentSchema,
  documentTemplateSchema,
  draftBriefBody,
  draftLettersBody,
  draftLettersResponse,
  draftNoticeBody,
  issueDocumentBody,
  templateParams,
  templatesResponse,
  updateDraftBody,
  updateTemplateBody,
} from '../../../shared/modules/documents.schemas';
import type { Deps } from '../../core/deps';
import type { ExportColumn } from '../../core/excel/export';
import { listRoutes } from '../../core/http/list-routes';
import { userCtx } from '../../core/http/request-context';
import {
  allDocuments,
  deleteDraft,
  documentFile,
  documentPdf,
  draftMonthly,
  draftLetters,
  getDocument,
  issueDocument,
  listDocuments,
  listTemplates,
  updateDraft,
  updateTemplate,
} from './documents.service';

const TYPE_NAMES = { brief: ['工作简报', 'Work brief'], letter: ['提醒函', 'Reminder letter'], notice: ['通报', 'Notice'] } as const;
const SUBJECT_NAMES = { criticism: ['批评', 'Criticism'], praise: ['表扬', 'Praise'] } as const;
const STATUS_NAMES = { draft: ['草稿', 'Draft'], issued: ['已印发', 'Issued'] } as const;

const EXPORT_COLUMNS = (en: boolean): ExportColumn<DocumentListItem>[] => [
  { zh: '文号', en: 'Number', width: 24, value: (r) => r.number ?? '' },
  { zh: '类型', en: 'Type', value: (r) => TYPE_NAMES[r.docType][en ? 1 : 0] },
  { zh: '通报类别', en: 'Notice subject', value: (r) => (r.subject ? SUBJECT_NAMES[r.subject][en ? 1 : 0] : '') },
  { zh: '标题', en: 'Title', width: 48, value: (r) => r.title },
  { zh: '月份', en: 'Month', value: (r) => r.month ?? '' },
  { zh: '主送单位', en: 'Addressed unit', width: 18, value: (r) => (r.unit ? (en ? r.unit.nameEn : r.unit.nameZh) : r.addressee) },
  { zh: '印发日期', en: 'Issued on', value: (r) => r.issueDate ?? '' },
  { zh: '状态', en: 'Status', value: (r) => STATUS_NAMES[r.status][en ? 1 : 0] },
];

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Official documents: the register, drafting briefs, reminder letters and notices (criticism or praise), editing, issuing, downloads, templates. */
export function documentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  listRoutes(app, {
    path: '/api/documents',
    tags,
    config: { permission: 'document:read' },
    query: documentListQuery,
    response: documentPage,
    list: (ctx, q) => listDocuments(deps, ctx, q),
    exportAll: (ctx, filter) => allDocuments(deps, ctx, filter),
    sheet: 'documents',
    fileName: { zh: '公文登记.xlsx', en: 'documents.xlsx' },
    columns: EXPORT_COLUMNS,
  });
  r.get('/api/documents/templates', { config: { permission: 'document:read' }, schema: { tags, response: { 200: templatesResponse } } }, (req) =>
    listTemplates(deps, userCtx(req)),
  );
  r.put(
    '/api/documents/templates/:docType',
    {
      config: { permission: 'document:template' },
      schema: { tags, params: templateParams, body: updateTemplateBody, response: { 200: documentTemplateSchema } },
    },
    async (req) => {
      const out = await updateTemplate(deps, userCtx(req), req.params.docType, req.body);
      if (!out) throw new Error('template vanished');
      return out;
    },
  );
  r.post(
    '/api/documents/briefs',
    { config: { permission: 'document:draft' }, schema: { tags, body: draftBriefBody, response: { 200: documentSchema } } },
    (req) => draftMonthly(deps, userCtx(req), { docType: 'brief', subject: null }, req.body.month),
  );
  r.post(
    '/api/documents/notices',
    { config: { permission: 'document:draft' }, schema: { tags, body: draftNoticeBody, response: { 200: documentSchema } } },
    (req) => draftMonthly(deps, userCtx(req), { docType: 'notice', subject: req.body.subject ?? 'criticism' }, req.body.month),
  );
  r.post(
    '/api/documents/letters',
    { config: { permission: 'document:draft' }, schema: { tags, body: draftLettersBody, response: { 200: draftLettersResponse } } },
    (req) => draftLetters(deps, userCtx(req), req.body),
  );
  r.get(
    '/api/documents/:id',
    { config: { permission: 'document:read' }, schema: { tags, params: documentIdParams, response: { 200: documentSchema } } },
    (req) => getDocument(deps, userCtx(req), req.params.id),
  );
  r.patch(
    '/api/documents/:id',
    { config: { permission: 'document:draft' }, schema: { tags, params: documentIdParams, body: updateDraftBody, response: { 200: documentSchema } } },
    (req) => updateDraft(deps, userCtx(req), req.params.id, req.body),
  );
  r.delete('/api/documents/:id', { config: { permission: 'document:draft' }, schema: { tags, params: documentIdParams } }, async (req, reply) => {
    await deleteDraft(deps, userCtx(req), req.params.id);
    return reply.status(204).send();
  });
  r.post(
    '/api/documents/:id/issue',
    { config: { permission: 'document:issue' }, schema: { tags, params: documentIdParams, body: issueDocumentBody, response: { 200: documentSchema } } },
    (req) => issueDocument(deps, userCtx(req), req.params.id, req.body.issueDate),
  );
  r.get('/api/documents/:id/file.docx', { config: { permission: 'document:read' }, schema: { tags, params: documentIdParams } }, async (req, reply) => {
    const { fileName, bytes } = await documentFile(deps, userCtx(req), req.params.id);
    return reply
      .header('content-type', DOCX)
      .header('content-disposition', `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(bytes);
  });
  r.get('/api/documents/:id/file.pdf', { config: { permission: 'document:read' }, schema: { tags, params: documentIdParams } }, async (req, reply) => {
    const { fileName, bytes } = await documentPdf(deps, userCtx(req), req.params.id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(bytes);
  });
}
