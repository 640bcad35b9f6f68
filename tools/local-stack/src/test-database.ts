import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from './ports';
import {
  dropDatabase,
  ensureDatabase,
  startEmbeddedPostgres,
  type PostgresHandle,
} from './postgres';
import { createRunFolder, removeRunFolder, sweepAbandonedRuns } from './test-run';

const EXIT_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export interface TestRun {
  /** The run folder (also this process's `TMPDIR` from now on). */
  folder: string;
  /** The embedded server started for the run, when DATABASE_URL gave none. */
  postgres?: PostgresHandle;
  /** Stops the server and removes the folder; safe to call more than once. */
  end(): Promise<void>;
}

/**
 * Sets up one test run for this process and everything it starts afterwards: removes what
 * earlier killed runs left behind, makes a run folder and points `TMPDIR` at it, and, when
 * `DATABASE_URL` is unset, starts one embedded Postgres in it and sets `DATABASE_URL` to it.
 * The folder goes when the run ends (`end()`), when the process exits, and on
 * SIGINT/SIGTERM/SIGHUP (a Ctrl-C reaches the whole process group), which then end the
 * process with the usual code. Jest's global setup calls this (jest.preset.cjs).
 */
export async function beginTestRun(options: { postgres?: boolean } = {}): Promise<TestRun> {
  sweepAbandonedRuns();
  const folder = createRunFolder();
  process.env.TMPDIR = folder;
  let ended = false;
  const removeNow = () => {
    if (ended) return;
    ended = true;
    removeRunFolder(folder);
  };
  const onSignal = (signal: keyof typeof EXIT_SIGNALS) => {
    removeNow();
    process.exit(EXIT_SIGNALS[signal]);
  };
  const listeners = Object.keys(EXIT_SIGNALS).map((signal) => {
    const listener = () => onSignal(signal as keyof typeof EXIT_SIGNALS);
    process.once(signal, listener);
    return [signal, listener] as const;
  });
  process.once('exit', removeNow);

  const run: TestRun = {
    folder,
    async end() {
      // The signal handlers stay until the folder is gone: a Ctrl-C during this still cleans up.
      await run.postgres?.stop().catch(() => undefined);
      removeNow();
      for (const [signal, listener] of listeners) process.off(signal, listener);
      process.off('exit', removeNow);
    },
  };
  if (options.postgres !== false && !process.env.DATABASE_URL) {
    try {
      run.postgres = await startEmbeddedPostgres({
        dataDir: join(folder, 'postgres'),
        port: await freePort(),
        durable: false,
      });
    } catch (error) {
      await run.end();
      throw error;
    }
    process.env.DATABASE_URL = run.postgres.adminUrl;
  }
  return run;
}

let ownRun: Promise<TestRun> | undefined;

/**
 * The Postgres server tests use: DATABASE_URL (set by the user, CI, or the test run's
 * global setup). A process that runs outside Jest with neither gets a test run of its own.
 */
export async function testPostgresServer(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  ownRun ??= beginTestRun();
  await ownRun;
  return process.env.DATABASE_URL!;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file: no run ever sees another's rows. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const server = await testPostgresServer();
  const name = `${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const url = await ensureDatabase(server, name);
  return { url, drop: () => dropDatabase(server, name) };
}

/** Ends the test run this process started for itself (outside Jest), if any. */
export async function stopTestPostgres(): Promise<void> {
  if (!ownRun) return;
  const run = await ownRun;
  ownRun = undefined;
  delete process.env.DATABASE_URL;
  await run.end();
}
