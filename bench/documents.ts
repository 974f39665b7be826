// Official documents at county scale: drawing the brief's chart, and drafting and issuing a month's brief (compose
// from the locked board, render the .docx with its chart image, take the number, store, notify) through the full
// app. Prints figures; asserts nothing.
//   npx tsx bench/documents.ts                                  SQLite (temporary file)
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/documents.ts  PostgreSQL (a temporary schema, dropped afterwards)
import { benchApp, time } from './support';
import fs from 'node:fs';
import type { DocumentChart } from '../src/shared/modules/documents.schemas';
import { chartImage } from '../src/server/core/documents/chart-image';
import { DEMO_PASSWORD } from '../src/server/core/setup/bootstrap';
import { ensureDemoIndicators, indicatorsFile } from '../src/server/modules/indicators';

const indicators = indicatorsFile.parse(JSON.parse(fs.readFileSync('scripts/demo/baofeng-indicators-2021.json', 'utf8')));

// The demo year has January to September locked; documents are issued in October.
const bench = await benchApp('documents', { clock: { now: () => new Date('2021-10-12T02:00:00Z') } });
const { app, deps, handle } = bench;
try {
  await ensureDemoIndicators(deps, indicators);
  console.log(`\ndocuments on ${handle.dialect}: the demo county, ${indicators.indicators.length} indicators, briefs of 2021-09`);

  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office', password: DEMO_PASSWORD } });
  const headers = { cookie: `icp_sid=${res.cookies[0].value}`, 'x-csrf-token': res.json().csrfToken as string };
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload, headers });

  const first = await post('/api/documents/briefs', { month: '2021-09' });
  if (first.statusCode !== 200) throw new Error(first.body);
  const draft = first.json();
  const chart = draft.blocks.find((b: { kind: string }) => b.kind === 'chart') as DocumentChart;
  await time(`chart image (${chart.categories.length} indicators, PNG)`, 20, async () => chartImage(chart));
  await post(`/api/documents/${draft.id}/issue`, {});
  // Each round drafts the month's brief anew (the last one is issued) and issues it with the next number.
  await time('draft + issue a brief (.docx with chart)', 20, async () => {
    const next = (await post('/api/documents/briefs', { month: '2021-09' })).json();
    const issued = await post(`/api/documents/${next.id}/issue`, {});
    if (issued.statusCode !== 200) throw new Error(issued.body);
  });
  await time('draft the letters of a month (all lagging units)', 5, () => post('/api/documents/letters', { month: '2021-09' }));
} finally {
  await bench.close();
}
