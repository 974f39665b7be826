import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2021';
const SHOTS = path.resolve('test-results', 'screenshots');

/** Saves a full-page screenshot as a test artefact under test-results/screenshots/. */
export async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the login form (Chinese UI) and waits until the app has left the login page. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  // Without this wait a following page.goto can race the login response and land back on /login.
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
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
