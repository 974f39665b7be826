import type { Notification } from '../../../shared/modules/notifications.schemas';
import type { Permission } from '../../../shared/permissions';
import type { UserContext } from '../access/context';
import type { Insertable } from 'kysely';
import type { Trx } from '../db/database';
import type { NotificationTable, WebhookDeliveryTable } from '../db/schema';
import type { Deps } from '../deps';
import { notFound } from '../http/errors';
import { type NotificationFilter, notificationsRepository } from './notifications.repository';
import { webhooksRepository } from './webhooks.repository';

/** What to tell whom. Titles are stored in both languages so each reader sees their own. */
export interface NotifyInput {
  /** Individual recipients. */
  userIds?: number[];
  /** Every active user of these units is a recipient… */
  unitIds?: number[];
  /**
   * …who holds this permission, when given: a unit's notice about tasks should not reach, say, the system
   * administrator who happens to sit in the office (三员分立 keeps administrators away from business data).
   */
  unitPermission?: Permission;
  /** Left out even when named or in a named unit: usually the user whose action caused the notice. */
  exceptUserIds?: number[];
  /** A stable code, e.g. `task.assigned`, for filtering and icons. */
  kind: string;
  title: { zh: string; en: string };
  /** A path in the web app, e.g. `/tasks/12`. */
  link: string | null;
  entityType: string;
  entityId: string | number;
}

/**
 * Puts a notice in the inbox of every recipient and queues the recipients' units' webhooks, all in the caller's
 * transaction, so a notice exists exactly when the business change it reports does. Returns the recipient user ids.
 */
export async function notify(trx: Trx, deps: Pick<Deps, 'clock'>, input: NotifyInput): Promise<number[]> {
  return (await notifyMany(trx, deps, [input]))[0];
}

/**
 * `notify` for many notices at once (a job's): recipients and webhooks are looked up once per distinct unit list and
 * recipient set, and the notices and deliveries go in with multi-row statements. Returns each notice's recipients.
 */
export async function notifyMany(trx: Trx, deps: Pick<Deps, 'clock'>, inputs: readonly NotifyInput[]): Promise<number[][]> {
  const now = deps.clock.now().toISOString();
  const unitUsers = new Map<string, number[]>();
  const hooksOf = new Map<string, { id: number }[]>();
  const notices: Insertable<NotificationTable>[] = [];
  const deliveries: Insertable<WebhookDeliveryTable>[] = [];
  const out: number[][] = [];
  for (const input of inputs) {
    const except = new Set(input.exceptUserIds ?? []);
    const unitsKey = `${input.unitPermission ?? ''}|${(input.unitIds ?? []).join(',')}`;
    let fromUnits = unitUsers.get(unitsKey);
    if (!fromUnits) {
      fromUnits = await notificationsRepository.usersOfUnits(trx, input.unitIds ?? [], input.unitPermission);
      unitUsers.set(unitsKey, fromUnits);
    }
    const recipients = [...new Set([...(input.userIds ?? []), ...fromUnits])].filter((id) => !except.has(id));
    out.push(recipients);
    if (recipients.length === 0) continue;
    for (const userId of recipients)
      notices.push({
        userId,
        kind: input.kind,
        titleZh: input.title.zh,
        titleEn: input.title.en,
        link: input.link,
        entityType: input.entityType,
        entityId: String(input.entityId),
        createdAt: now,
        readAt: null,
      });
    const recipientsKey = recipients.join(',');
    let hooks = hooksOf.get(recipientsKey);
    if (!hooks) {
      hooks = await webhooksRepository.activeOfUnits(trx, await notificationsRepository.unitsOfUsers(trx, recipients));
      hooksOf.set(recipientsKey, hooks);
    }
    for (const hook of hooks)
      deliveries.push({
        webhookId: hook.id,
        // The WeCom / DingTalk group-robot text message shape.
        payloadJson: JSON.stringify({ msgtype: 'text', text: { content: `【工业强县】${input.title.zh}` } }),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        sentAt: null,
      });
  }
  await notificationsRepository.insertMany(trx, notices);
  await webhooksRepository.queueMany(trx, deliveries);
  return out;
}

/** One page of the signed-in user's inbox, newest first by default. */
export async function listMyNotifications(deps: Deps, ctx: UserContext, filter: NotificationFilter) {
  const { rows, total } = await notificationsRepository.list(deps.db, ctx.user.id, filter);
  const items: Notification[] = rows.map(({ userId: _, ...n }) => n);
  return { items, total, page: filter.page, pageSize: filter.pageSize };
}

/** Every notice of the user matching the filters, for export. */
export async function allMyNotifications(deps: Deps, ctx: UserContext, filter: Omit<NotificationFilter, 'page' | 'pageSize'>) {
  const rows = await notificationsRepository.all(deps.db, ctx.user.id, filter);
  return rows.map(({ userId: _, ...n }): Notification => n);
}

/** The number the header's bell shows. */
export async function unreadCount(deps: Deps, ctx: UserContext) {
  return { unread: await notificationsRepository.unreadCount(deps.db, ctx.user.id) };
}

/** Marks one notice read; someone else's notice is 404. */
export async function markRead(deps: Deps, ctx: UserContext, id: number) {
  if (!(await notificationsRepository.markRead(deps.db, ctx.user.id, id, deps.clock.now().toISOString()))) throw notFound();
}

/** Marks every notice of the user read. */
export async function markAllRead(deps: Deps, ctx: UserContext) {
  await notificationsRepository.markAllRead(deps.db, ctx.user.id, deps.clock.now().toISOString());
}
