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
import { exportRoute, listRoutes } from '../http/list-routes';
import { userCtx } from '../http/request-context';
import { deliveryExportColumns, notificationExportColumns, webhookExportColumns } from './notifications.export';
import { allMyNotifications, listMyNotifications, markAllRead, markRead, unreadCount } from './notifications.service';
import { allDeliveries, allWebhooks, createWebhook, listDeliveries, listWebhooks, testWebhook, updateWebhook } from './webhooks.service';

/** Each user's inbox (any signed-in user, own notices only) and the sysadmin's webhook settings. */
export function notificationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  listRoutes(app, {
    path: '/api/notifications',
    tags,
    query: notificationListQuery,
    response: notificationPage,
    list: (ctx, q) => listMyNotifications(deps, ctx, { ...q, order: q.sort ? q.order : 'desc' }),
    exportAll: (ctx, filter) => allMyNotifications(deps, ctx, { ...filter, order: filter.sort ? filter.order : 'desc' }),
    sheet: 'inbox',
    fileName: { zh: '消息.xlsx', en: 'inbox.xlsx' },
    columns: (_en, locale) => notificationExportColumns(locale),
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
  listRoutes(app, {
    path: '/api/webhooks',
    tags: hooks,
    config: manage,
    query: webhookListQuery,
    response: webhookPage,
    list: (ctx, q) => listWebhooks(deps, ctx, q),
    exportAll: (ctx, filter) => allWebhooks(deps, ctx, filter),
    sheet: 'webhooks',
    fileName: { zh: '消息推送.xlsx', en: 'webhooks.xlsx' },
    columns: (_en, locale) => webhookExportColumns(locale),
  });
  // Registered before its list, as it always was, so that the API document keeps its order.
  exportRoute(app, {
    path: '/api/webhooks/deliveries/export.xlsx',
    tags: hooks,
    config: manage,
    query: deliveryListQuery,
    exportAll: (ctx, filter) => allDeliveries(deps, ctx, { ...filter, order: filter.sort ? filter.order : 'desc' }),
    sheet: 'deliveries',
    fileName: { zh: '推送发送记录.xlsx', en: 'webhook-deliveries.xlsx' },
    columns: (_en, locale) => deliveryExportColumns(locale),
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
