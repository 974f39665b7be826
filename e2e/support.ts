import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

import { Secret, TOTP } from 'otpauth';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/shared/demo-accounts';

export { DEMO_PASSWORD };
const SHOTS = path.resolve('test-results', 'screenshots');

/** Saves a full-page screenshot as a test artefact under test-results/screenshots/. */
export async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Signs in through the API (the page's cookies take the session) and leaves navigating to the journey: each whole
 * page load of the app is seconds of CPU on a shared 2-core machine, and the sign-in form has a journey of its own
 * (`signInWithForm`, foundation.spec). An account owing its second factor enters it on the /mfa page and lands on the
 * workbench.
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  const response = await page.request.post('/api/auth/login', { data: { username, password } });
  if (!response.ok()) throw new Error(`sign-in of ${username} refused: ${response.status()} ${await response.text()}`);
  const me = (await response.json()) as { mfaPending: string | null };
  if (me.mfaPending === 'verify') {
    await page.goto('/mfa');
    await passSecondFactor(page, username);
  }
}

/** Signs in through the login form (Chinese UI) and waits until the app has left the login page. */
export async function signInWithForm(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  // Without this wait a following page.goto can race the login response and land back on /login.
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  if (new URL(page.url()).pathname === '/mfa') await passSecondFactor(page, username);
}

const demoPhone = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(DEMO_TOTP_SECRET) });
/** The last 30-second step whose code each demo administrator used: the server takes a code once. */
const usedSteps = new Map<string, number>();

/** Types the demo administrator's current code, waiting for a fresh 30-second step if this one's code was used. */
async function passSecondFactor(page: Page, username: string) {
  for (let attempt = 0; attempt < 2; attempt++) {
    let step = Math.floor(Date.now() / 30_000);
    if (step <= (usedSteps.get(username) ?? -1)) {
      await page.waitForTimeout((step + 1) * 30_000 - Date.now() + 500);
      step = Math.floor(Date.now() / 30_000);
    }
    usedSteps.set(username, step);
    await page
      .getByTestId('mfa-verify-form')
      .getByRole('textbox')
      .fill(demoPhone.generate({ timestamp: step * 30_000 }));
    await page
      .getByTestId('mfa-verify-form')
      .getByRole('button', { name: /验证并登录/ })
      .click();
    // A journey run earlier in another process may have used this step's code: then the next step's code works.
    const left = await page
      .waitForURL((url) => url.pathname !== '/mfa', { timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (left) return;
  }
  throw new Error(`second factor of ${username} refused twice`);
}

/** Signs out through the user menu. */
export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  const item = page.getByRole('menuitem', { name: /退出登录/ });
  await item.waitFor();
  // A click event rather than a mouse click at coordinates: the pop-up is still moving into place when it appears,
  // and a pointer click sometimes landed beside it (the menu stayed open and nothing happened).
  await item.dispatchEvent('click');
  // The logout request, then a full page load of /login: allow for a machine busy with other work.
  await page.waitForURL(/\/login/, { timeout: 30_000 });
}

/** Narrows a list to the rows matching `text` through its filter bar's search box (`filters`: the bar's test id). */
export async function searchList(page: Page, filters: string, text: string) {
  await page.locator(`#${filters}_q`).fill(text);
  await page
    .getByTestId(filters)
    .getByRole('button', { name: /查\s*询/ })
    .click();
}

/** Narrows a task list to the tasks whose title holds `text` (the demo's projects fill the lists with their own). */
export const searchTasks = (page: Page, text: string) => searchList(page, 'tasks-filters', text);
