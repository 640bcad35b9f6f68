/**
 * Garbage-collection pauses of an app started with `--trace-gc-nvp` (StackOptions.nodeFlags),
 * read back from its log file, for a benchmark's window. V8 writes one line per collection
 * to stdout, stamped with milliseconds since the process started:
 * `[<pid>:<isolate>:0]   13542 ms: pause=1.2 mutator=65.3 gc=s … scavenge=1.13 …`.
 * Linux only (the process's start comes from /proc).
 */
import { readFileSync } from 'node:fs';
import { ticksPerSecond } from './process-cpu';
import { startTime } from './processes';

export interface GcPauses {
  /** Young-generation collections (scavenges) and their pauses of the main thread, ms. */
  young: number;
  youngMs: number;
  /** Every other collection (mark-compact, its finalisation), and their pauses, ms. */
  old: number;
  oldMs: number;
}

const LINE = /^\[(\d+):[^\]]*\]\s+([\d.]+) ms: pause=([\d.]+) .*?\bgc=(\w+)/;

/** When a process started, in ms since the epoch (to the kernel's clock tick, 10 ms). */
export function processStartedAt(pid: number): number {
  const startTicks = startTime(pid);
  if (startTicks === undefined) throw new Error(`process ${pid} is not running`);
  const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))![1]);
  return bootSeconds * 1000 + (Number(startTicks) * 1000) / ticksPerSecond();
}

/**
 * The collections of process `pid` whose pause began between `from` and `to` (ms since the
 * epoch), from `logFile`; `startedAt` is `processStartedAt(pid)`, read while it ran.
 */
export function gcPauses(
  logFile: string,
  pid: number,
  startedAt: number,
  window: { from: number; to: number },
): GcPauses {
  const pauses: GcPauses = { young: 0, youngMs: 0, old: 0, oldMs: 0 };
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    const match = LINE.exec(line);
    if (!match || Number(match[1]) !== pid) continue;
    const at = startedAt + Number(match[2]);
    if (at < window.from || at > window.to) continue;
    if (match[4] === 's') {
      pauses.young++;
      pauses.youngMs += Number(match[3]);
    } else {
      pauses.old++;
      pauses.oldMs += Number(match[3]);
    }
  }
  return pauses;
}
