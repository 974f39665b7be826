import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import { attachmentRoutes } from './core/attachments/attachments.routes';
import { auditRoutes } from './core/audit/audit.routes';
import { authRoutes } from './core/auth/auth.routes';
import { calendarRoutes } from './core/calendar/calendar.routes';
import type { DbHandle } from './core/db/database';
import { type Clock, type Deps, systemClock } from './core/deps';
import { registerErrorHandler } from './core/http/error-handler';
import { healthRoutes } from './core/http/health.routes';
import { registerRequestContext } from './core/http/request-context';
import { unitRoutes } from './core/org/units.routes';
import { roleRoutes } from './core/roles/roles.routes';
import { settingsRoutes } from './core/settings/settings.routes';
import { userRoutes } from './core/users/users.routes';
import { indicatorRoutes } from './modules/indicators/indicators.routes';
import { ledgerRoutes } from './modules/indicators/ledger.routes';
import { autoLockJob } from './modules/indicators/autolock';
import { meetingScheduleJob } from './modules/meetings/schedules.service';
import { reportRemindersJob } from './modules/reports/reminders';
import { reportRoutes } from './modules/reports/reports.routes';
import { enterpriseRoutes } from './core/enterprises/enterprises.routes';
import { documentRoutes } from './modules/documents/documents.routes';
import { draftNoticeOnLock } from './modules/documents/documents.service';
import { onMonthLocked } from './modules/indicators/month-locked';
import { meetingRoutes } from './modules/meetings/meetings.routes';
import { lockProjectsOnMonthLock } from './modules/projects/projects.month-close';
import { projectRoutes } from './modules/projects/projects.routes';
import { registerJob } from './core/scheduler/jobs';
import { notificationRoutes } from './core/notifications/notifications.routes';
import { jobRoutes } from './core/scheduler/jobs.routes';
import { taskRoutes } from './core/tasks/tasks.routes';

export interface AppOptions {
  config: Config;
  database: DbHandle;
  clock?: Clock;
  logger?: boolean;
}

/** Builds the HTTP application around an open, migrated database. */
export async function buildApp({ config, database, clock = systemClock, logger = true }: AppOptions): Promise<{ app: FastifyInstance; deps: Deps }> {
  const deps: Deps = { db: database.db, dialect: database.dialect, config, clock };
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
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
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  registerJob(autoLockJob);
  registerJob(reportRemindersJob);
  registerJob(meetingScheduleJob);
  onMonthLocked(draftNoticeOnLock);
  onMonthLocked(lockProjectsOnMonthLock);
  for (const routes of [
    healthRoutes,
    authRoutes,
    unitRoutes,
    userRoutes,
    roleRoutes,
    settingsRoutes,
    auditRoutes,
    calendarRoutes,
    indicatorRoutes,
    ledgerRoutes,
    taskRoutes,
    notificationRoutes,
    jobRoutes,
    attachmentRoutes,
    enterpriseRoutes,
    reportRoutes,
    documentRoutes,
    meetingRoutes,
    projectRoutes,
  ])
    routes(app, deps);
  await serveWeb(app, config.webDist);
  return { app, deps };
}

/** Serves the built single-page app, answering unknown non-API paths with its index.html. */
async function serveWeb(app: FastifyInstance, dist: string) {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return;
  await app.register(fastifyStatic, { root: dist, wildcard: false });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ code: 'NOT_FOUND', message: 'Not found' });
    return reply.type('text/html').send(fs.createReadStream(index));
  });
}
