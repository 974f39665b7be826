import type { Insertable } from 'kysely';
import { insertMany } from '../db/batch';
import type { Executor } from '../db/database';
import { type PageRequest, allRows, paginate } from '../db/paging';
import type { NotificationTable } from '../db/schema';

export interface NotificationFilter extends PageRequest<'createdAt'> {
  unread?: boolean;
}

const SORTS = { createdAt: 'notifications.id' } as const;

function inbox(db: Executor, userId: number, f: { unread?: boolean }) {
  let qb = db.selectFrom('notifications').selectAll().where('userId', '=', userId);
  if (f.unread !== undefined) qb = qb.where('readAt', f.unread ? 'is' : 'is not', null);
  return qb;
}

/** SQL for the in-app inbox. */
export const notificationsRepository = {
  /** Active users of the given units, only those holding `permission` when one is given. */
  async usersOfUnits(db: Executor, unitIds: number[], permission?: string): Promise<number[]> {
    if (unitIds.length === 0) return [];
    let qb = db.selectFrom('users').select('users.id').where('users.unitId', 'in', unitIds).where('users.active', '=', 1);
    if (permission)
      qb = qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('userRoles')
            .innerJoin('rolePermissions', 'rolePermissions.roleId', 'userRoles.roleId')
            .select('userRoles.userId')
            .whereRef('userRoles.userId', '=', 'users.id')
            .where('rolePermissions.permission', '=', permission),
        ),
      );
    const rows = await qb.execute();
    return rows.map((r) => r.id);
  },
  async unitsOfUsers(db: Executor, userIds: number[]): Promise<number[]> {
    if (userIds.length === 0) return [];
    const rows = await db.selectFrom('users').select('unitId').distinct().where('id', 'in', userIds).execute();
    return rows.map((r) => r.unitId);
  },
  insertMany(db: Executor, rows: Insertable<NotificationTable>[]) {
    return insertMany(db, 'notifications', rows);
  },
  list(db: Executor, userId: number, f: NotificationFilter) {
    return paginate(inbox(db, userId, f), f, SORTS, 'createdAt', 'notifications.id');
  },
  all(db: Executor, userId: number, f: Omit<NotificationFilter, 'page' | 'pageSize'>) {
    return allRows(inbox(db, userId, f), f, SORTS, 'createdAt', 'notifications.id');
  },
  async unreadCount(db: Executor, userId: number): Promise<number> {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('userId', '=', userId)
      .where('readAt', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },
  /** Marks one of the user's notifications read; returns false when it is not theirs. */
  async markRead(db: Executor, userId: number, id: number, at: string): Promise<boolean> {
    const mine = await db.selectFrom('notifications').select('id').where('id', '=', id).where('userId', '=', userId).executeTakeFirst();
    if (!mine) return false;
    await db.updateTable('notifications').set({ readAt: at }).where('id', '=', id).where('readAt', 'is', null).execute();
    return true;
  },
  async markAllRead(db: Executor, userId: number, at: string) {
    await db.updateTable('notifications').set({ readAt: at }).where('userId', '=', userId).where('readAt', 'is', null).execute();
  },
};
