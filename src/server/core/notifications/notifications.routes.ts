import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/modules/admin.schemas';
import {
  createWebhookBody,
  deliveryListQuery,
  deliveryPage,
  notificationListQuery,
  notificationPage,
  unreadCountResponse,
  updateWebhookBody,
  webhookListQuery,
  webhookPage,
  webhookSchema,
  webhookTestResponse,
} from '../../../shared/modules/notifications.schemas';
import type { Deps } from '../deps';
import { exportXlsx } from '../excel/export';
import { sendXlsx } from '../http/reply';
import { userCtx } from '../http/request-context';
import { deliveryExportColumns, notificationExportColumns, webhookExportColumns } from './notifications.export';
import { allMyNotifications, listMyNotifications, markAllRead, markRead, unreadCount } from './notifications.service';
import { allDeliveries, allWebhooks, createWebhook, listDeliveries, listWebhooks, testWebhook, updateWebhook } from './webhooks.service';

/** Each user's inbox (any signed-in user, own notices only) and the sysadmin's webhook settings. */
export function notificationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get('/api/notifications', { schema: { tags, querystring: notificationListQuery, response: { 200: notificationPage } } }, (req) =>
    listMyNotifications(deps, userCtx(req), { ...req.query, order: req.query.sort ? req.query.order : 'desc' }),
  );
  r.get('/api/notifications/export.xlsx', { schema: { tags, querystring: notificationListQuery } }, async (req, reply) => {
    const ctx = userCtx(req);
    const rows = await allMyNotifications(deps, ctx, { ...req.query, order: req.query.sort ? req.query.order : 'desc' });
    return sendXlsx(
      reply,
      ctx.locale === 'en-US' ? 'inbox.xlsx' : '消息.xlsx',
      await exportXlsx('inbox', notificationExportColumns(ctx.locale), rows, ctx.locale),
    );
  });
  r.get('/api/notifications/unread-count', { schema: { tags, response: { 200: unreadCountResponse } } }, (req) => unreadCount(deps, userCtx(req)));
  r.post('/api/notifications/:id/read', { schema: { tags, params: idParams } }, async (req, reply) => {
    await markRead(deps, userCtx(req), req.params.id);
    return reply.status(204).send();
  });
  r.post('/api/notifications/read-all', { schema: { tags } }, async (req, reply) => {
    await markAllRead(deps, userCtx(req));
    return reply.status(204).send();
  });

  const hooks = ['webhooks'];
  const manage = { permission: 'webhook:manage' as const };
  r.get('/api/webhooks', { config: manage, schema: { tags: hooks, querystring: webhookListQuery, response: { 200: webhookPage } } }, (req) =>
    listWebhooks(deps, userCtx(req), req.query),
  );
  r.get('/api/webhooks/export.xlsx', { config: manage, schema: { tags: hooks, querystring: webhookListQuery } }, async (req, reply) => {
    const ctx = userCtx(req);
    const rows = await allWebhooks(deps, ctx, req.query);
    return sendXlsx(
      reply,
      ctx.locale === 'en-US' ? 'webhooks.xlsx' : '消息推送.xlsx',
      await exportXlsx('webhooks', webhookExportColumns(ctx.locale), rows, ctx.locale),
    );
  });
  r.get('/api/webhooks/deliveries/export.xlsx', { config: manage, schema: { tags: hooks, querystring: deliveryListQuery } }, async (req, reply) => {
    const ctx = userCtx(req);
    const rows = await allDeliveries(deps, ctx, { ...req.query, order: req.query.sort ? req.query.order : 'desc' });
    return sendXlsx(
      reply,
      ctx.locale === 'en-US' ? 'webhook-deliveries.xlsx' : '推送发送记录.xlsx',
      await exportXlsx('deliveries', deliveryExportColumns(ctx.locale), rows, ctx.locale),
    );
  });
  r.get('/api/webhooks/deliveries', { config: manage, schema: { tags: hooks, querystring: deliveryListQuery, response: { 200: deliveryPage } } }, (req) =>
    listDeliveries(deps, userCtx(req), { ...req.query, order: req.query.sort ? req.query.order : 'desc' }),
  );
  r.post('/api/webhooks', { config: manage, schema: { tags: hooks, body: createWebhookBody, response: { 200: webhookSchema } } }, (req) =>
    createWebhook(deps, userCtx(req), req.body),
  );
  r.patch(
    '/api/webhooks/:id',
    { config: manage, schema: { tags: hooks, params: idParams, body: updateWebhookBody, response: { 200: webhookSchema } } },
    (req) => updateWebhook(deps, userCtx(req), req.params.id, req.body),
  );
  r.post('/api/webhooks/:id/test', { config: manage, schema: { tags: hooks, params: idParams, response: { 200: webhookTestResponse } } }, (req) =>
    testWebhook(deps, userCtx(req), req.params.id),
  );
}
