import type { Insertable, Updateable } from 'kysely';
import { insertMany } from '../db/batch';
import type { Executor } from '../db/database';
import { type PageRequest, allRows, paginate } from '../db/paging';
import type { WebhookDeliveryTable, WebhookTable } from '../db/schema';

export interface WebhookFilter extends PageRequest<'unit' | 'name' | 'updatedAt'> {
  unitId?: number;
  active?: boolean;
}
export interface DeliveryFilter extends PageRequest<'createdAt'> {
  webhookId?: number;
  status?: WebhookDeliveryTable['status'];
}

function webhooksWithCounts(db: Executor) {
  return db
    .selectFrom('webhooks')
    .innerJoin('orgUnits', 'orgUnits.id', 'webhooks.unitId')
    .selectAll('webhooks')
    .select(['orgUnits.nameZh as unitNameZh', 'orgUnits.nameEn as unitNameEn', 'orgUnits.sortOrder as unitSort'])
    .select((eb) => [
      eb
        .selectFrom('webhookDeliveries')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('webhookDeliveries.webhookId', '=', 'webhooks.id')
        .where('webhookDeliveries.status', '=', 'pending')
        .as('pending'),
      eb
        .selectFrom('webhookDeliveries')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('webhookDeliveries.webhookId', '=', 'webhooks.id')
        .where('webhookDeliveries.status', '=', 'failed')
        .as('failed'),
      eb
        .selectFrom('webhookDeliveries')
        .select((e) => e.fn.max('webhookDeliveries.sentAt').as('m'))
        .whereRef('webhookDeliveries.webhookId', '=', 'webhooks.id')
        .as('lastSentAt'),
    ]);
}

const WEBHOOK_SORTS = { unit: 'orgUnits.sortOrder', name: 'webhooks.name', updatedAt: 'webhooks.updatedAt' } as const;
const DELIVERY_SORTS = { createdAt: 'webhookDeliveries.id' } as const;

function webhooksFiltered(db: Executor, f: { unitId?: number; active?: boolean }) {
  let qb = webhooksWithCounts(db);
  if (f.unitId) qb = qb.where('webhooks.unitId', '=', f.unitId);
  if (f.active !== undefined) qb = qb.where('webhooks.active', '=', f.active ? 1 : 0);
  return qb;
}

function deliveriesFiltered(db: Executor, f: { webhookId?: number; status?: WebhookDeliveryTable['status'] }) {
  let qb = db
    .selectFrom('webhookDeliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhookDeliveries.webhookId')
    .innerJoin('orgUnits', 'orgUnits.id', 'webhooks.unitId')
    .selectAll('webhookDeliveries')
    .select(['webhooks.name as webhookName', 'orgUnits.nameZh as unitNameZh', 'orgUnits.nameEn as unitNameEn']);
  if (f.webhookId) qb = qb.where('webhookDeliveries.webhookId', '=', f.webhookId);
  if (f.status) qb = qb.where('webhookDeliveries.status', '=', f.status);
  return qb;
}

/** SQL for per-unit webhooks and their delivery queue. */
export const webhooksRepository = {
  activeOfUnits(db: Executor, unitIds: number[]) {
    if (unitIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('webhooks').select(['id', 'unitId']).where('unitId', 'in', unitIds).where('active', '=', 1).execute();
  },
  queueMany(db: Executor, rows: Insertable<WebhookDeliveryTable>[]) {
    return insertMany(db, 'webhookDeliveries', rows);
  },
  list(db: Executor, f: WebhookFilter) {
    return paginate(webhooksFiltered(db, f), f, WEBHOOK_SORTS, 'unit', 'webhooks.id');
  },
  all(db: Executor, f: Omit<WebhookFilter, 'page' | 'pageSize'>) {
    return allRows(webhooksFiltered(db, f), f, WEBHOOK_SORTS, 'unit', 'webhooks.id');
  },
  findById(db: Executor, id: number) {
    return webhooksWithCounts(db).where('webhooks.id', '=', id).executeTakeFirst();
  },
  async insert(db: Executor, row: Insertable<WebhookTable>): Promise<number> {
    const { id } = await db.insertInto('webhooks').values(row).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  async update(db: Executor, id: number, values: Updateable<WebhookTable>) {
    await db.updateTable('webhooks').set(values).where('id', '=', id).execute();
  },
  deliveries(db: Executor, f: DeliveryFilter) {
    return paginate(deliveriesFiltered(db, f), f, DELIVERY_SORTS, 'createdAt', 'webhookDeliveries.id');
  },
  allDeliveries(db: Executor, f: Omit<DeliveryFilter, 'page' | 'pageSize'>) {
    return allRows(deliveriesFiltered(db, f), f, DELIVERY_SORTS, 'createdAt', 'webhookDeliveries.id');
  },
  /** Deliveries whose next attempt is due, oldest first, with the address to send them to. */
  due(db: Executor, now: string, limit: number) {
    return db
      .selectFrom('webhookDeliveries')
      .innerJoin('webhooks', 'webhooks.id', 'webhookDeliveries.webhookId')
      .select([
        'webhookDeliveries.id',
        'webhookDeliveries.payloadJson',
        'webhookDeliveries.attempts',
        'webhookDeliveries.nextAttemptAt',
        'webhooks.url',
        'webhooks.active',
      ])
      .where('webhookDeliveries.status', '=', 'pending')
      .where('webhookDeliveries.nextAttemptAt', '<=', now)
      .orderBy('webhookDeliveries.id')
      .limit(limit)
      .execute();
  },
  /**
   * Takes a delivery for sending by moving its next attempt to `until`, only if nobody moved it since it was read;
   * false when another run got there first, so a slow batch overlapping the next minute's run never sends twice.
   */
  async lease(db: Executor, id: number, seen: string, until: string): Promise<boolean> {
    const result = await db
      .updateTable('webhookDeliveries')
      .set({ nextAttemptAt: until })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('nextAttemptAt', '=', seen)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
  async updateDelivery(db: Executor, id: number, values: Updateable<WebhookDeliveryTable>) {
    await db.updateTable('webhookDeliveries').set(values).where('id', '=', id).execute();
  },
};
