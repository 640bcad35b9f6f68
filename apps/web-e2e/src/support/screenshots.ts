import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENSHOT_DIR = join(__dirname, '../../screenshots');

const SIZES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * Saves the page as `<name>-<desktop|phone>-<light|dark>.png` under apps/web-e2e/screenshots/,
 * then puts the viewport and colour scheme back. `ready` runs after each change (e.g. wait
 * for a table to settle) before the picture is taken.
 */
export async function screenshots(
  page: Page,
  name: string,
  ready: () => Promise<void> = async () => undefined,
): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate((value) => {
      localStorage.setItem('mantine-color-scheme-value', value);
      document.documentElement.setAttribute('data-mantine-color-scheme', value);
    }, scheme);
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      await ready();
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `${name}-${size}-${scheme}.png`),
        fullPage: true,
        animations: 'disabled',
        // Full-page pictures of a busy machine can take a while.
        timeout: 60_000,
      });
    }
  }
  await page.evaluate(() => localStorage.removeItem('mantine-color-scheme-value'));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() =>
    document.documentElement.setAttribute('data-mantine-color-scheme', 'light'),
  );
  if (original) await page.setViewportSize(original);
}
