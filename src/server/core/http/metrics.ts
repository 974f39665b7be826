import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Deps } from '../deps';

// The process's own figures (CPU, memory, event-loop lag, GC) are collected once per process, however many apps it builds.
const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'icp_' });

/** The bearer token a scraper sends, compared in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `GET /metrics` in Prometheus text format for the system administrator's monitoring: request rates and latencies by
 * route template, the webhook queue depth and the job runs of all instances (read from the database), and the
 * process figures. It answers only a scraper that sends `Authorization: Bearer $METRICS_TOKEN`; without a token
 * configured it does not exist (404).
 */
export function registerMetrics(app: FastifyInstance, deps: Deps) {
  const registry = new Registry();
  const requests = new Counter({
    name: 'icp_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'icp_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'icp_webhook_deliveries_pending',
    help: 'Webhook notices waiting to be sent (all instances)',
    registers: [registry],
    async collect() {
      const row = await deps.db
        .selectFrom('webhookDeliveries')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      this.set(Number(row.n));
    },
  });
  new Gauge({
    name: 'icp_job_runs',
    help: 'Scheduled job runs recorded (all instances), by job and outcome; runs with nothing to do are not kept',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
    async collect() {
      const rows = await deps.db
        .selectFrom('jobRuns')
        .select((eb) => ['job', 'ok', eb.fn.countAll().as('n')])
        .groupBy(['job', 'ok'])
        .execute();
      this.reset();
      for (const row of rows) this.set({ job: row.job, outcome: row.ok === null ? 'running' : row.ok ? 'ok' : 'failed' }, Number(row.n));
    },
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    latency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const token = deps.config.metricsToken;
    if (!token || !bearerMatches(req.headers.authorization, token)) return reply.status(404).send({ code: 'NOT_FOUND', message: 'Not found' });
    const merged = Registry.merge([processRegistry, registry]);
    return reply.type(merged.contentType).send(await merged.metrics());
  });
}
