import { test as base, chromium, expect, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';
import { startE2eStack, type E2eStack, type E2eUser } from './stack';

export { expect };

interface WorkerFixtures {
  /** One whole system per worker (the tests run in one worker). */
  system: E2eStack;
  browser: Browser;
}

interface TestFixtures {
  /** A page signed in as the staff user (through the sign-in page), on the dashboard. */
  staffPage: Page;
  /** A page signed in as the admin, on the dashboard. */
  adminPage: Page;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  system: [
    async ({}, use) => {
      const system = await startE2eStack();
      try {
        await use(system);
      } finally {
        await system.stop();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  browser: [
    async ({}, use) => {
      const browser = await chromium.launch({ ...(await chromiumLaunchOptions()), headless: true });
      try {
        await use(browser);
      } finally {
        await browser.close();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ system }, use) => use(system.url),
  staffPage: async ({ page, system }, use) => {
    await signIn(page, system.staff);
    await use(page);
  },
  adminPage: async ({ page, system }, use) => {
    await signIn(page, system.admin);
    await use(page);
  },
});

/** Signs in through the sign-in page, as a user would, and waits for the dashboard. */
export async function signIn(page: Page, user: E2eUser, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}
