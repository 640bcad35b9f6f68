import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the console in Chromium against the real system, started the way
 * `npm start` starts it (see src/support/fixtures.ts). One worker: one stack, one browser.
 */
export default defineConfig({
  testDir: 'src',
  globalSetup: './src/support/global-setup.ts',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1280, height: 800 },
    actionTimeout: 20_000,
    navigationTimeout: 20_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
