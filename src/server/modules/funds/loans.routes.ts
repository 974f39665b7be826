import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type BankTotalsRow,
  type LoanListItem,
  bankTotalsResponse,
  createLoanBody,
  idParams,
  loanListQuery,
  loanOptionsResponse,
  loanPage,
  loanSchema,
  loanSettingsSchema,
  repaymentBody,
} from '../../../shared/modules/funds.schemas';
import type { Deps } from '../../core/deps';
import { type ExportColumn, exportXlsx } from '../../core/excel/export';
import { listRoutes } from '../../core/http/list-routes';
import { sendXlsx } from '../../core/http/reply';
import { userCtx } from '../../core/http/request-context';
import { allLoans, bankTotals, createLoan, getLoan, listLoans, loanOptions, recordRepayment, saveLoanSettings } from './loans.service';

export const METHOD_NAMES = {
  annuity: ['等额本息', 'Equal instalments'],
  equal_principal: ['等额本金', 'Equal principal'],
  interest_only: ['按月付息到期还本', 'Interest monthly, principal at maturity'],
} as const;
const yuan = (fen: number) => Math.round(fen) / 100;

const LOAN_COLUMNS = (en: boolean): ExportColumn<LoanListItem>[] => {
  const i = en ? 1 : 0;
  return [
    { zh: '编号', en: 'No.', value: (r) => r.id },
    { zh: '企业', en: 'Enterprise', width: 30, value: (r) => r.enterprise.name },
    { zh: '贷款银行', en: 'Bank', width: 24, value: (r) => (en ? r.bank.nameEn : r.bank.nameZh) },
    { zh: '担保方', en: 'Guarantor', width: 24, value: (r) => r.guarantor },
    { zh: '合同编号', en: 'Contract', width: 18, value: (r) => r.contractNo },
    { zh: '贷款金额（元）', en: 'Amount (yuan)', value: (r) => yuan(r.amountFen) },
    { zh: '年利率（%）', en: 'Annual rate (%)', value: (r) => r.annualRateBp / 100 },
    { zh: '期限（月）', en: 'Term (months)', value: (r) => r.termMonths },
    { zh: '还款方式', en: 'Repayment', width: 20, value: (r) => METHOD_NAMES[r.method][i] },
    { zh: '放款日期', en: 'Start', value: (r) => r.startDate },
    { zh: '到期日期', en: 'Maturity', value: (r) => r.maturityDate },
    { zh: '已还（元）', en: 'Repaid (yuan)', value: (r) => yuan(r.repaidFen) },
    { zh: '贷款余额（元）', en: 'Outstanding (yuan)', value: (r) => yuan(r.outstandingFen) },
    { zh: '逾期', en: 'Overdue', value: (r) => (r.overdue ? (en ? 'yes' : '是') : '') },
    { zh: '状态', en: 'Status', value: (r) => (r.status === 'settled' ? (en ? 'Settled' : '已结清') : en ? 'Repaying' : '还款中') },
  ];
};
const BANK_COLUMNS = (en: boolean): ExportColumn<BankTotalsRow>[] => [
  { zh: '金融机构', en: 'Bank', width: 30, value: (r) => (en ? r.bank.nameEn : r.bank.nameZh) },
  { zh: '贷款笔数', en: 'Loans', value: (r) => r.loans },
  { zh: '还款中', en: 'Repaying', value: (r) => r.active },
  { zh: '逾期笔数', en: 'Overdue', value: (r) => r.overdue },
  { zh: '贷款金额（元）', en: 'Lent (yuan)', value: (r) => yuan(r.amountFen) },
  { zh: '贷款余额（元）', en: 'Outstanding (yuan)', value: (r) => yuan(r.outstandingFen) },
  { zh: '逾期贷款余额（元）', en: 'Outstanding overdue (yuan)', value: (r) => yuan(r.overdueOutstandingFen) },
];

/** Guaranteed loans (小额担保贷款): the list, one loan with its schedule, repayments, per-bank totals, settings. */
export function loanRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['funds'];
  const read = { permission: 'fund:loans' } as const;
  const manage = { permission: 'fund:loan_manage' } as const;

  listRoutes(app, {
    path: '/api/funds/loans',
    tags,
    config: read,
    query: loanListQuery,
    response: loanPage,
    list: (ctx, q) => listLoans(deps, ctx, q),
    exportAll: (ctx, filter) => allLoans(deps, ctx, filter),
    sheet: 'loans',
    fileName: { zh: '担保贷款.xlsx', en: 'guaranteed-loans.xlsx' },
    columns: LOAN_COLUMNS,
  });
  r.post('/api/funds/loans', { config: manage, schema: { tags, body: createLoanBody, response: { 200: loanSchema } } }, (req) =>
    createLoan(deps, userCtx(req), req.body),
  );
  r.get('/api/funds/loans/options', { config: read, schema: { tags, response: { 200: loanOptionsResponse } } }, (req) => loanOptions(deps, userCtx(req)));
  r.put('/api/funds/loans/settings', { config: manage, schema: { tags, body: loanSettingsSchema, response: { 200: loanSettingsSchema } } }, (req) =>
    saveLoanSettings(deps, userCtx(req), req.body),
  );
  r.get('/api/funds/loans/by-bank', { config: read, schema: { tags, response: { 200: bankTotalsResponse } } }, (req) => bankTotals(deps, userCtx(req)));
  // Not `exportRoute`: this export has always had no schema (not even its tag), and the API document stays as it is.
  r.get('/api/funds/loans/by-bank/export.xlsx', { config: read }, async (req, reply) => {
    const ctx = userCtx(req);
    const en = ctx.locale === 'en-US';
    const { items } = await bankTotals(deps, ctx);
    return sendXlsx(reply, en ? 'loans-by-bank.xlsx' : '担保贷款分银行统计.xlsx', await exportXlsx('banks', BANK_COLUMNS(en), items, ctx.locale));
  });
  r.get('/api/funds/loans/:id', { config: read, schema: { tags, params: idParams, response: { 200: loanSchema } } }, (req) =>
    getLoan(deps, userCtx(req), req.params.id),
  );
  r.post('/api/funds/loans/:id/repayments', { config: manage, schema: { tags, params: idParams, body: repaymentBody, response: { 200: loanSchema } } }, (req) =>
    recordRepayment(deps, userCtx(req), req.params.id, req.body),
  );
}
