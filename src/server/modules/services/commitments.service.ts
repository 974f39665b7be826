import type { z } from 'zod';
import type { Commitment, CommitmentListQuery, createCommitmentBody, paymentBody } from '../../../shared/modules/services.schemas';
import { AGE_BUCKETS, type AgeBucket, ageBucket, daysPastDue } from '../../../shared/rules/services-ageing';
import { requirePermission, scopeFor } from '../../core/access/access';
import { type UserContext, systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { AppError, fieldError, notFound } from '../../core/http/errors';
import { unitsRepository } from '../../core/org/units.repository';
import { type Job, countyDay } from '../../core/scheduler/scheduler';
import { events } from '../../core/events/events';
import { createTask, finishTask } from '../../core/tasks/tasks.service';
import { type ListedCommitment, commitmentsRepository } from './commitments.repository';
import { servicesRepository } from './services.repository';

const today = (deps: Pick<Deps, 'clock'>) => countyDay(deps.clock.now());
const brief = (units: { id: number; nameZh: string; nameEn: string }[], id: number) => {
  const u = units.find((x) => x.id === id);
  return { id, nameZh: u?.nameZh ?? '', nameEn: u?.nameEn ?? '' };
};

/** The office, or the responsible unit while something is owed, records payments. */
function canPay(ctx: UserContext, r: ListedCommitment) {
  if (r.settledDate !== null) return false;
  if (ctx.user.permissions.has('service:commitments')) return true;
  return ctx.user.permissions.has('service:handle') && ctx.user.unitId === r.responsibleUnitId;
}

async function describeItems(db: Executor, ctx: UserContext, rows: ListedCommitment[], day: string): Promise<Commitment[]> {
  const [units, payments] = await Promise.all([
    servicesRepository.unitsByIds(db, [...new Set(rows.flatMap((r) => [r.responsibleUnitId, r.townshipUnitId]))]),
    commitmentsRepository.payments(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => {
    const outstanding = Number(r.amountDueFen) - Number(r.paidFen);
    return {
      id: r.id,
      enterprise: { id: r.enterpriseId, name: r.enterpriseName },
      townshipUnit: brief(units, r.townshipUnitId),
      kind: r.kind as Commitment['kind'],
      title: r.title,
      basis: r.basis,
      responsibleUnit: brief(units, r.responsibleUnitId),
      amountDueFen: Number(r.amountDueFen),
      paidFen: Number(r.paidFen),
      outstandingFen: outstanding,
      dueDate: r.dueDate,
      settledDate: r.settledDate,
      daysPastDue: daysPastDue(r.dueDate, day),
      age: r.settledDate === null ? ageBucket(r.dueDate, day) : null,
      taskId: ctx.user.enterpriseId === null ? r.taskId : null,
      payments: payments.filter((p) => p.commitmentId === r.id).map((p) => ({ id: p.id, paidDate: p.paidDate, amountFen: Number(p.amountFen), note: p.note })),
      canPay: canPay(ctx, r),
    };
  });
}

/** One page of the ledger: the office sees all, a unit its own items, a township its firms', a firm its own. */
export async function listCommitments(deps: Deps, ctx: UserContext, query: CommitmentListQuery) {
  requirePermission(ctx, 'service:read');
  const day = today(deps);
  const { rows, total } = await commitmentsRepository.list(deps.db, query, await scopeFor(deps.db, ctx.user, 'service:read'), day);
  return { items: await describeItems(deps.db, ctx, rows, day), total, page: query.page, pageSize: query.pageSize };
}

/** Every item of the list's filters, for export. */
export async function allCommitments(deps: Deps, ctx: UserContext, filter: Omit<CommitmentListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'service:read');
  const day = today(deps);
  return describeItems(deps.db, ctx, await commitmentsRepository.all(deps.db, filter, await scopeFor(deps.db, ctx.user, 'service:read'), day), day);
}

/** One item with its payments. */
export async function getCommitment(deps: Deps, ctx: UserContext, id: number): Promise<Commitment> {
  requirePermission(ctx, 'service:read');
  const day = today(deps);
  const row = await commitmentsRepository.findListed(deps.db, id, await scopeFor(deps.db, ctx.user, 'service:read'), day);
  if (!row) throw notFound();
  const [item] = await describeItems(deps.db, ctx, [row], day);
  return item as Commitment;
}

/** The office enters an item owed to a firm: a policy promise or an arrear, with its basis and responsible unit. */
export async function createCommitment(deps: Deps, ctx: UserContext, body: z.infer<typeof createCommitmentBody>): Promise<Commitment> {
  requirePermission(ctx, 'service:commitments');
  const id = await deps.db.transaction().execute(async (trx) => {
    const firm = await servicesRepository.enterprise(trx, body.enterpriseId, { all: true });
    if (!firm) throw fieldError({ enterpriseId: 'err.service.enterprise_unknown' });
    const [unit] = await servicesRepository.unitsByIds(trx, [body.responsibleUnitId]);
    if (unit?.active !== 1 || unit.kind === 'enterprise') throw fieldError({ responsibleUnitId: 'err.unit_not_found' });
    const now = deps.clock.now().toISOString();
    const values = {
      ...body,
      townshipUnitId: firm.townshipUnitId,
      paidFen: 0,
      settledDate: null,
      taskId: null,
      createdBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    };
    const id = await commitmentsRepository.insert(trx, values);
    await recordAudit(trx, deps, ctx, { action: 'service_commitment.create', entityType: 'service_commitment', entityId: id, after: values });
    return id;
  });
  return getCommitment(deps, ctx, id);
}

/** A payment, partial or whole; never more than what is owed. Paid in full settles the item and finishes its task. */
export async function recordPayment(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof paymentBody>): Promise<Commitment> {
  requirePermission(ctx, 'service:handle');
  const day = today(deps);
  // Settling finishes the item's task, whose `taskClosed` may have after-commit subscribers.
  await events.transaction(deps, async (trx) => {
    const row = await commitmentsRepository.findListed(trx, id, await scopeFor(trx, ctx.user, 'service:read'), day);
    if (!row) throw notFound();
    if (row.settledDate !== null) throw new AppError('CONFLICT', {}, { amountFen: { key: 'err.service.settled' } });
    if (!canPay(ctx, row)) throw new AppError('FORBIDDEN');
    const outstanding = Number(row.amountDueFen) - Number(row.paidFen);
    if (body.amountFen > outstanding) throw fieldError({ amountFen: 'err.service.overpaid' });
    if (body.paidDate > day) throw fieldError({ paidDate: 'err.project.met_future' });
    const now = deps.clock.now().toISOString();
    await commitmentsRepository.insertPayment(trx, { commitmentId: id, ...body, createdBy: ctx.user.id, createdAt: now });
    const paidFen = Number(row.paidFen) + body.amountFen;
    const settled = paidFen === Number(row.amountDueFen);
    await commitmentsRepository.update(trx, id, { paidFen, settledDate: settled ? body.paidDate : null, updatedAt: now });
    if (settled) await finishTask(trx, deps, ctx, row.taskId, '欠款已兑现', 'task.service_commitment_settled');
    await recordAudit(trx, deps, ctx, {
      action: 'service_commitment.payment',
      entityType: 'service_commitment',
      entityId: id,
      before: row,
      after: { ...body, paidFen, settled },
    });
  });
  return getCommitment(deps, ctx, id);
}

/** Outstanding amounts by responsible unit and age, for the office (and each unit its own). */
export async function commitmentSummary(deps: Deps, ctx: UserContext) {
  requirePermission(ctx, 'service:read');
  const day = today(deps);
  const rows = await commitmentsRepository.outstanding(deps.db, await scopeFor(deps.db, ctx.user, 'service:read'));
  const units = await servicesRepository.unitsByIds(deps.db, [...new Set(rows.map((r) => r.unitId))]);
  const byUnit = new Map<number, { count: number; outstandingFen: number; byAge: Record<AgeBucket, number> }>();
  for (const r of rows) {
    const entry = byUnit.get(r.unitId) ?? {
      count: 0,
      outstandingFen: 0,
      byAge: Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as Record<AgeBucket, number>,
    };
    entry.count += Number(r.n);
    entry.outstandingFen += Number(r.outstanding);
    entry.byAge[ageBucket(r.dueDate, day)] += Number(r.outstanding);
    byUnit.set(r.unitId, entry);
  }
  return {
    items: [...byUnit.entries()].map(([unitId, e]) => ({ unit: brief(units, unitId), ...e })).sort((a, b) => b.outstandingFen - a.outstandingFen),
  };
}

/** Gives each unsettled item past its due date a 督办 task of its responsible unit (once per item). */
export async function taskOverdueCommitments(deps: Deps): Promise<number> {
  const day = today(deps);
  return deps.db.transaction().execute(async (trx) => {
    const officeId = await unitsRepository.firstOfficeId(trx);
    if (officeId === undefined) return 0;
    const items = await commitmentsRepository.overdueWithoutTask(trx, day);
    for (const item of items) {
      const taskId = await createTask(trx, deps, systemContext(), {
        type: 'service_commitment',
        title: `逾期未兑现：${item.title}`,
        description: item.basis,
        source: { module: 'services', recordId: `commitment/${item.id}` },
        enterpriseId: item.enterpriseId,
        ownerUnitId: item.responsibleUnitId,
        createdByUnitId: officeId,
        dueInWorkingDays: 5,
      });
      await commitmentsRepository.update(trx, item.id, { taskId, updatedAt: deps.clock.now().toISOString() });
    }
    return items.length;
  });
}

/** The daily job that tasks overdue commitments. */
export const commitmentsOverdueJob: Job = {
  name: 'services.commitments_overdue',
  schedule: '30 7 * * *',
  period: (now) => countyDay(now),
  run: async (deps) => {
    const n = await taskOverdueCommitments(deps);
    return n ? `${n} overdue commitments tasked` : null;
  },
};
