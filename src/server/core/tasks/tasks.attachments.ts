import { scopeFor } from '../access/access';
import type { AttachmentOwner } from '../attachments/owners';
import { tasksRepository } from './tasks.repository';

const CLOSED = new Set(['done', 'cancelled']);

/**
 * Attachments of a task (the handling unit's evidence, the office's instructions): whoever sees the task reads them;
 * the owner, co-handling and creating units add or remove them while the task is open.
 */
export const taskAttachmentOwner: AttachmentOwner = {
  async canRead(trx, ctx, ownerId) {
    if (!/^\d+$/.test(ownerId)) return false;
    return !!(await tasksRepository.findById(trx, Number(ownerId), await scopeFor(trx, ctx.user, 'task:read')));
  },
  async canWrite(trx, ctx, ownerId) {
    if (!ctx.user.permissions.has('task:write') || !/^\d+$/.test(ownerId)) return false;
    const task = await tasksRepository.findById(trx, Number(ownerId), await scopeFor(trx, ctx.user, 'task:read'));
    if (!task || CLOSED.has(task.status)) return false;
    const unitId = ctx.user.unitId;
    if (task.ownerUnitId === unitId || task.createdByUnitId === unitId) return true;
    return (await tasksRepository.coUnitsOf(trx, [task.id])).some((u) => u.id === unitId);
  },
};
