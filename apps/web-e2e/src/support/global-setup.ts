import { beginTestRun } from '@inventory/local-stack';

/**
 * One test run for the whole Playwright process, as every Jest project has (ADR 0010): what
 * an earlier killed run left in the temp folder is removed, this run's stack, Postgres and
 * browser files live in a run folder of their own (TMPDIR, inherited by the workers), and that
 * folder goes when the run ends, fails or is interrupted.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const run = await beginTestRun();
  return () => run.end();
}
