// The first page: from opening the login page to a rendered home page, in headless Chromium on loopback, with a cold
// browser cache each time (median of 5), and the JavaScript the login page and the home page fetch (bytes on the wire).
// Needs the built app (`npm run build`) and Debian's Chromium. Prints figures; asserts nothing. BENCH_WEB_DIST serves
// another build (e.g. an older commit's `dist/web`), to compare two builds in alternate runs under the same load.
//   npx tsx bench/web.ts
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Page, chromium } from '@playwright/test';
import { DEMO_PASSWORD } from '../src/server/core/setup/bootstrap';
import { benchApp } from './support';

const RUNS = 5;
const webDist = path.resolve(process.env.BENCH_WEB_DIST ?? 'dist/web');
if (!fs.existsSync(path.join(webDist, 'index.html'))) {
  console.log('bench/web.ts: dist/web is missing; run `npm run build` first.');
  process.exit(0);
}

/** Bytes on the wire of the scripts a page has fetched so far (encoded body sizes, as the browser received them). */
function scriptCounter(page: Page) {
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') sizes.push(request.sizes().then((s) => s.responseBodySize));
  });
  return async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

const bench = await benchApp('web', { config: { webDist } });
const { app } = bench;
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

try {
  const runs: { total: number; login: number; loginJs: number; homeJs: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const scripts = scriptCounter(page);
    const start = performance.now();
    await page.goto(`${base}/login`);
    await page.getByPlaceholder('用户名').waitFor();
    const login = performance.now() - start;
    // Everything the login page fetches, preloads included; the wait for quiet is not counted in the time.
    await page.waitForLoadState('networkidle');
    const loginJs = await scripts();
    await page.getByPlaceholder('用户名').fill('office');
    await page.getByPlaceholder('密码').fill(DEMO_PASSWORD);
    const signIn = performance.now();
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('home-page').waitFor();
    const total = login + performance.now() - signIn;
    runs.push({ total, login, loginJs, homeJs: await scripts() });
    await context.close();
  }
  const median = (pick: (r: (typeof runs)[number]) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(
    `first page, median of ${RUNS} cold loads (login page rendered + sign-in to a rendered home page, office; typing not counted): ${median((r) => r.total).toFixed(0)} ms`,
  );
  console.log(`  login page rendered: ${median((r) => r.login).toFixed(0)} ms; its JavaScript on the wire: ${kb(median((r) => r.loginJs))}`);
  console.log(`  JavaScript on the wire by the rendered home page: ${kb(median((r) => r.homeJs))}`);
} finally {
  await browser.close();
  await bench.close();
}
