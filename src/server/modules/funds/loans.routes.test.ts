import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { ensureFinancingDemo } from '../financing';
import { ensureServicesDemo } from '../services';
import { markMissedInstalments } from './loans.service';

let t: TestApp;
const c: Record<string, Client> = {};
const firms: Record<string, number> = {};
const units: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-02T02:00:00Z'); // Monday 2 March 2026, county time
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
  await ensureServicesDemo(t.deps);
  await ensureFinancingDemo(t.deps);
  for (const code of ['bank-abc', 'bank-icbc', 'yangzhuang', 'office']) units[code] = await t.unitId(code);
  const rows = await t.deps.db.selectFrom('enterprises').select(['id', 'uscc']).execute();
  const byUscc = (uscc: string) => rows.find((r) => r.uscc === uscc)?.id as number;
  firms.wuxing = byUscc('914104214773600MMQ');
  firms.tiefulai = byUscc('914104214220MM8M13');
  for (const u of ['office', 'leader', 'wuxing', 'tiefulai', 'abc', 'icbc', 'yangzhuang']) c[u] = await t.signIn(u);
});
afterAll(() => t.close());

type Table = 'fundLoans' | 'fundLoanInstalments' | 'fundLoanRepayments' | 'notifications' | 'auditLog';
const count = async (table: Table) =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const counts = () => Promise.all((['fundLoans', 'fundLoanInstalments', 'fundLoanRepayments', 'auditLog'] as Table[]).map(count));
const officeNotices = () =>
  t.deps.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.userId')
    .select(['notifications.titleZh', 'notifications.link'])
    .where('notifications.kind', '=', 'fund.loan_missed')
    .where('users.unitId', '=', units.office as number)
    .execute();

const loanBody = (over: Record<string, unknown> = {}) => ({
  enterpriseId: firms.wuxing,
  bankUnitId: units['bank-abc'],
  guarantorName: '宝丰县中小企业融资担保有限公司',
  contractNo: 'ABC-2025-118',
  amountFen: 100_000_000,
  annualRateBp: 435,
  termMonths: 12,
  startDate: '2025-12-10',
  method: 'annuity',
  ...over,
});
type Loan = {
  id: number;
  overdue: boolean;
  status: string;
  outstandingFen: number;
  maturityDate: string;
  schedule: { seq: number; dueDate: string; principalFen: number; totalFen: number; paidFen: number; state: string; missedOn: string | null }[];
};
let loan: Loan;

describe('guaranteed loans', () => {
  it('the office records a loan: the schedule comes from the rule, Σ principal = amount, audited', async () => {
    const audits = await count('auditLog');
    const res = await c.office.post('/api/funds/loans', loanBody());
    expect(res.statusCode, res.body).toBe(200);
    loan = res.json();
    expect(loan.schedule).toHaveLength(12);
    expect(loan.schedule.reduce((s, i) => s + i.principalFen, 0)).toBe(100_000_000);
    expect(loan.schedule[0]).toMatchObject({ seq: 1, dueDate: '2026-01-10', totalFen: 8_530_990 });
    expect(loan).toMatchObject({ maturityDate: '2026-12-10', outstandingFen: 100_000_000, overdue: false, status: 'active' });
    // Before the job runs the past instalments already show as missed on the page; the flag waits for the job.
    expect(loan.schedule.slice(0, 3).map((i) => i.state)).toEqual(['missed', 'missed', 'due']);
    expect(await count('auditLog')).toBe(audits + 1);
  });

  it('a firm reads only its own loans (another firm’s: 404); a bank its own; leaders read and cannot write', async () => {
    expect((await c.wuxing.get(`/api/funds/loans/${loan.id}`)).statusCode).toBe(200);
    expect((await c.tiefulai.get(`/api/funds/loans/${loan.id}`)).statusCode).toBe(404);
    expect((await c.tiefulai.get('/api/funds/loans')).json().items.map((l: { id: number }) => l.id)).not.toContain(loan.id);
    expect((await c.wuxing.get('/api/funds/loans')).json().items.map((l: { id: number }) => l.id)).toContain(loan.id);
    expect((await c.abc.get(`/api/funds/loans/${loan.id}`)).statusCode).toBe(200);
    expect((await c.icbc.get(`/api/funds/loans/${loan.id}`)).statusCode).toBe(404);
    expect((await c.leader.get(`/api/funds/loans/${loan.id}`)).statusCode).toBe(200);
    expect((await c.leader.post('/api/funds/loans', loanBody())).statusCode).toBe(403);
    expect((await c.wuxing.post(`/api/funds/loans/${loan.id}/repayments`, { amountFen: 100, paidDate: '2026-03-01' })).statusCode).toBe(403);
    expect((await c.yangzhuang.get('/api/funds/loans')).statusCode).toBe(403);
    expect((await c.office.get('/api/funds/loans/999999')).statusCode).toBe(404);
  });

  it.each([
    ['negative money', { amountFen: -100 }, 'amountFen'],
    ['fractional fen', { amountFen: 100.5 }, 'amountFen'],
    ['zero money', { amountFen: 0 }, 'amountFen'],
    ['term 0', { termMonths: 0 }, 'termMonths'],
    ['fractional term', { termMonths: 1.5 }, 'termMonths'],
    ['negative rate', { annualRateBp: -1 }, 'annualRateBp'],
    ['unknown bank (a township)', { bankUnitId: 0 }, 'bankUnitId'],
    ['a township is not a bank', { bankUnitId: -1 }, 'bankUnitId'],
    ['unknown method', { method: 'balloon' }, 'method'],
    ['no guarantor', { guarantorName: '' }, 'guarantorName'],
    ['unknown firm', { enterpriseId: 99_999_999 }, 'enterpriseId'],
    ['a future start', { startDate: '2026-03-03' }, 'startDate'],
    ['not a date', { startDate: '2026-02-30' }, 'startDate'],
  ])('%s is 400 on its field with nothing written', async (_, over, field) => {
    const body = loanBody(over);
    if (body.bankUnitId === -1) body.bankUnitId = units.yangzhuang;
    const before = await counts();
    const res = await c.office.post('/api/funds/loans', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(Object.keys(res.json().fields ?? {})).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('the daily job marks past-due unpaid instalments missed, flags the loan and notifies the office — once', async () => {
    const before = (await officeNotices()).length;
    expect(await markMissedInstalments(t.deps)).toBe(2);
    const seen: Loan = (await c.office.get(`/api/funds/loans/${loan.id}`)).json();
    expect(seen.overdue).toBe(true);
    expect(seen.schedule.slice(0, 3).map((i) => i.missedOn)).toEqual(['2026-03-02', '2026-03-02', null]);
    const notices = await officeNotices();
    expect(notices.length).toBeGreaterThan(before);
    expect(notices.at(-1)).toMatchObject({ link: `/funds/loans/${loan.id}` });
    expect(notices.at(-1)?.titleZh).toContain('第 1、2 期');
    expect((await c.office.get('/api/funds/loans?overdue=true')).json().items.map((l: { id: number }) => l.id)).toContain(loan.id);
    // Again the same day, and the next: nothing new.
    expect(await markMissedInstalments(t.deps)).toBe(0);
    t.clock.set('2026-03-03T02:00:00Z');
    expect(await markMissedInstalments(t.deps)).toBe(0);
    t.clock.set('2026-03-02T02:00:00Z');
    expect((await officeNotices()).length).toBe(notices.length);
  });

  it('grace days (a setting) hold the flag back until they have passed', async () => {
    const other = (await c.office.post('/api/funds/loans', loanBody({ startDate: '2026-01-26', termMonths: 6, method: 'equal_principal' }))).json() as Loan;
    expect(other.schedule[0]?.dueDate).toBe('2026-02-26');
    expect((await c.office.put('/api/funds/loans/settings', { graceDays: 5 })).statusCode).toBe(200);
    expect((await c.office.put('/api/funds/loans/settings', { graceDays: -1 })).statusCode).toBe(400);
    expect((await c.wuxing.put('/api/funds/loans/settings', { graceDays: 1 })).statusCode).toBe(403);
    expect(await markMissedInstalments(t.deps)).toBe(0);
    expect((await c.office.get(`/api/funds/loans/${other.id}`)).json().overdue).toBe(false);
    await c.office.put('/api/funds/loans/settings', { graceDays: 0 });
    expect(await markMissedInstalments(t.deps)).toBe(1);
    expect((await c.office.get(`/api/funds/loans/${other.id}`)).json().overdue).toBe(true);
  });

  it('repayments settle instalments in order and clear the flag when the missed ones are paid; overpaying is 409', async () => {
    const [first, second] = loan.schedule as [Loan['schedule'][0], Loan['schedule'][0]];
    const part = await c.office.post(`/api/funds/loans/${loan.id}/repayments`, { amountFen: first.totalFen, paidDate: '2026-02-27' });
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json().overdue).toBe(true);
    expect(
      part
        .json()
        .schedule.slice(0, 2)
        .map((i: { state: string }) => i.state),
    ).toEqual(['paid', 'missed']);
    const rest = (await c.office.post(`/api/funds/loans/${loan.id}/repayments`, { amountFen: second.totalFen, paidDate: '2026-03-02' })).json();
    expect(rest.overdue).toBe(false);
    expect(rest.outstandingFen).toBe(100_000_000 - first.principalFen - second.principalFen);
    expect(rest.repayments).toHaveLength(2);
    expect(rest.schedule[1].missedOn).toBe('2026-03-02');

    const before = await counts();
    for (const [body, status] of [
      [{ amountFen: 10 ** 11, paidDate: '2026-03-02' }, 409],
      [{ amountFen: 100, paidDate: '2026-03-03' }, 400],
      [{ amountFen: 100, paidDate: '2025-12-01' }, 400],
      [{ amountFen: -1, paidDate: '2026-03-02' }, 400],
      [{ amountFen: 0.5, paidDate: '2026-03-02' }, 400],
    ] as const) {
      const res = await c.office.post(`/api/funds/loans/${loan.id}/repayments`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
    }
    expect(await counts()).toEqual(before);
  });

  it('a loan paid in full is settled', async () => {
    const small = (
      await c.office.post(
        '/api/funds/loans',
        loanBody({
          enterpriseId: firms.tiefulai,
          bankUnitId: units['bank-icbc'],
          amountFen: 1_000_000,
          termMonths: 1,
          annualRateBp: 0,
          startDate: '2026-02-01',
        }),
      )
    ).json() as Loan;
    const paid = (await c.office.post(`/api/funds/loans/${small.id}/repayments`, { amountFen: 1_000_000, paidDate: '2026-03-01' })).json();
    expect(paid).toMatchObject({ status: 'settled', outstandingFen: 0, overdue: false });
    expect((await c.office.post(`/api/funds/loans/${small.id}/repayments`, { amountFen: 1, paidDate: '2026-03-01' })).statusCode).toBe(409);
  });

  it('totals outstanding per bank: the office sees every bank, a bank only itself; exported', async () => {
    const all = (await c.office.get('/api/funds/loans/by-bank')).json();
    const abc = all.items.find((r: { bank: { id: number } }) => r.bank.id === units['bank-abc']);
    const loans = (await c.office.get(`/api/funds/loans?bankUnitId=${units['bank-abc']}&pageSize=200`)).json().items as {
      outstandingFen: number;
      overdue: boolean;
    }[];
    expect(abc).toMatchObject({
      loans: loans.length,
      outstandingFen: loans.reduce((s, l) => s + l.outstandingFen, 0),
      overdue: loans.filter((l) => l.overdue).length,
    });
    expect(all.totals.loans).toBe(all.items.reduce((s: number, r: { loans: number }) => s + r.loans, 0));
    const own = (await c.icbc.get('/api/funds/loans/by-bank')).json();
    expect(own.items.map((r: { bank: { id: number } }) => r.bank.id)).toEqual([units['bank-icbc']]);
    const xlsx = await c.office.get('/api/funds/loans/by-bank/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const list = await c.wuxing.get('/api/funds/loans/export.xlsx?sort=outstandingFen&order=desc');
    expect(list.statusCode).toBe(200);
  });

  it('the list filters, sorts and pages', async () => {
    const page = (await c.office.get('/api/funds/loans?pageSize=1&page=2&sort=amountFen&order=desc')).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect((await c.office.get('/api/funds/loans?status=settled')).json().items.every((l: { status: string }) => l.status === 'settled')).toBe(true);
    expect((await c.office.get('/api/funds/loans?method=interest_only')).json().total).toBe(0);
    expect((await c.office.get('/api/funds/loans?sort=nope')).statusCode).toBe(400);
  });
});
