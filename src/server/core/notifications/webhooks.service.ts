import type { z } from 'zod';
import type { Delivery, Webhook, createWebhookBody, updateWebhookBody } from '../../../shared/modules/notifications.schemas';
import { requirePermission } from '../access/access';
import type { UserContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/database';
import type { Deps } from '../deps';
import { fieldError, notFound } from '../http/errors';
import { unitsRepository } from '../org/units.repository';
import { type Job, countyMinute } from '../scheduler/scheduler';
import { getWebhookSettings } from '../settings/settings.service';
import { postJson, refusedTarget } from './webhook-target';
import { type DeliveryFilter, type WebhookFilter, webhooksRepository } from './webhooks.repository';

/** A delivery is given up after this many failed attempts; its last error stays on the settings page. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** The wait after the first failure; it doubles after each further one (30 s, 1 min, 2 min, 4 min). */
const FIRST_RETRY_MS = 30_000;
const SEND_TIMEOUT_MS = 10_000;

type WebhookRow = NonNullable<Awaited<ReturnType<typeof webhooksRepository.findById>>>;

function describeWebhook(r: WebhookRow): Webhook {
  return {
    id: r.id,
    unit: { id: r.unitId, nameZh: r.unitNameZh, nameEn: r.unitNameEn },
    name: r.name,
    url: r.url,
    active: r.active === 1,
    pending: Number(r.pending ?? 0),
    failed: Number(r.failed ?? 0),
    lastSentAt: (r.lastSentAt as string | null) ?? null,
    updatedAt: r.updatedAt,
  };
}

async function findWebhook(db: Executor, id: number): Promise<Webhook> {
  const row = await webhooksRepository.findById(db, id);
  if (!row) throw notFound();
  return describeWebhook(row);
}

/** Refuses a loopback, private or link-local target unless the system administrator allowed its host. */
async function assertPublicTarget(db: Executor, url: string) {
  if (refusedTarget(url, (await getWebhookSettings(db)).allowedHosts)) throw fieldError({ url: 'err.webhook_internal_host' });
}

/** One page of webhooks (sysadmin). */
export async function listWebhooks(deps: Deps, ctx: UserContext, filter: WebhookFilter) {
  requirePermission(ctx, 'webhook:manage');
  const { rows, total } = await webhooksRepository.list(deps.db, filter);
  return { items: rows.map(describeWebhook), total, page: filter.page, pageSize: filter.pageSize };
}

/** Adds a unit's webhook (sysadmin), audited. */
export async function createWebhook(deps: Deps, ctx: UserContext, body: z.infer<typeof createWebhookBody>): Promise<Webhook> {
  requirePermission(ctx, 'webhook:manage');
  return deps.db.transaction().execute(async (trx) => {
    if (!(await unitsRepository.findById(trx, body.unitId))) throw fieldError({ unitId: 'err.unit_not_found' });
    await assertPublicTarget(trx, body.url);
    const now = deps.clock.now().toISOString();
    const id = await webhooksRepository.insert(trx, { ...body, active: body.active ? 1 : 0, createdAt: now, updatedAt: now });
    const created = await findWebhook(trx, id);
    await recordAudit(trx, deps, ctx, { action: 'webhook.create', entityType: 'webhook', entityId: id, after: created });
    return created;
  });
}

/** Edits or disables a webhook (sysadmin), audited. */
export async function updateWebhook(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateWebhookBody>): Promise<Webhook> {
  requirePermission(ctx, 'webhook:manage');
  return deps.db.transaction().execute(async (trx) => {
    const before = await findWebhook(trx, id);
    if (body.url !== undefined) await assertPublicTarget(trx, body.url);
    const { active, ...rest } = body;
    await webhooksRepository.update(trx, id, {
      ...rest,
      ...(active === undefined ? {} : { active: active ? 1 : 0 }),
      updatedAt: deps.clock.now().toISOString(),
    });
    const after = await findWebhook(trx, id);
    await recordAudit(trx, deps, ctx, { action: 'webhook.update', entityType: 'webhook', entityId: id, before, after });
    return after;
  });
}

type DeliveryRow = Awaited<ReturnType<typeof webhooksRepository.deliveries>>['rows'][number];

function describeDelivery(r: DeliveryRow): Delivery {
  return {
    id: r.id,
    webhookId: r.webhookId,
    webhookName: r.webhookName,
    unitNameZh: r.unitNameZh,
    unitNameEn: r.unitNameEn,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    lastError: r.lastError,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
  };
}

/** One page of the delivery queue, newest first by default, with each attempt's outcome. */
export async function listDeliveries(deps: Deps, ctx: UserContext, filter: DeliveryFilter) {
  requirePermission(ctx, 'webhook:manage');
  const { rows, total } = await webhooksRepository.deliveries(deps.db, filter);
  return { items: rows.map(describeDelivery), total, page: filter.page, pageSize: filter.pageSize };
}

/** Every delivery matching the filters, for export. */
export async function allDeliveries(deps: Deps, ctx: UserContext, filter: Omit<DeliveryFilter, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'webhook:manage');
  return (await webhooksRepository.allDeliveries(deps.db, filter)).map(describeDelivery);
}

/** Every webhook matching the filters, for export. */
export async function allWebhooks(deps: Deps, ctx: UserContext, filter: Omit<WebhookFilter, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'webhook:manage');
  return (await webhooksRepository.all(deps.db, filter)).map(describeWebhook);
}

/**
 * Posts one message; null on success, else the outcome's status only (`HTTP 500`, `errcode 93000`, `ECONNREFUSED`):
 * never the receiver's body, which an internal service would otherwise have read back through the settings page.
 * A 2xx whose body has a non-zero `errcode` failed too (WeCom and DingTalk answer 200 when they refuse a message).
 */
async function post(url: string, payloadJson: string, allowedHosts: readonly string[]): Promise<string | null> {
  const outcome = await postJson(url, payloadJson, allowedHosts, SEND_TIMEOUT_MS);
  if ('error' in outcome) return outcome.error;
  if (outcome.status < 200 || outcome.status >= 300) return `HTTP ${outcome.status}`;
  try {
    const body = JSON.parse(outcome.body) as { errcode?: unknown };
    if (typeof body.errcode === 'number' && body.errcode !== 0) return `errcode ${body.errcode}`;
  } catch {
    // Not JSON: a plain 2xx receiver accepted it.
  }
  return null;
}

/** Sends a test message to a webhook right away (sysadmin), outside the queue; audited. */
export async function testWebhook(deps: Deps, ctx: UserContext, id: number) {
  requirePermission(ctx, 'webhook:manage');
  const hook = await findWebhook(deps.db, id);
  const { allowedHosts } = await getWebhookSettings(deps.db);
  const error = await post(hook.url, JSON.stringify({ msgtype: 'text', text: { content: `【工业强县】测试消息 · ${hook.unit.nameZh}` } }), allowedHosts);
  await deps.db
    .transaction()
    .execute((trx) => recordAudit(trx, deps, ctx, { action: 'webhook.test', entityType: 'webhook', entityId: id, after: { ok: error === null, error } }));
  return { ok: error === null, error };
}

/**
 * Sends every queued delivery whose time has come; a failure is retried with exponential backoff and given up after
 * MAX_DELIVERY_ATTEMPTS. Runs as the `webhooks.deliver` job; returns a summary for the job log, null when none was due.
 */
export async function deliverDueWebhooks(deps: Deps, batch = 100): Promise<string | null> {
  const due = await webhooksRepository.due(deps.db, deps.clock.now().toISOString(), batch);
  if (due.length === 0) return null;
  const { allowedHosts } = await getWebhookSettings(deps.db);
  let sent = 0;
  let retried = 0;
  let failed = 0;
  for (const d of due) {
    const leaseUntil = new Date(deps.clock.now().getTime() + 2 * SEND_TIMEOUT_MS).toISOString();
    if (!(await webhooksRepository.lease(deps.db, d.id, d.nextAttemptAt, leaseUntil))) continue;
    const error = d.active === 1 ? await post(d.url, d.payloadJson, allowedHosts) : 'webhook disabled';
    const attempts = d.attempts + 1;
    const now = deps.clock.now();
    if (error === null) {
      sent++;
      await webhooksRepository.updateDelivery(deps.db, d.id, { status: 'sent', attempts, sentAt: now.toISOString(), lastError: null });
    } else if (attempts >= MAX_DELIVERY_ATTEMPTS || d.active !== 1) {
      failed++;
      await webhooksRepository.updateDelivery(deps.db, d.id, { status: 'failed', attempts, lastError: error.slice(0, 500) });
    } else {
      retried++;
      const wait = FIRST_RETRY_MS * 2 ** (attempts - 1);
      await webhooksRepository.updateDelivery(deps.db, d.id, {
        attempts,
        lastError: error.slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
      });
    }
  }
  return `sent ${sent}, retrying ${retried}, given up ${failed}`;
}

/** Every minute: send the webhook deliveries that are due. */
export const webhookDeliveryJob: Job = { name: 'webhooks.deliver', schedule: '* * * * *', period: countyMinute, run: (deps) => deliverDueWebhooks(deps) };
