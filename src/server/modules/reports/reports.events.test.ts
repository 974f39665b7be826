import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/build-app';
import { ensureDemoIndicators, indicatorsFile } from '../indicators';
import { type ReportAccepted, ensureDemoReportForms } from '.';

let t: TestApp;
let office: Client;
let daying: Client;
let formId: number;
let dayingId: number;

// What a module subscribed after indicators sees: each event in the transaction (with the ledger rows that transaction
// holds by then) and after the commit. `failing` makes its in-transaction handler throw, as a broken subscriber would.
const seen: { event: ReportAccepted; ledgerInTransaction: { code: string; value: number; source: string | null }[] }[] = [];
const committed: ReportAccepted[] = [];
let failing = false;

beforeAll(async () => {
  t = await createTestApp();
  // Tuesday 6 April 2021: March's reports are in.
  t.clock.set('2021-04-06T02:00:00Z');
  const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));
  await ensureDemoIndicators(t.deps, indicatorsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))), { withLedger: false });
  await ensureDemoReportForms(t.deps);
  formId = (await t.deps.db.selectFrom('reportForms').select('id').where('code', '=', 'industry_dev').executeTakeFirstOrThrow()).id;
  dayingId = await t.unitId('daying');
  [office, daying] = await Promise.all([t.signIn('office'), t.signIn('daying')]);
  t.subscribe('reports-events-test', {
    reportAccepted: {
      inTransaction: async (trx, _deps, _ctx, event) => {
        const ledgerInTransaction = await trx
          .selectFrom('indicatorValues')
          .innerJoin('indicators', 'indicators.id', 'indicatorValues.indicatorId')
          .select(['indicators.code', 'indicatorValues.value', 'indicatorValues.source'])
          .where('indicatorValues.unitId', '=', event.unitId)
          .where('indicatorValues.month', '=', event.month)
          .orderBy('indicators.code')
          .execute();
        seen.push({ event, ledgerInTransaction });
        if (failing) throw new Error('subscriber down');
      },
      afterCommit: async (_deps, _ctx, event) => {
        committed.push(event);
      },
    },
  });
});
afterAll(() => t.close());
beforeEach(() => {
  seen.length = 0;
  committed.length = 0;
  failing = false;
});

const good = { firms: 40, aboveScale: 12, newAboveScale: 1, outputMonth: 5200.5, outputYtd: 14800, power: 812.4 };

/** A township's March report of the industry form, submitted; returns its id. */
async function submitted(): Promise<number> {
  const saved = await daying.put('/api/reports/sheet', { formId, unitId: dayingId, month: '2021-03', values: good, explanations: {} });
  expect(saved.statusCode, saved.body).toBe(200);
  const id = saved.json().id as number;
  expect((await daying.post(`/api/reports/${id}/submit`)).json().status).toBe('submitted');
  return id;
}

const ledgerRows = () =>
  t.deps.db.selectFrom('indicatorValues').select(['id', 'value', 'source']).where('unitId', '=', dayingId).where('month', '=', '2021-03').execute();

describe('reportAccepted', () => {
  it('a failing in-transaction subscriber refuses the acceptance: report still submitted, no ledger value, no audit row, no after-commit handler', async () => {
    const id = await submitted();
    const auditBefore = (await t.deps.db.selectFrom('auditLog').select('id').execute()).length;
    failing = true;
    expect((await office.post(`/api/reports/${id}/accept`)).statusCode).toBe(500);
    // The event did reach the subscriber, after indicators had written the ledger in the same transaction …
    expect(seen).toHaveLength(1);
    expect(seen[0].ledgerInTransaction.map((r) => r.code)).toEqual(['ABOVE_SCALE', 'NEW_ABOVE_SCALE', 'POWER']);
    // … and all of it was undone with the acceptance.
    expect(committed).toEqual([]);
    expect((await office.get(`/api/reports/${id}`)).json()).toMatchObject({ status: 'submitted', acceptedAt: null });
    expect(await ledgerRows()).toEqual([]);
    expect((await t.deps.db.selectFrom('auditLog').select('id').execute()).length).toBe(auditBefore);
    expect(await t.deps.db.selectFrom('reportEvents').select('action').where('reportId', '=', id).execute()).toEqual([{ action: 'submit' }]);
  });

  it('is published once on acceptance with what indicators needs, and the ledger values arrive through it', async () => {
    const id = (await t.deps.db.selectFrom('reports').select('id').where('unitId', '=', dayingId).where('month', '=', '2021-03').executeTakeFirstOrThrow()).id;
    const res = await office.post(`/api/reports/${id}/accept`);
    expect(res.statusCode, res.body).toBe(200);
    const expected: ReportAccepted = {
      reportId: id,
      formId,
      formCode: 'industry_dev',
      unitId: dayingId,
      month: '2021-03',
      acceptedAt: '2021-04-06T02:00:00.000Z',
      values: [
        { indicatorCode: 'ABOVE_SCALE', value: 12 },
        { indicatorCode: 'NEW_ABOVE_SCALE', value: 1 },
        { indicatorCode: 'POWER', value: 812.4 },
      ],
      source: `reports/${id}`,
      sourceLabel: `乡镇月报《工业企业发展情况》#${id}`,
    };
    expect(seen.map((s) => s.event)).toEqual([expected]);
    expect(committed).toEqual([expected]);
    // Indicators' subscription wrote the values before later subscribers ran, in the acceptance's transaction.
    expect(seen[0].ledgerInTransaction).toEqual([
      { code: 'ABOVE_SCALE', value: 12, source: `reports/${id}` },
      { code: 'NEW_ABOVE_SCALE', value: 1, source: `reports/${id}` },
      { code: 'POWER', value: 812, source: `reports/${id}` },
    ]);
    // The ledger's audit row comes first, then the report's, which records what reached the ledger.
    const audit = await t.deps.db.selectFrom('auditLog').select(['action', 'afterJson']).orderBy('id', 'desc').limit(2).execute();
    expect(audit.map((a) => a.action)).toEqual(['report.accept', 'indicator_value.submit']);
    // Electricity is kept in whole 万千瓦时, as the ledger's precision says.
    const written = [
      { indicatorCode: 'ABOVE_SCALE', value: 12 },
      { indicatorCode: 'NEW_ABOVE_SCALE', value: 1 },
      { indicatorCode: 'POWER', value: 812 },
    ];
    expect(JSON.parse(audit[1].afterJson as string)).toEqual({ values: written, source: `reports/${id}` });
    expect(JSON.parse(audit[0].afterJson as string).ledger).toEqual({ written, skipped: [] });
  });

  it('is not published by a refused acceptance (a report that is not submitted)', async () => {
    const id = (await t.deps.db.selectFrom('reports').select('id').where('unitId', '=', dayingId).where('month', '=', '2021-03').executeTakeFirstOrThrow()).id;
    expect((await office.post(`/api/reports/${id}/accept`)).statusCode).toBe(400);
    expect(seen).toEqual([]);
    expect(committed).toEqual([]);
  });
});
