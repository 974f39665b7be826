import type { z } from 'zod';
import {
  type BankTotalsRow,
  type FundLoan,
  type LoanListItem,
  type LoanListQuery,
  type LoanSettings,
  type createLoanBody,
  loanSettingsSchema,
  type repaymentBody,
} from '../../../shared/modules/funds.schemas';
import { type RepaymentMethod, allocateRepayments, instalmentState, paymentDeadline, repaymentSchedule } from '../../../shared/rules/funds-loans';
import type { CalendarArrangement } from '../../../shared/rules/working-days';
import { requirePermission, scopeFor } from '../../core/access/access';
import { type RequestContext, type UserContext, systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import { arrangementAround } from '../../core/calendar/calendar.service';
import type { Executor } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { AppError, fieldError, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { type Job, countyDay } from '../../core/scheduler/scheduler';
import { settingsStore } from '../../core/settings/settings-store';
import { fundsRepository } from './funds.repository';
import { type ListedLoan, loansRepository } from './loans.repository';

const settingsOfLoans = settingsStore('funds.loans', loanSettingsSchema, { graceDays: 0 }, { action: 'fund_loan.settings', entityType: 'setting' });
const today = (deps: Pick<Deps, 'clock'>) => countyDay(deps.clock.now());
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const loanLink = (id: number) => `/funds/loans/${id}`;
const conflict = (field: string, key: string, params: Record<string, string | number> = {}) =>
  new AppError('CONFLICT', {}, { [field]: { key: key as never, params } });

/** The loan settings in force: the grace working days after an instalment's due date (default 0). */
export function loanSettings(db: Executor): Promise<LoanSettings> {
  return settingsOfLoans.read(db);
}

export async function loanOptions(deps: Deps, ctx: UserContext) {
  requirePermission(ctx, 'fund:loans');
  return { banks: await loansRepository.banks(deps.db), settings: await loanSettings(deps.db) };
}

export async function saveLoanSettings(deps: Deps, ctx: UserContext, body: LoanSettings): Promise<LoanSettings> {
  requirePermission(ctx, 'fund:loan_manage');
  await deps.db.transaction().execute((trx) => settingsOfLoans.write(trx, deps, ctx, body));
  return loanSettings(deps.db);
}

async function describeLoans(db: Executor, rows: ListedLoan[]): Promise<LoanListItem[]> {
  const next = new Map(
    (
      await loansRepository.nextDue(
        db,
        rows.map((r) => r.id),
      )
    ).map((n) => [n.loanId, n]),
  );
  return rows.map((r) => {
    const n = next.get(r.id);
    return {
      id: r.id,
      enterprise: { id: r.enterpriseId, name: r.enterpriseName },
      bank: { id: r.bankUnitId, nameZh: r.bankNameZh, nameEn: r.bankNameEn },
      guarantor: r.guarantorName,
      contractNo: r.contractNo,
      amountFen: Number(r.amountFen),
      annualRateBp: r.annualRateBp,
      termMonths: r.termMonths,
      startDate: r.startDate,
      maturityDate: r.maturityDate,
      method: r.method as RepaymentMethod,
      repaidFen: Number(r.repaidFen),
      outstandingFen: Number(r.outstandingFen),
      overdue: r.overdue === 1,
      status: r.status as LoanListItem['status'],
      nextDue: n && r.status === 'active' ? { dueDate: n.dueDate, totalFen: Number(n.totalFen), paidFen: Number(n.paidFen) } : null,
    };
  });
}

/** One page of loans in the caller's scope (a firm its own, a bank its own). */
export async function listLoans(deps: Deps, ctx: UserContext, query: LoanListQuery) {
  requirePermission(ctx, 'fund:loans');
  const { rows, total } = await loansRepository.list(deps.db, query, await scopeFor(deps.db, ctx.user, 'fund:loans'));
  return { items: await describeLoans(deps.db, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function allLoans(deps: Deps, ctx: UserContext, filter: Omit<LoanListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'fund:loans');
  return describeLoans(deps.db, await loansRepository.all(deps.db, filter, await scopeFor(deps.db, ctx.user, 'fund:loans')));
}

/** A loan with its schedule (each instalment's deadline and state today) and repayments; outside the scope: 404. */
export async function getLoan(deps: Deps, ctx: UserContext, id: number): Promise<FundLoan> {
  requirePermission(ctx, 'fund:loans');
  const row = await loansRepository.find(deps.db, id, await scopeFor(deps.db, ctx.user, 'fund:loans'));
  if (!row) throw notFound();
  const day = today(deps);
  const [[item], instalments, repayments, settings, cal] = await Promise.all([
    describeLoans(deps.db, [row]),
    loansRepository.instalments(deps.db, [id]),
    loansRepository.repayments(deps.db, id),
    loanSettings(deps.db),
    arrangementAround(deps.db, day),
  ]);
  const guarantor = row.guarantorUnitId === null ? undefined : await loansRepository.unit(deps.db, row.guarantorUnitId);
  return {
    ...(item as LoanListItem),
    guarantorUnit: guarantor ? { id: guarantor.id, nameZh: guarantor.nameZh, nameEn: guarantor.nameEn } : null,
    note: row.note,
    principalRepaidFen: Number(row.principalRepaidFen),
    schedule: instalments.map((i) => {
      const deadline = paymentDeadline(cal, i.dueDate, settings.graceDays);
      return {
        seq: i.seq,
        dueDate: i.dueDate,
        deadline,
        principalFen: Number(i.principalFen),
        interestFen: Number(i.interestFen),
        totalFen: Number(i.totalFen),
        paidFen: Number(i.paidFen),
        state: instalmentState(Number(i.totalFen), Number(i.paidFen), deadline, day),
        missedOn: i.missedOn,
      };
    }),
    repayments: repayments.map((p) => ({ id: p.id, paidDate: p.paidDate, amountFen: Number(p.amountFen), note: p.note })),
    canManage: ctx.user.permissions.has('fund:loan_manage'),
  };
}

/**
 * The office records a guaranteed loan: the firm (一企一档), a bank (a unit of kind `bank`), the guarantor, the terms;
 * the repayment schedule is computed by the rule and stored one row per instalment, in the same transaction.
 */
export async function createLoan(deps: Deps, ctx: UserContext, body: z.infer<typeof createLoanBody>): Promise<FundLoan> {
  requirePermission(ctx, 'fund:loan_manage');
  if (body.startDate > today(deps)) throw fieldError({ startDate: 'err.fund.start_future' });
  const id = await deps.db.transaction().execute(async (trx) => {
    const firm = await fundsRepository.enterprise(trx, body.enterpriseId, await scopeFor(trx, ctx.user, 'fund:loan_manage'));
    const bank = await loansRepository.unit(trx, body.bankUnitId);
    const guarantor = body.guarantorUnitId === null ? null : await loansRepository.unit(trx, body.guarantorUnitId);
    const problems: Record<string, 'err.fund.enterprise_unknown' | 'err.fund.bank_unknown' | 'err.fund.guarantor_unknown'> = {};
    if (!firm) problems.enterpriseId = 'err.fund.enterprise_unknown';
    if (bank?.kind !== 'bank' || bank.active !== 1) problems.bankUnitId = 'err.fund.bank_unknown';
    if (body.guarantorUnitId !== null && guarantor?.active !== 1) problems.guarantorUnitId = 'err.fund.guarantor_unknown';
    if (!firm || Object.keys(problems).length) throw fieldError(problems);
    const schedule = repaymentSchedule(body);
    const now = deps.clock.now().toISOString();
    const values = {
      enterpriseId: firm.id,
      townshipUnitId: firm.townshipUnitId,
      bankUnitId: body.bankUnitId,
      guarantorUnitId: body.guarantorUnitId,
      guarantorName: body.guarantorName || (guarantor?.nameZh ?? ''),
      contractNo: body.contractNo,
      amountFen: body.amountFen,
      annualRateBp: body.annualRateBp,
      termMonths: body.termMonths,
      startDate: body.startDate,
      maturityDate: schedule.at(-1)?.dueDate ?? body.startDate,
      method: body.method,
      repaidFen: 0,
      principalRepaidFen: 0,
      outstandingFen: body.amountFen,
      overdue: 0,
      status: 'active',
      note: body.note,
      createdBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    };
    const id = await loansRepository.insert(trx, values);
    await loansRepository.insertInstalments(
      trx,
      schedule.map((i) => ({
        loanId: id,
        seq: i.seq,
        dueDate: i.dueDate,
        principalFen: i.principalFen,
        interestFen: i.interestFen,
        totalFen: i.totalFen,
        paidFen: 0,
        missedOn: null,
      })),
    );
    await recordAudit(trx, deps, ctx, {
      action: 'fund_loan.create',
      entityType: 'fund_loan',
      entityId: id,
      after: { ...values, instalments: schedule.length },
    });
    return id;
  });
  return getLoan(deps, ctx, id);
}

/**
 * A repayment against the schedule: under the loan's row lock the total repaid covers the instalments in order
 * (interest, then principal); the outstanding principal, the 逾期 flag (a missed instalment still unpaid) and the
 * status (settled when everything is paid) follow. More than is owed is a 409 with what remains.
 */
export async function recordRepayment(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof repaymentBody>): Promise<FundLoan> {
  requirePermission(ctx, 'fund:loan_manage');
  if (body.paidDate > today(deps)) throw fieldError({ paidDate: 'err.fund.repaid_future' });
  await deps.db.transaction().execute(async (trx) => {
    if (!(await loansRepository.find(trx, id, await scopeFor(trx, ctx.user, 'fund:loan_manage')))) throw notFound();
    const loan = await loansRepository.lock(trx, deps.dialect, id);
    if (!loan) throw notFound();
    if (loan.status !== 'active') throw conflict('amountFen', 'err.fund.loan_settled');
    if (body.paidDate < loan.startDate) throw fieldError({ paidDate: 'err.fund.repaid_before_start' });
    const instalments = await loansRepository.instalments(trx, [id]);
    const owed = instalments.reduce((s, i) => s + Number(i.totalFen), 0);
    const repaid = Number(loan.repaidFen) + body.amountFen;
    if (repaid > owed) throw conflict('amountFen', 'err.fund.over_outstanding', { remaining: yuan(owed - Number(loan.repaidFen)) });
    const plan = instalments.map((i) => ({ principalFen: Number(i.principalFen), interestFen: Number(i.interestFen) }));
    const { paid, principalRepaidFen } = allocateRepayments(plan, repaid);
    for (const [k, i] of instalments.entries()) if (paid[k] !== Number(i.paidFen)) await loansRepository.updateInstalment(trx, i.id, { paidFen: paid[k] });
    const overdue = instalments.some((i, k) => i.missedOn !== null && (paid[k] ?? 0) < Number(i.totalFen)) ? 1 : 0;
    const now = deps.clock.now().toISOString();
    const changes = {
      repaidFen: repaid,
      principalRepaidFen,
      outstandingFen: Number(loan.amountFen) - principalRepaidFen,
      overdue,
      status: repaid === owed ? 'settled' : 'active',
      updatedAt: now,
    };
    await loansRepository.insertRepayment(trx, { loanId: id, ...body, createdBy: ctx.user.id, createdAt: now });
    await loansRepository.update(trx, id, changes);
    await recordAudit(trx, deps, ctx, { action: 'fund_loan.repay', entityType: 'fund_loan', entityId: id, before: loan, after: { ...body, ...changes } });
  });
  return getLoan(deps, ctx, id);
}

/** Loans, amounts and outstanding per bank in the caller's scope, with totals. */
export async function bankTotals(deps: Deps, ctx: UserContext): Promise<{ items: BankTotalsRow[]; totals: Omit<BankTotalsRow, 'bank'> }> {
  requirePermission(ctx, 'fund:loans');
  const rows = await loansRepository.bankTotals(deps.db, await scopeFor(deps.db, ctx.user, 'fund:loans'));
  const items = rows.map((r) => ({
    bank: { id: r.bankUnitId, nameZh: r.nameZh, nameEn: r.nameEn },
    loans: Number(r.loans),
    active: Number(r.active ?? 0),
    overdue: Number(r.overdue ?? 0),
    amountFen: Number(r.amountFen ?? 0),
    outstandingFen: Number(r.outstandingFen ?? 0),
    overdueOutstandingFen: Number(r.overdueOutstandingFen ?? 0),
  }));
  const sum = (k: keyof Omit<BankTotalsRow, 'bank'>) => items.reduce((s, r) => s + r[k], 0);
  return {
    items: items.sort((a, b) => b.outstandingFen - a.outstandingFen || a.bank.id - b.bank.id),
    totals: {
      loans: sum('loans'),
      active: sum('active'),
      overdue: sum('overdue'),
      amountFen: sum('amountFen'),
      outstandingFen: sum('outstandingFen'),
      overdueOutstandingFen: sum('overdueOutstandingFen'),
    },
  };
}

/**
 * The daily job: every instalment of an active loan past its deadline (its due date on the county calendar plus the
 * grace working days) and not paid in full is marked missed once, its loan flagged 逾期, and the office notified —
 * once per instalment, so running it again the same day (or the next) changes nothing.
 */
export async function markMissedInstalments(deps: Deps, ctx: RequestContext = systemContext()): Promise<number> {
  const day = today(deps);
  return deps.db.transaction().execute(async (trx) => {
    const candidates = await loansRepository.unpaidPastDue(trx, day);
    if (!candidates.length) return 0;
    const { graceDays } = await loanSettings(trx);
    const cal: CalendarArrangement = await arrangementAround(trx, day);
    const missed = candidates.filter((i) => paymentDeadline(cal, i.dueDate, graceDays) < day);
    if (!missed.length) return 0;
    const office = await fundsRepository.unitByKind(trx, 'office');
    const byLoan = new Map<number, typeof missed>();
    for (const i of missed) byLoan.set(i.loanId, [...(byLoan.get(i.loanId) ?? []), i]);
    const scopeAll = { all: true } as const;
    for (const [loanId, list] of byLoan) {
      const loan = await loansRepository.find(trx, loanId, scopeAll);
      if (!loan) continue;
      for (const i of list) await loansRepository.updateInstalment(trx, i.id, { missedOn: day });
      await loansRepository.update(trx, loanId, { overdue: 1, updatedAt: deps.clock.now().toISOString() });
      const seqs = list.map((i) => i.seq).join('、');
      const unpaid = list.reduce((s, i) => s + Number(i.totalFen) - Number(i.paidFen), 0);
      await recordAudit(trx, deps, ctx, {
        action: 'fund_loan.missed',
        entityType: 'fund_loan',
        entityId: loanId,
        before: { overdue: loan.overdue },
        after: { overdue: 1, instalments: list.map((i) => ({ seq: i.seq, dueDate: i.dueDate, unpaidFen: Number(i.totalFen) - Number(i.paidFen) })) },
      });
      if (office)
        await notify(trx, deps, {
          unitIds: [office.id],
          kind: 'fund.loan_missed',
          title: {
            zh: `担保贷款逾期：${loan.enterpriseName}（${loan.bankNameZh}）第 ${seqs} 期未按期还款，欠 ${yuan(unpaid)} 元`,
            en: `Guaranteed loan overdue: ${loan.enterpriseName} (${loan.bankNameEn}) missed instalment ${seqs.replaceAll('、', ', ')}, ${yuan(unpaid)} yuan unpaid`,
          },
          link: loanLink(loanId),
          entityType: 'fund_loan',
          entityId: loanId,
        });
    }
    return missed.length;
  });
}

/** The daily job that flags missed instalments. */
export const loansMissedJob: Job = {
  name: 'funds.loans_missed',
  schedule: '0 7 * * *',
  period: (now) => countyDay(now),
  run: async (deps) => {
    const n = await markMissedInstalments(deps);
    return n ? `${n} instalments missed` : null;
  },
};
