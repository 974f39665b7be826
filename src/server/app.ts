import fs from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { DbHandle } from './core/db/database';
import { AccessCache } from './core/auth/access-cache';
import { type Clock, type Deps, systemClock } from './core/deps';
import { registerErrorHandler } from './core/http/error-handler';
import { registerMetrics } from './core/http/metrics';
import { refuseControlCharacters, registerRequestContext } from './core/http/request-context';
import type { ModuleDefinition } from './core/modules/module';
import { installModules } from './core/modules/registry';

export interface AppOptions {
  config: Config;
  database: DbHandle;
  clock?: Clock;
  logger?: boolean;
  /** Where the request log goes when `logger` is on (standard output by default; the HTTP benchmark discards it). */
  logStream?: NodeJS.WritableStream;
}

/** Builds the HTTP application of an ordered module list around an open, migrated database (see `platform.ts`). */
export async function buildApp(
  { config, database, clock = systemClock, logger = true, logStream }: AppOptions,
  modules: readonly ModuleDefinition[],
): Promise<{ app: FastifyInstance; deps: Deps }> {
  const deps: Deps = { db: database.db, dialect: database.dialect, config, clock, accessCache: new AccessCache() };
  const app = Fastify({
    logger: logger
      ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'], ...(logStream ? { stream: logStream } : {}) }
      : false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Fastify logs two lines per request (received, completed); one line at the end says all of it at half the cost.
    logController: new LogController({ disableRequestLogging: true }),
  });
  if (logger) logRequests(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Text responses (JSON, the app's scripts and styles) go out compressed; small ones are not worth it.
  await app.register(fastifyCompress, { threshold: 1024 });
  await app.register(fastifyCookie);
  // The docs routes are registered by a plugin, so they are made public here rather than in their own config.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true };
  });
  await app.register(fastifySwagger, {
    openapi: { info: { title: '工业强县 · county industrial platform API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerErrorHandler(app);
  registerRequestContext(app, deps);
  refuseControlCharacters(app);
  registerMetrics(app, deps);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    // The API docs page brings its own inline scripts; everything else is the app, which needs none.
    if (!req.url.startsWith('/api/docs')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    // Secure cookies mean the site is served over HTTPS (behind the proxy): browsers then never try plain HTTP.
    if (config.cookieSecure) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });

  installModules(modules);
  for (const m of modules) for (const routes of m.routes ?? []) routes(app, deps);
  await serveWeb(app, config.webDist);
  return { app, deps };
}

/** One log line per request, once it is answered: method, path, status, time taken, who asked (user id) and from where. */
function logRequests(app: FastifyInstance) {
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      { method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, user: req.ctx?.user?.id, ip: req.ip },
      'request',
    );
  });
}

/**
 * Scripts and styles from the app's own origin only; inline styles are allowed because the component library writes
 * its styles at run time; images may be data: or blob: URLs (icons, chart exports); no framing, no plugins.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Hashed build assets never change under their name; index.html names the current ones, so it is always revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Serves the built single-page app, answering unknown non-API paths with its index.html. */
async function serveWeb(app: FastifyInstance, dist: string) {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return;
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    cacheControl: false,
    // The build writes .br and .gz beside each script and style at the highest levels; they go out as they are.
    preCompressed: true,
    setHeaders: (reply, file) => reply.header('cache-control', file.startsWith(path.join(dist, 'assets') + path.sep) ? IMMUTABLE : REVALIDATE),
  });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ code: 'NOT_FOUND', message: 'Not found' });
    return reply.type('text/html').header('cache-control', REVALIDATE).send(fs.createReadStream(index));
  });
}
