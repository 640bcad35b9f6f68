import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { eventually, isAlive, RUN_PREFIX, sweepAbandonedRuns, waitUntilGone } from '../src';

/**
 * A process that begins a test run (run folder + embedded Postgres, as Jest's global setup
 * does), prints what it made, and waits to be stopped.
 */
function startRunOwner(): Promise<{
  child: ChildProcess;
  folder: string;
  postgresPid: number;
  appPid: number;
}> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const { spawn } = require('node:child_process');
       const { beginTestRun } = require(${JSON.stringify(require.resolve('../dist/test-database.js'))});
       beginTestRun().then((run) => {
         // Like an app of a test stack: its own process group, started after the run began.
         const app = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)'], {
           detached: true,
           stdio: 'ignore',
         });
         console.log(JSON.stringify({ folder: run.folder, postgresPid: run.postgres.pid, appPid: app.pid }));
         setInterval(() => undefined, 1000);
       });`,
    ],
    { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`run owner exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve({
        child,
        ...(JSON.parse(line) as { folder: string; postgresPid: number; appPid: number }),
      }),
    );
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

const runFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith(RUN_PREFIX));

describe('test runs leave nothing behind', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'an interrupted run (%s) stops its Postgres and what it started, and removes its folder',
    async (signal) => {
      const owner = await startRunOwner();
      expect(existsSync(owner.folder)).toBe(true);
      expect(isAlive(owner.postgresPid)).toBe(true);
      expect(isAlive(owner.appPid)).toBe(true);
      const code = exited(owner.child);
      owner.child.kill(signal);
      expect(await code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(isAlive(owner.postgresPid)).toBe(false);
      expect(isAlive(owner.appPid)).toBe(false);
      expect(existsSync(owner.folder)).toBe(false);
    },
  );

  it('a run killed outright (SIGKILL) is cleaned up by its watchdog', async () => {
    const owner = await startRunOwner();
    const code = exited(owner.child);
    owner.child.kill('SIGKILL');
    await code;
    await eventually('the folder removed', async () => !existsSync(owner.folder), 10_000);
    expect(isAlive(owner.postgresPid)).toBe(false);
    expect(isAlive(owner.appPid)).toBe(false);
  });

  it('the next run removes what a killed run left when its watchdog died too, and spares a live one', async () => {
    const killed = await startRunOwner();
    const live = await startRunOwner();
    try {
      // As after a machine reset, or a kill of everything: no watchdog left to clean up.
      const watchdog = Number(readFileSync(join(killed.folder, 'watchdog.pid'), 'utf8'));
      process.kill(watchdog, 'SIGKILL');
      expect(await waitUntilGone(watchdog, 5000)).toBe(true);
      const code = exited(killed.child);
      killed.child.kill('SIGKILL');
      await code;
      expect(existsSync(killed.folder)).toBe(true);
      expect(isAlive(killed.postgresPid)).toBe(true);
      expect(isAlive(killed.appPid)).toBe(true);

      expect(sweepAbandonedRuns()).toEqual([killed.folder]);
      expect(isAlive(killed.postgresPid)).toBe(false);
      expect(isAlive(killed.appPid)).toBe(false);
      expect(existsSync(killed.folder)).toBe(false);
      expect(existsSync(live.folder)).toBe(true);
      expect(isAlive(live.postgresPid)).toBe(true);
      expect(isAlive(live.appPid)).toBe(true);
    } finally {
      live.child.kill('SIGTERM');
      await exited(live.child);
    }
    expect(await waitUntilGone(live.postgresPid, 5000)).toBe(true);
    expect(await waitUntilGone(live.appPid, 5000)).toBe(true);
    expect(runFolders()).toEqual([]);
  });
});
