import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import { type TestApp, createTestApp } from '../../test/build-app';
import { ensureFinancingDemo } from '../financing';
import { ensureServicesDemo } from '../services';
import { ensureFundsDemo } from './funds.demo';
import { ensureLoansDemo } from './loans.demo';
import { markMissedInstalments } from './loans.service';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-02T02:00:00Z');
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
  await ensureServicesDemo(t.deps);
});
afterAll(() => t.close());

it('loads this year’s two funds and 2021’s, applications in every state in the past, totals that agree, once', async () => {
  await ensureFundsDemo(t.deps);
  await ensureFundsDemo(t.deps);
  const office = await t.signIn('office');
  const budget = (await office.get('/api/funds/budget?year=2026')).json();
  expect(budget.items.map((r: { programme: { name: string }; budgetFen: number }) => [r.programme.name, r.budgetFen])).toEqual([
    ['工业发展资金', 2_000_000_000],
    ['科技创新资金', 1_000_000_000],
  ]);
  expect((await office.get('/api/funds/budget?year=2021')).json().items).toHaveLength(2);
  const apps = (await office.get('/api/funds/applications?pageSize=200')).json().items as {
    id: number;
    status: string;
    submittedDate: string;
    programme: { id: number };
    approvedFen: number | null;
    disbursedFen: number;
  }[];
  expect(new Set(apps.map((a) => a.status))).toEqual(new Set(['preliminary', 'office', 'leader', 'returned', 'approved', 'paid']));
  expect(apps.every((a) => a.submittedDate < '2026-12-02')).toBe(true);
  for (const row of [...budget.items, ...(await office.get('/api/funds/budget?year=2021')).json().items]) {
    const mine = apps.filter((a) => a.programme.id === row.programme.id);
    expect(row.approvedFen).toBe(mine.reduce((s, a) => s + (a.approvedFen ?? 0), 0));
    expect(row.disbursedFen).toBe(mine.reduce((s, a) => s + a.disbursedFen, 0));
    expect(row.approvedFen).toBeLessThanOrEqual(row.budgetFen);
  }
  // The firm sees its own; the steps waiting have their tasks.
  const wuxing = await t.signIn('wuxing');
  expect((await wuxing.get('/api/funds/applications')).json().total).toBe(3);
  const matched = (await wuxing.get('/api/funds/policies/mine')).json().items;
  expect(matched.map((m: { policy: { name: string } }) => m.policy.name)).toEqual(['石墨新材料企业技术改造补助', '规上高新技术企业认定奖励（免申即享）']);
  const policies = (await office.get('/api/funds/policies')).json().items as { autoGrant: boolean; qualifying: number; id: number }[];
  expect(policies).toHaveLength(2);
  expect(policies.every((p) => p.qualifying > 0)).toBe(true);
  const auto = policies.find((p) => p.autoGrant) as { id: number };
  const draft = (await office.get(`/api/funds/policies/${auto.id}/matches`)).json();
  expect(draft.amountFen).toBeLessThanOrEqual(budget.items[1].remainingFen);
  const leader = await t.signIn('leader');
  expect((await leader.get('/api/funds/applications?mine=true')).json().total).toBe(1);
});

it('县科技局 has a demo reviewer (kjj) who finds the science fund’s preliminary reviews waiting', async () => {
  const kjj = await t.signIn('kjj');
  const waiting = (await kjj.get('/api/funds/applications?mine=true')).json().items as { status: string; programme: { fund: string } }[];
  expect(waiting.length).toBeGreaterThan(0);
  expect(waiting.every((a) => a.status === 'preliminary' && a.programme.fund === 'innovation')).toBe(true);
});

it('loads six guaranteed loans from the demo banks, in the past, one flagged 逾期 with a missed instalment, once', async () => {
  await ensureFinancingDemo(t.deps);
  await ensureLoansDemo(t.deps);
  await ensureLoansDemo(t.deps);
  const office = await t.signIn('office');
  const loans = (await office.get('/api/funds/loans?pageSize=50')).json().items as {
    id: number;
    startDate: string;
    overdue: boolean;
    status: string;
    amountFen: number;
  }[];
  expect(loans).toHaveLength(6);
  expect(loans.every((l) => l.startDate < '2026-12-02')).toBe(true);
  expect(loans.filter((l) => l.overdue)).toHaveLength(1);
  expect(loans.filter((l) => l.status === 'settled')).toHaveLength(1);
  const overdue = (await office.get(`/api/funds/loans/${loans.find((l) => l.overdue)?.id}`)).json();
  expect(overdue.schedule.filter((i: { state: string }) => i.state === 'missed').length).toBeGreaterThan(0);
  expect(overdue.repayments.every((r: { paidDate: string }) => r.paidDate <= '2026-12-02')).toBe(true);
  // The daily job agrees with the demo: nothing more to mark today.
  expect(await markMissedInstalments(t.deps)).toBe(0);
  const banks = (await office.get('/api/funds/loans/by-bank')).json();
  expect(banks.totals.loans).toBe(6);
  expect(banks.totals.amountFen).toBe(loans.reduce((s, l) => s + l.amountFen, 0));
  expect((await (await t.signIn('wuxing')).get('/api/funds/loans')).json().total).toBe(2);
});
