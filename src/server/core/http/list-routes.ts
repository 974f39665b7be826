import type { FastifyInstance, FastifySchema } from 'fastify';
import type { z } from 'zod';
import type { Locale } from '../../../shared/i18n/messages';
import type { UserContext } from '../access/context';
import { type ExportColumn, exportXlsx } from '../excel/export';
import { sendXlsx } from './reply';
import { type RouteAccess, userCtx } from './request-context';

/** A query-string schema: it parses into an object. */
type ObjectQuery = z.ZodType<object>;

/** A list's query schema: whatever its filters, it pages. */
type PagedQuery = z.ZodType<{ page: number; pageSize: number }>;

/** A list's filters without its paging: what the export reads, since it writes every row the list would show. */
export type ListFilter<Q extends ObjectQuery> = Omit<z.output<Q>, 'page' | 'pageSize'>;

/** A file name per language. */
export interface FileName {
  zh: string;
  en: string;
}

/** Columns of an export: fixed bilingual headers, or chosen by language where the cells themselves are translated. */
export type ExportColumns<Row> = ExportColumn<Row>[] | ((en: boolean, locale: Locale) => ExportColumn<Row>[]);

/** What an `.xlsx` export route needs beyond its URL, gate and query. */
export interface ExportDefinition<Q extends ObjectQuery, Row> {
  /** Every row matching the filter, in the list's order; `query` is the whole parsed query, paging included. */
  exportAll: (ctx: UserContext, filter: ListFilter<Q>, query: z.output<Q>) => Promise<Row[]>;
  sheet: string;
  /** Fixed, or named after the query (a month's warnings). */
  fileName: FileName | ((query: z.output<Q>) => FileName);
  columns: ExportColumns<Row>;
}

/** A paged list endpoint and its `.xlsx` twin, declared once. */
export interface ListDefinition<Q extends PagedQuery, R extends z.ZodType, Row> extends ExportDefinition<Q, Row> {
  /** The list's URL; the export answers at `<path>/export.xlsx`. */
  path: string;
  tags: string[];
  /** The gate both routes share (omitted: any signed-in user, the service checks the rest). */
  config?: RouteAccess;
  query: Q;
  response: R;
  list: (ctx: UserContext, query: z.output<Q>) => Promise<z.output<R>>;
}

/**
 * Registers `GET <path>` (one page) and `GET <path>/export.xlsx` (every row the list would show, in the caller's
 * language) with the same gate and query schema, so the two can never drift apart.
 */
export function listRoutes<Q extends PagedQuery, R extends z.ZodType, Row>(app: FastifyInstance, def: ListDefinition<Q, R, Row>) {
  // The query is cast, not inferred: no type provider sees through a generic schema, and the schema has already
  // parsed it into exactly this type; `list`'s own type ties its answer to the response schema.
  const schema: FastifySchema = { tags: def.tags, querystring: def.query, response: { 200: def.response } };
  app.get(def.path, { config: def.config, schema }, (req) => def.list(userCtx(req), req.query as z.output<Q>));
  exportRoute(app, { ...def, path: `${def.path}/export.xlsx` });
}

/**
 * Registers only an `.xlsx` export: the twin of a list registered apart from it, or of a table that is not paged
 * (a budget by year, the financing statistics, a month's warnings).
 */
export function exportRoute<Q extends ObjectQuery, Row>(
  app: FastifyInstance,
  def: ExportDefinition<Q, Row> & { path: string; tags: string[]; config?: RouteAccess; query: Q },
) {
  app.get(def.path, { config: def.config, schema: { tags: def.tags, querystring: def.query } }, async (req, reply) => {
    const ctx = userCtx(req);
    const query = req.query as z.output<Q>;
    const { page: _p, pageSize: _s, ...filter } = query as z.output<Q> & { page?: number; pageSize?: number };
    const rows = await def.exportAll(ctx, filter, query);
    const en = ctx.locale === 'en-US';
    const columns = typeof def.columns === 'function' ? def.columns(en, ctx.locale) : def.columns;
    const name = typeof def.fileName === 'function' ? def.fileName(query) : def.fileName;
    return sendXlsx(reply, en ? name.en : name.zh, await exportXlsx(def.sheet, columns, rows, ctx.locale));
  });
}
