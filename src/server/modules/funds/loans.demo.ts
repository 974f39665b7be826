import { type RepaymentMethod, allocateRepayments, paymentDeadline, repaymentSchedule } from '../../../shared/rules/funds-loans';
import { addCalendarDays } from '../../../shared/rules/working-days';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import { arrangementAround } from '../../core/calendar/calendar.service';
import type { Deps } from '../../core/deps';
import { countyDay } from '../../core/scheduler/scheduler';
import { loansRepository } from './loans.repository';

const FIRMS = { wuxing: '914104214773600MMQ', tiefulai: '914104214220MM8M13', guoxi: '914104214024496021' } as const;

interface DemoLoan {
  firm: keyof typeof FIRMS | number;
  bank: string;
  guarantor: string;
  amountFen: number;
  annualRateBp: number;
  termMonths: number;
  daysAgo: number;
  method: RepaymentMethod;
  /** The instalments due in the last `missedWithin` days are left unpaid (and, past their deadline, missed). */
  missedWithin?: number;
}

const GUARANTOR = '宝丰县中小企业融资担保有限公司';
const LOANS: DemoLoan[] = [
  { firm: 'wuxing', bank: 'abc', guarantor: GUARANTOR, amountFen: 500_000_000, annualRateBp: 435, termMonths: 12, daysAgo: 200, method: 'annuity' },
  {
    firm: 'tiefulai',
    bank: 'icbc',
    guarantor: GUARANTOR,
    amountFen: 300_000_000,
    annualRateBp: 385,
    termMonths: 24,
    daysAgo: 300,
    method: 'equal_principal',
    missedWithin: 35,
  },
  {
    firm: 'guoxi',
    bank: 'zybank',
    guarantor: '平顶山市中小企业信用担保中心',
    amountFen: 200_000_000,
    annualRateBp: 365,
    termMonths: 36,
    daysAgo: 400,
    method: 'interest_only',
  },
  { firm: 0, bank: 'rcb', guarantor: GUARANTOR, amountFen: 100_000_000, annualRateBp: 420, termMonths: 12, daysAgo: 420, method: 'annuity' },
  { firm: 1, bank: 'psbc', guarantor: GUARANTOR, amountFen: 150_000_000, annualRateBp: 395, termMonths: 6, daysAgo: 60, method: 'equal_principal' },
  {
    firm: 'wuxing',
    bank: 'rcb',
    guarantor: '县财政贴息（创业担保贷款）',
    amountFen: 80_000_000,
    annualRateBp: 0,
    termMonths: 12,
    daysAgo: 20,
    method: 'annuity',
  },
];

/**
 * Six guaranteed loans of demo firms from the demo banks (units of kind `bank`, made by the financing demo), started
 * before today and repaid on time — except one, whose latest instalment is unpaid, missed and flagged 逾期. Once.
 */
export async function ensureLoansDemo(deps: Deps) {
  await deps.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('fundLoans').select('id').limit(1).executeTakeFirst()) return;
    const banks = new Map((await trx.selectFrom('orgUnits').select(['id', 'code']).where('kind', '=', 'bank').execute()).map((b) => [b.code, b.id]));
    if (banks.size === 0) return;
    const firms = await trx.selectFrom('enterprises').select(['id', 'uscc', 'townshipUnitId']).orderBy('id').execute();
    const named = (k: keyof typeof FIRMS) => firms.find((f) => f.uscc === FIRMS[k]);
    const others = firms.filter((f) => !Object.values(FIRMS).includes(f.uscc as never)).slice(3);
    const today = countyDay(deps.clock.now());
    const nowIso = deps.clock.now().toISOString();
    const at = (date: string) => (date < today ? `${date}T02:00:00.000Z` : nowIso);
    const cal = await arrangementAround(trx, today);
    let made = 0;
    for (const [n, l] of LOANS.entries()) {
      const firm = typeof l.firm === 'number' ? others[l.firm] : named(l.firm);
      const bankUnitId = banks.get(`bank-${l.bank}`);
      if (!firm || !bankUnitId) continue;
      const startDate = addCalendarDays(today, -l.daysAgo);
      const schedule = repaymentSchedule({ ...l, startDate });
      const unpaidFrom = l.missedWithin ? addCalendarDays(today, -l.missedWithin) : today;
      // Paid on each due date up to today (or up to the missed window).
      const paidInstalments = schedule.filter((i) => (l.missedWithin ? i.dueDate <= unpaidFrom : i.dueDate <= today));
      const repaid = paidInstalments.reduce((s, i) => s + i.totalFen, 0);
      const owed = schedule.reduce((s, i) => s + i.totalFen, 0);
      const { paid, principalRepaidFen } = allocateRepayments(schedule, repaid);
      const missed = schedule.filter((i, k) => (paid[k] ?? 0) < i.totalFen && paymentDeadline(cal, i.dueDate, 0) < today);
      const id = await loansRepository.insert(trx, {
        enterpriseId: firm.id,
        townshipUnitId: firm.townshipUnitId,
        bankUnitId,
        guarantorUnitId: null,
        guarantorName: l.guarantor,
        contractNo: `${l.bank.toUpperCase()}-${startDate.slice(0, 4)}-${String(101 + n * 17)}`,
        amountFen: l.amountFen,
        annualRateBp: l.annualRateBp,
        termMonths: l.termMonths,
        startDate,
        maturityDate: schedule.at(-1)?.dueDate ?? startDate,
        method: l.method,
        repaidFen: repaid,
        principalRepaidFen,
        outstandingFen: l.amountFen - principalRepaidFen,
        overdue: missed.length ? 1 : 0,
        status: repaid === owed ? 'settled' : 'active',
        note: '科技型中小企业小额担保贷款（宝政〔2021〕8 号 五）',
        createdBy: null,
        createdAt: at(startDate),
        updatedAt: at(paidInstalments.at(-1)?.dueDate ?? startDate),
      });
      await loansRepository.insertInstalments(
        trx,
        schedule.map((i, k) => ({
          loanId: id,
          seq: i.seq,
          dueDate: i.dueDate,
          principalFen: i.principalFen,
          interestFen: i.interestFen,
          totalFen: i.totalFen,
          paidFen: paid[k] ?? 0,
          missedOn: missed.includes(i) ? addCalendarDays(paymentDeadline(cal, i.dueDate, 0), 1) : null,
        })),
      );
      for (const i of paidInstalments)
        await loansRepository.insertRepayment(trx, {
          loanId: id,
          paidDate: i.dueDate,
          amountFen: i.totalFen,
          note: `第 ${i.seq} 期`,
          createdBy: null,
          createdAt: at(i.dueDate),
        });
      made++;
    }
    await recordAudit(trx, deps, systemContext(), { action: 'setup.load_loans', entityType: 'fund_loan', entityId: null, after: { loans: made } });
  });
}
