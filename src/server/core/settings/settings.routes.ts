import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { securitySettings, webhookSettings } from '../../../shared/modules/admin.schemas';
import type { Deps } from '../deps';
import { userCtx } from '../http/request-context';
import { getSecuritySettings, getWebhookSettings, updateSecuritySettings, updateWebhookSettings } from './settings.service';

/** Security settings: sessions, lockout, password policy; webhook hosts allowed although internal (sysadmin). */
export function settingsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'settings:manage' as const };
  r.get('/api/settings/security', { config, schema: { tags: ['settings'], response: { 200: securitySettings } } }, () => getSecuritySettings(deps.db));
  r.put('/api/settings/security', { config, schema: { tags: ['settings'], body: securitySettings, response: { 200: securitySettings } } }, (req) =>
    updateSecuritySettings(deps, userCtx(req), req.body),
  );
  r.get('/api/settings/webhooks', { config, schema: { tags: ['settings'], response: { 200: webhookSettings } } }, () => getWebhookSettings(deps.db));
  r.put('/api/settings/webhooks', { config, schema: { tags: ['settings'], body: webhookSettings, response: { 200: webhookSettings } } }, (req) =>
    updateWebhookSettings(deps, userCtx(req), req.body),
  );
}
