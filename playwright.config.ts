import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  // Never skip silently: without a browser the journeys are not tested.
  throw new Error(`Chromium not found at ${chromium}; install Debian's chromium package (browsers cannot be downloaded here).`);
}

const port = Number(process.env.E2E_PORT ?? 3100);
// A fresh database for every run; workers inherit the variable, so they all agree on it.
process.env.E2E_DATA_DIR ??= path.resolve('test-results', `e2e-data-${Date.now()}`);

/**
 * The journeys run in two lanes, each on a server and database of its own (journeys of one lane may build on each
 * other's data; lanes never share any), each lane's files in file order. The lanes run one after the other with one
 * browser: a page load of the app is CPU-bound, and on a 2-core machine two browsers and two servers side by side
 * starve each other (3 Dec: both lanes side by side 19.5 min; the second lane alone 6.3 min, 2.6 × faster than beside
 * the first; both one after the other 14.4 min, all 50 passed). The second lane takes the files listed here; a new journey file joins
 * the first lane.
 */
const SECOND_LANE = ['account-security', 'calendar', 'projects', 'services', 'reports', 'tasks', 'funds', 'loans', 'monitoring'].map((name) => `**/${name}.spec.ts`);
const lanes = [
  { name: 'lane-1', port, testIgnore: SECOND_LANE },
  { name: 'lane-2', port: port + 1, testMatch: SECOND_LANE },
];

export default defineConfig({
  testDir: 'e2e',
  // Journeys sign in two or three times; on a busy 2-core machine a minute was not always enough.
  timeout: 120_000,
  // A whole page load of the signed-in app (goto, reload) is CPU work in the browser (0.7–1.5 s on an idle machine);
  // profiled on 3 Dec, it took 6–20 s while other work loaded the machine (load 15–20).
  expect: { timeout: 20_000 },
  fullyParallel: false,
  // One browser at a time (see above); each lane's `workers: 1` keeps its files in order on its server.
  workers: 1,
  projects: lanes.map((lane) => ({
    name: lane.name,
    testMatch: lane.testMatch,
    testIgnore: lane.testIgnore,
    workers: 1,
    use: { baseURL: `http://127.0.0.1:${lane.port}` },
  })),
  // On CI a journey that fails is run once more and reported as flaky if it then passes: a browser that hung for 90 s
  // closing its context after every step had passed failed a whole run once. A journey that fails twice still fails.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results/playwright',
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The app then switches Ant Design's animations off (as for anyone who asks their system for less motion): a click
    // on a dialog or menu does not wait for it to finish moving.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: lanes.map((lane) => ({
    // The production artefact (`npm run build`), as deployed: compiled JavaScript, no TypeScript compiler at run time.
    command: 'node dist/server/main.js --demo',
    url: `http://127.0.0.1:${lane.port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The server logs warnings only (LOG_LEVEL below): shown with the run's output, so a failure's server side is seen.
    stdout: 'pipe' as const,
    env: { PORT: String(lane.port), HOST: '127.0.0.1', DATA_DIR: `${process.env.E2E_DATA_DIR}-${lane.name}`, LOG_LEVEL: 'warn' },
  })),
});
