import { z } from 'zod';
import { strictId } from '../ids';
import { listQuery, pageOf, queryBoolean } from '../list';
import { patchOf } from '../patch';

const id = strictId;

// ---- in-app inbox ----
export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  link: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationListQuery = z.strictObject({ ...listQuery, sort: z.enum(['createdAt']).optional(), unread: queryBoolean.optional() });
export const notificationPage = pageOf(notificationSchema);
export const unreadCountResponse = z.object({ unread: z.number().int() });

// ---- per-unit outbound webhooks ----
const webhookUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, 'err.webhook_url');

export const webhookSchema = z.object({
  id: z.number().int(),
  unit: z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() }),
  name: z.string(),
  url: z.string(),
  active: z.boolean(),
  pending: z.number().int(),
  failed: z.number().int(),
  lastSentAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;
export const WEBHOOK_SORTS = ['unit', 'name', 'updatedAt'] as const;
export const webhookListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(WEBHOOK_SORTS).optional(),
  unitId: id.optional(),
  active: queryBoolean.optional(),
});
export const webhookPage = pageOf(webhookSchema);
export const createWebhookBody = z.strictObject({
  unitId: z.number().int().positive(),
  name: z.string().trim().min(1, 'err.required').max(60),
  url: webhookUrl,
  active: z.boolean().default(true),
});
export const updateWebhookBody = patchOf({
  name: z.string().trim().min(1, 'err.required').max(60),
  url: webhookUrl,
  active: z.boolean(),
});
export const webhookTestResponse = z.object({ ok: z.boolean(), error: z.string().nullable() });

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export const deliverySchema = z.object({
  id: z.number().int(),
  webhookId: z.number().int(),
  webhookName: z.string(),
  unitNameZh: z.string(),
  unitNameEn: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;
export const deliveryListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(['createdAt']).optional(),
  webhookId: id.optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
});
export const deliveryPage = pageOf(deliverySchema);

// ---- scheduled job runs ----
export const jobRunSchema = z.object({
  id: z.number().int(),
  job: z.string(),
  period: z.string(),
  instance: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  ok: z.boolean().nullable(),
  message: z.string().nullable(),
});
export type JobRun = z.infer<typeof jobRunSchema>;
export const jobRunListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(['startedAt', 'job']).optional(),
  job: z.string().max(60).optional(),
  ok: queryBoolean.optional(),
});
export const jobRunPage = pageOf(jobRunSchema);
