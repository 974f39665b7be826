import type { Insertable } from 'kysely';
import { countyDayEndUtc, countyDayStartUtc } from '../../../shared/dates';
import type { AUDIT_SORTS } from '../../../shared/modules/admin.schemas';
import { insertMany } from '../db/batch';
import type { Executor } from '../db/database';
import { type PageRequest, allRows, paginate } from '../db/paging';
import type { AuditLogTable } from '../db/schema';

export interface AuditFilter extends PageRequest<(typeof AUDIT_SORTS)[number]> {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
}

const SORTS = { at: 'id', action: 'action', entityType: 'entityType', actorUsername: 'actorUsername' } as const;

function filtered(db: Executor, f: Omit<AuditFilter, 'page' | 'pageSize'>) {
  let qb = db.selectFrom('auditLog').selectAll();
  if (f.from) qb = qb.where('at', '>=', countyDayStartUtc(f.from));
  if (f.to) qb = qb.where('at', '<', countyDayEndUtc(f.to));
  if (f.actor) qb = qb.where('actorUsername', '=', f.actor);
  if (f.action) qb = qb.where('action', '=', f.action);
  if (f.entityType) qb = qb.where('entityType', '=', f.entityType);
  if (f.entityId) qb = qb.where('entityId', '=', f.entityId);
  return qb;
}

/** SQL for the audit log: append, read, never update or delete. */
export const auditRepository = {
  async lastHash(db: Executor): Promise<string | undefined> {
    const row = await db.selectFrom('auditLog').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row?.hash;
  },
  /** Rows in order, with multi-row statements: ids follow the order given. */
  insertMany(db: Executor, rows: Insertable<AuditLogTable>[]) {
    return insertMany(db, 'auditLog', rows);
  },
  batchAfter(db: Executor, afterId: number, limit: number) {
    return db.selectFrom('auditLog').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  },
  list(db: Executor, f: AuditFilter) {
    return paginate(filtered(db, f), f, SORTS, 'at', 'id');
  },
  all(db: Executor, f: Omit<AuditFilter, 'page' | 'pageSize'>) {
    return allRows(filtered(db, f), f, SORTS, 'at', 'id');
  },
};
