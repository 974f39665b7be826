import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pingDb } from '../db/database';
import type { Deps } from '../deps';

const VERSION = '0.1.0';
const health = z.object({ ok: z.boolean(), db: z.string(), dialect: z.string(), version: z.string() });

/** Liveness and database reachability, for load balancers and operators. */
export function healthRoutes(app: FastifyInstance, deps: Deps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags: ['health'], response: { 200: health, 503: health } },
    },
    async (_req, reply) => {
      const up = await pingDb(deps.db);
      reply.status(up ? 200 : 503);
      return { ok: up, db: up ? 'up' : 'down', dialect: deps.dialect, version: VERSION };
    },
  );
}
