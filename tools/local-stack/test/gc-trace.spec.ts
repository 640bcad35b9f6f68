import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gcPauses, processStartedAt } from '../src';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gc-trace-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A Node process that makes garbage for a while, then asks for one full collection. */
async function traceOf(log: string): Promise<{ pid: number; startedAt: number; ended: number }> {
  const out = openSync(log, 'w');
  const child = spawn(
    process.execPath,
    [
      '--trace-gc-nvp',
      '--expose-gc',
      '--max-semi-space-size=1',
      '-e',
      `const until = Date.now() + 300;
       let kept;
       while (Date.now() < until) kept = Array.from({ length: 100 }, (_, i) => ({ i }));
       globalThis.gc();`,
    ],
    { stdio: ['ignore', out, 'inherit'] },
  );
  closeSync(out);
  const startedAt = processStartedAt(child.pid!);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  expect(code).toBe(0);
  return { pid: child.pid!, startedAt, ended: Date.now() };
}

describe('gcPauses', () => {
  it("reads back V8's own --trace-gc-nvp lines: scavenges as young, the full collection as old", async () => {
    const log = join(dir, 'app.log');
    const { pid, startedAt, ended } = await traceOf(log);
    expect(Math.abs(startedAt - Date.now())).toBeLessThan(10_000);

    const all = gcPauses(log, pid, startedAt, { from: startedAt - 1000, to: ended });
    expect(all.young).toBeGreaterThan(10);
    expect(all.youngMs).toBeGreaterThan(0);
    expect(all.old).toBeGreaterThanOrEqual(1);
    expect(all.oldMs).toBeGreaterThan(0);

    // Only the window counts, and only that process's lines.
    expect(gcPauses(log, pid, startedAt, { from: 0, to: startedAt - 1 })).toEqual({
      young: 0,
      youngMs: 0,
      old: 0,
      oldMs: 0,
    });
    expect(gcPauses(log, pid + 1, startedAt, { from: 0, to: ended }).young).toBe(0);
  });
});
