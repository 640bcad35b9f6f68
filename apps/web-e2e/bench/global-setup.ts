import { beginTestRun } from '@inventory/local-stack';
import { clearFigures, printFigures } from './figures';

/**
 * Starts a run with no figures and prints them all at the end. Like the e2e run, it is one
 * test run (ADR 0010): the stack, the files the browser picks and the browser itself live in
 * a run folder that goes when the run ends or is interrupted.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const run = await beginTestRun();
  clearFigures();
  return async () => {
    printFigures();
    await run.end();
  };
}
