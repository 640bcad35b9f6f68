import { readFileSync } from 'node:fs';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Blocks the thread (for exit handlers and other places that cannot wait on a promise). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** /proc/<pid>/stat split after the command name (which may hold spaces and parentheses). */
function stat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Running (a zombie, dead but not yet reaped by its parent, counts as gone). */
export function isAlive(pid: number): boolean {
  const fields = stat(pid);
  if (fields) return fields[0] !== 'Z' && fields[0] !== 'X';
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When the process started (clock ticks since boot): with the pid, names one process for good. */
export function startTime(pid: number): string | undefined {
  return stat(pid)?.[19];
}

export function parentPid(pid: number): number | undefined {
  const fields = stat(pid);
  return fields ? Number(fields[1]) : undefined;
}

export async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(25);
  }
  return true;
}

export function waitUntilGoneSync(pid: number, timeoutMs: number): boolean {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    sleepSync(25);
  }
  return true;
}

/**
 * Asks a process to stop with `first`, escalating to SIGQUIT and then SIGKILL when it is still
 * there after `waitMs` each time; returns once it is gone.
 */
export function stopProcessSync(
  pid: number,
  first: NodeJS.Signals = 'SIGINT',
  waitMs = 15_000,
): void {
  for (const [signal, wait] of [
    [first, waitMs],
    ['SIGQUIT', Math.min(waitMs, 5_000)],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (waitUntilGoneSync(pid, wait)) return;
  }
}
