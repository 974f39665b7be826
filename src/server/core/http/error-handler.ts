import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Locale, isMessageKey, translate } from '../../../shared/i18n/messages';
import { AppError } from './errors';

const zodLocales = { 'zh-CN': z.locales.zhCN(), 'en-US': z.locales.en() };

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** A zod issue in the caller's language: our own keys first, else zod's own locale. */
function issueMessage(locale: Locale, item: ValidationItem): string {
  if (item.keyword === 'unrecognized_keys') return translate(locale, 'err.UNKNOWN_FIELD');
  if (item.message && isMessageKey(item.message)) return translate(locale, item.message);
  const issue = { code: item.keyword, ...item.params, message: undefined, path: [] } as never;
  const produced = zodLocales[locale].localeError?.(issue);
  return (typeof produced === 'string' ? produced : produced?.message) ?? item.message ?? item.keyword;
}

function fieldsOf(locale: Locale, items: ValidationItem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const item of items) {
    const base = item.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const names = item.keyword === 'unrecognized_keys' ? ((item.params.keys as string[]) ?? []).map((k) => (base ? `${base}.${k}` : k)) : [base || '_'];
    for (const name of names) fields[name] ??= issueMessage(locale, item);
  }
  return fields;
}

/** One error shape for every failure: `{code, message, fields?}` in the caller's language, never a stack trace. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const locale = req.ctx?.locale ?? 'zh-CN';
    if (error instanceof AppError) {
      const fields = error.fields ? Object.fromEntries(Object.entries(error.fields).map(([k, p]) => [k, translate(locale, p.key, p.params)])) : undefined;
      return reply.status(error.status).send({ code: error.code, message: translate(locale, `err.${error.code}`, error.params), fields });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply
        .status(400)
        .send({ code: 'VALIDATION', message: translate(locale, 'err.VALIDATION'), fields: fieldsOf(locale, error.validation as ValidationItem[]) });
    }
    if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: translate(locale, 'err.PAYLOAD_TOO_LARGE') });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, wrong content type and the like: the client's fault, told plainly.
      return reply.status(error.statusCode).send({ code: 'VALIDATION', message: translate(locale, 'err.VALIDATION'), fields: {} });
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: translate(locale, 'err.INTERNAL') });
  });
  app.setNotFoundHandler((req, reply) => {
    const locale = req.ctx?.locale ?? 'zh-CN';
    reply.status(404).send({ code: 'NOT_FOUND', message: translate(locale, 'err.NOT_FOUND') });
  });
}
