import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * Figures of the admin console measured in Chromium against the real system
 * (`npm run bench:console:admin`). Not part of `npm test`: they print numbers, they do not
 * pass or fail on them.
 */
export default defineConfig({
  ...base,
  testDir: 'bench',
  testMatch: '**/*.bench.ts',
  globalSetup: './bench/global-setup.ts',
  timeout: 600_000,
  use: { ...base.use, actionTimeout: 120_000, navigationTimeout: 120_000 },
  expect: { timeout: 300_000 },
});
