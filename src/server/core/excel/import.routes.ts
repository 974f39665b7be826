import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { translate } from '../../../shared/i18n/messages';
import { importFailure, importResult } from '../../../shared/modules/excel.schemas';
import type { Permission } from '../../../shared/permissions';
import type { UserContext } from '../access/context';
import { fieldError } from '../http/errors';
import { sendXlsx } from '../http/reply';
import { userCtx } from '../http/request-context';
import { type ImportOutcome, TemplateMismatch } from './import';

const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

interface ImportRoutes<P> {
  /** e.g. `/api/enterprises`: serves `<base>/template.xlsx` and accepts `POST <base>/import`. */
  base: string;
  /** The schema of the base's path parameters, e.g. the year of `/api/indicator-plans/:year`. */
  params?: z.ZodType<P>;
  permission: Permission;
  tags: string[];
  fileName: { zh: string; en: string } | ((params: P) => { zh: string; en: string });
  template(ctx: UserContext, params: P): Promise<Buffer>;
  run(ctx: UserContext, buffer: Buffer, params: P): Promise<ImportOutcome>;
}

/**
 * The template download and the upload of one import, the same for every module. Multipart parsing is registered
 * in this route's own scope only; a refused file answers 400 with its rows' problems and the annotated sheet.
 */
export function importRoutes<P = Record<string, never>>(app: FastifyInstance, opts: ImportRoutes<P>) {
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 2, parts: 3 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const config = { permission: opts.permission };
    const params = opts.params ?? z.strictObject({});
    r.get(`${opts.base}/template.xlsx`, { config, schema: { tags: opts.tags, params } }, async (req, reply) => {
      const ctx = userCtx(req);
      const p = req.params as P;
      const name = typeof opts.fileName === 'function' ? opts.fileName(p) : opts.fileName;
      return sendXlsx(reply, ctx.locale === 'en-US' ? name.en : name.zh, await opts.template(ctx, p));
    });
    r.post(
      `${opts.base}/import`,
      { config, schema: { tags: opts.tags, params, consumes: ['multipart/form-data'], response: { 200: importResult, 400: importFailure } } },
      async (req, reply) => {
        const ctx = userCtx(req);
        const file = req.isMultipart() ? await req.file() : undefined;
        if (!file) throw fieldError({ file: 'err.required' });
        const buffer = await file.toBuffer();
        try {
          const outcome = await opts.run(ctx, buffer, req.params as P);
          if (outcome.ok) return { imported: outcome.imported };
          return reply.status(400).send({
            code: 'IMPORT_INVALID' as const,
            message: translate(ctx.locale, 'err.import.rows', { count: outcome.problems.length }),
            fields: {},
            errors: outcome.problems,
            report: outcome.report.toString('base64'),
          });
        } catch (err) {
          if (err instanceof TemplateMismatch) {
            if (err.reason) req.log.warn({ reason: err.reason }, 'import file unreadable');
            throw fieldError({ file: { key: 'err.import.header', params: { expected: err.expected.join('、') } } });
          }
          throw err;
        }
      },
    );
  });
}
