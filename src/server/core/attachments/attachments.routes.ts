import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachmentIdParams, attachmentListQuery, attachmentOwnerParams, attachmentPage, attachmentSchema } from '../../../shared/modules/attachments.schemas';
import type { Deps } from '../deps';
import { fieldError } from '../http/errors';
import { listRoutes } from '../http/list-routes';
import { userCtx } from '../http/request-context';
import { ATTACHMENT_EXPORT_COLUMNS, allAttachments, deleteAttachment, listAttachments, openAttachment, uploadAttachment } from './attachments.service';

/** RFC 5987 value: percent-encodes everything but the attr-chars, so Chinese names survive every browser. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment` with an ASCII fallback name and the real name in `filename*`; never inline, so nothing renders in our origin. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/**
 * Attachments of any registered owner. Multipart parsing is registered in this plugin only, so no other route
 * accepts multipart bodies; access is decided per request by the owner type's registered rules.
 */
export function attachmentRoutes(app: FastifyInstance, deps: Deps) {
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: deps.config.attachmentMaxBytes, files: 1, fields: 5, parts: 6 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['attachments'];
    listRoutes(scope, {
      path: '/api/attachments',
      tags,
      query: attachmentListQuery,
      response: attachmentPage,
      list: (ctx, q) => listAttachments(deps, ctx, q),
      exportAll: (ctx, _filter, query) => allAttachments(deps, ctx, query),
      sheet: 'attachments',
      fileName: { zh: '附件.xlsx', en: 'attachments.xlsx' },
      columns: ATTACHMENT_EXPORT_COLUMNS,
    });
    r.post(
      '/api/attachments/:ownerType/:ownerId',
      { schema: { tags, params: attachmentOwnerParams, consumes: ['multipart/form-data'], response: { 200: attachmentSchema } } },
      (req) => {
        if (!req.isMultipart()) throw fieldError({ file: 'err.attachment_file_required' });
        return uploadAttachment(deps, userCtx(req), req.params.ownerType, req.params.ownerId, () => req.file());
      },
    );
    r.get('/api/attachments/:id/download', { schema: { tags, params: attachmentIdParams } }, async (req, reply) => {
      const { attachment, stream } = await openAttachment(deps, userCtx(req), req.params.id);
      return reply
        .header('content-type', attachment.contentType)
        .header('content-length', attachment.sizeBytes)
        .header('content-disposition', contentDisposition(attachment.fileName))
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(stream);
    });
    r.delete('/api/attachments/:id', { schema: { tags, params: attachmentIdParams } }, async (req, reply) => {
      await deleteAttachment(deps, userCtx(req), req.params.id);
      return reply.status(204).send();
    });
  });
}
