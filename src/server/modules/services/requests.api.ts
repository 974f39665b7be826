import { recordAudit } from '../../core/audit/audit.service';
import type { UserContext } from '../../core/access/context';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { AppError } from '../../core/http/errors';
import { countyDay } from '../../core/scheduler/scheduler';
import { tasksRepository } from '../../core/tasks/tasks.repository';
import { createTask } from '../../core/tasks/tasks.service';
import { servicesRepository } from './services.repository';

/** What another module's record needs to become an enterprise service request received by staff. */
export interface ReceivedRequestInput {
  enterpriseId: number;
  /** How it was received: `visit` for a problem found on a 走访. */
  channel: 'visit' | 'hotline' | 'meeting';
  title: string;
  content: string;
  /** The category by code (`general` 一般协调 when not named). */
  categoryCode?: string;
}

/**
 * A service request received by a staff user, written inside the caller's transaction (so that another module's
 * record and its request commit or roll back together). The caller has checked its own permission and that the
 * firm is in its scope. As in `createRequest`: the caller's unit first received it and owns it (首接负责制), with a
 * `service_request` 督办 task due within the category's working days, a `received` event and an audit row.
 */
export async function createReceivedRequest(trx: Trx, deps: Deps, ctx: UserContext, input: ReceivedRequestInput): Promise<{ id: number; taskId: number }> {
  const category = await servicesRepository.categoryByCode(trx, input.categoryCode ?? 'general');
  if (category?.active !== 1) throw new AppError('INTERNAL');
  const enterprise = await servicesRepository.enterprise(trx, input.enterpriseId, { all: true });
  if (!enterprise) throw new AppError('INTERNAL');
  const now = deps.clock.now().toISOString();
  const today = countyDay(deps.clock.now());
  const ownerUnitId = ctx.user.unitId;
  const values = {
    enterpriseId: enterprise.id,
    townshipUnitId: enterprise.townshipUnitId,
    ownerUnitId,
    channel: input.channel,
    categoryId: category.id,
    title: input.title,
    content: input.content,
    status: 'open',
    receivedDate: today,
    dueDate: today,
    taskId: null,
    reply: null,
    closedDate: null,
    workingDays: null,
    onTime: null,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    createdBy: ctx.user.id,
    createdAt: now,
    updatedAt: now,
  };
  const id = await servicesRepository.insert(trx, values);
  const taskId = await createTask(trx, deps, ctx, {
    type: 'service_request',
    title: `企业诉求：${input.title}`,
    source: { module: 'services', recordId: id },
    enterpriseId: enterprise.id,
    ownerUnitId,
    createdByUnitId: ownerUnitId,
    dueInWorkingDays: category.limitDays,
  });
  const task = await tasksRepository.findById(trx, taskId);
  const dueDate = task?.dueDate ?? today;
  await servicesRepository.update(trx, id, { taskId, dueDate });
  await servicesRepository.addEvent(trx, { requestId: id, at: now, kind: 'received', userId: ctx.user.id, unitId: ownerUnitId, text: input.title, public: 1 });
  await recordAudit(trx, deps, ctx, { action: 'service_request.create', entityType: 'service_request', entityId: id, after: { ...values, taskId, dueDate } });
  return { id, taskId };
}

/** The status of some requests by id, for a module that shows the requests it made. */
export async function requestStatuses(db: Executor, ids: number[]): Promise<Map<number, string>> {
  const rows = await servicesRepository.statuses(db, ids);
  return new Map(rows.map((r) => [r.id, r.status]));
}
