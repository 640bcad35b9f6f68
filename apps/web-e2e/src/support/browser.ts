import chromium from '@sparticuz/chromium';
import type { LaunchOptions } from '@playwright/test';

/**
 * How the tests launch Chromium: the binary inside the npm package `@sparticuz/chromium`
 * (so `npm ci` is all a machine needs), or a system Chromium named by E2E_CHROMIUM.
 */
export async function chromiumLaunchOptions(): Promise<LaunchOptions> {
  const system = process.env.E2E_CHROMIUM;
  if (system) {
    return {
      executablePath: system,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    };
  }
  // The package's flags are made for serverless hosts: the tests keep the browser's security
  // model (same-origin policy, CSP) as users have it, and its usual processes (one process
  // for everything crashed when a test dropped a connection).
  const unsafe = new Set([
    '--disable-web-security',
    '--allow-running-insecure-content',
    '--single-process',
    '--no-zygote',
  ]);
  return {
    executablePath: await chromium.executablePath(),
    args: chromium.args.filter((arg) => !unsafe.has(arg)),
  };
}
