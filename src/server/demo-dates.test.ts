import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, createTestApp, loadModuleDemos } from './test/build-app';

// The demo lives in the present: loaded on a fixed "today", no record says something happened after it. Today is
// the 3rd of October: a month just closed, inside the National Day holiday, before any deadline of September's work.
const TODAY = '2026-10-03T02:00:00.000Z';
const THIS_MONTH = '2026-10';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(TODAY);
  await loadModuleDemos(t);
}, 240_000);
afterAll(() => t.close());

/** Every `…_at` column (a moment something happened) and every `month` column (a month reported) of every table. */
async function datedColumns() {
  const tables = await t.deps.db.introspection.getTables();
  // Built-in document templates come with the software (a migration writes them), not with the demo.
  return tables
    .filter((table) => table.name !== 'document_templates')
    .flatMap((table) => table.columns.filter((c) => c.name.endsWith('_at') || c.name === 'month').map((c) => ({ table: table.name, column: c.name })));
}

it('dates no record after the day the demo is loaded', async () => {
  const late: string[] = [];
  for (const { table, column } of await datedColumns()) {
    const limit = column === 'month' ? THIS_MONTH : TODAY;
    const { rows } = await sql<{
      latest: string | null;
    }>`select max(${sql.ref(column)}) as latest from ${sql.table(table)} where ${sql.ref(column)} > ${limit}`.execute(t.deps.db);
    const latest = rows[0]?.latest;
    if (latest) late.push(`${table}.${column}: ${latest}`);
  }
  expect(late).toEqual([]);
});

it('shows this year’s plan with the ledger up to last month, last year as the baseline, and keeps 2021 as history', async () => {
  const plans = await t.deps.db.selectFrom('indicatorPlans').select(['year', 'status']).orderBy('year').execute();
  expect(plans).toEqual([
    { year: 2021, status: 'published' },
    { year: 2026, status: 'published' },
  ]);
  const locks = (await t.deps.db.selectFrom('indicatorMonthLocks').select('month').where('month', '>=', '2026-01').orderBy('month').execute()).map(
    (l) => l.month,
  );
  expect(locks).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']);
  const september = await t.deps.db
    .selectFrom('indicatorValues')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('month', '=', '2026-09')
    .groupBy('status')
    .execute();
  // Last month is in every state: most units sent it, some have a draft (and some nothing yet).
  expect(new Set(september.map((s) => s.status))).toEqual(new Set(['submitted', 'draft']));
  const baseline = await t.deps.db.selectFrom('indicatorValues').select('month').distinct().where('month', 'like', '2025-%').execute();
  expect(baseline).toHaveLength(12);
});

it('has the brief and the reminder letters of the last locked month issued by the office, numbered in order', async () => {
  const issued = await t.deps.db
    .selectFrom('documents')
    .select(['docType', 'status', 'month', 'number', 'issueDate', 'taskId'])
    .orderBy('docType')
    .orderBy('seq')
    .execute();
  const brief = issued.filter((d) => d.docType === 'brief');
  const letters = issued.filter((d) => d.docType === 'letter');
  expect(brief).toEqual([expect.objectContaining({ status: 'issued', month: '2026-08', number: '宝工强简〔2026〕1号' })]);
  expect(letters.length).toBeGreaterThan(0);
  expect(letters.map((l) => l.number)).toEqual(letters.map((_, i) => `宝工强函〔2026〕${i + 1}号`));
  // Issued in September, after August's lock day, each letter with its 督办 task.
  for (const d of [...brief, ...letters]) expect(d.issueDate?.slice(0, 7)).toBe('2026-09');
  expect(letters.every((l) => l.status === 'issued' && l.month === '2026-08' && l.taskId !== null)).toBe(true);
});
