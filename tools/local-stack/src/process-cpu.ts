/**
 * CPU time of processes, read from /proc/<pid>/stat (utime + stime, and cutime + cstime: the
 * children a process waited for), for the per-process cost of a benchmark run, and their
 * resident memory. Linux only.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Client } from 'pg';

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export const ticksPerSecond = () => TICKS_PER_SECOND;

/** CPU milliseconds a process has used so far (itself and its reaped children); undefined once gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** A process's resident memory in KiB (VmRSS of /proc/<pid>/status); undefined once gone. */
export function residentKiB(pid: number): number | undefined {
  try {
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return rss ? Number(rss[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The processes whose parent is `pid` (a postmaster's backends and workers, a stack's apps). */
export function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((child) => {
      try {
        const text = readFileSync(`/proc/${child}/stat`, 'utf8');
        return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    });
}

/** The Postgres backends serving the database `db` is connected to, `db`'s own left out. */
export async function databaseBackends(db: Client, applicationName?: string): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()
        AND ($1::text IS NULL OR application_name = $1)`,
    [applicationName ?? null],
  );
  return rows.map((row) => row.pid);
}

/** A process group to account for: fixed pids, or pids found again at each edge (Postgres backends). */
export interface CpuGroup {
  name: string;
  pids: () => number[] | Promise<number[]>;
}

export interface CpuFigure {
  name: string;
  ms: number;
  /** Processes that were gone at the end (their last part is missing) or new (counted from 0). */
  note?: string;
}

/**
 * CPU used by each group between `start()` and `end()`. A pid seen only at the end is counted
 * from zero (it started in the window); one seen only at the start is reported as gone.
 */
export function cpuWindow(groups: CpuGroup[]) {
  const before = new Map<string, Map<number, number>>();
  const read = async () => {
    const result = new Map<string, Map<number, number>>();
    for (const group of groups) {
      const times = new Map<number, number>();
      for (const pid of await group.pids()) {
        const ms = cpuMs(pid);
        if (ms !== undefined) times.set(pid, ms);
      }
      result.set(group.name, times);
    }
    return result;
  };
  return {
    async start(): Promise<void> {
      for (const [name, times] of await read()) before.set(name, times);
    },
    async end(): Promise<CpuFigure[]> {
      const after = await read();
      return groups.map(({ name }) => {
        const start = before.get(name) ?? new Map<number, number>();
        const end = after.get(name) ?? new Map<number, number>();
        let ms = 0;
        let added = 0;
        for (const [pid, value] of end) {
          if (!start.has(pid)) added++;
          ms += value - (start.get(pid) ?? 0);
        }
        const gone = [...start.keys()].filter((pid) => !end.has(pid)).length;
        const notes = [gone && `${gone} gone during the run`, added && `${added} new`].filter(
          Boolean,
        );
        return { name, ms, ...(notes.length ? { note: notes.join(', ') } : {}) };
      });
    },
  };
}

/**
 * Follows processes that live only for one run (pgbench's backends) by reading them every
 * `intervalMs` and keeping each one's last value: what they used after the last read is
 * missed (at most one interval of their work).
 */
export function followProcesses(find: () => Promise<number[]>, intervalMs = 100) {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let stopped = false;
  let findings = Promise.resolve();
  const tick = async () => {
    const pids = await find().catch(() => [] as number[]);
    for (const pid of pids) {
      const ms = cpuMs(pid);
      if (ms === undefined) continue;
      if (!first.has(pid)) first.set(pid, 0); // each started with the run
      last.set(pid, ms);
    }
  };
  const timer = setInterval(() => {
    if (!stopped) findings = findings.then(tick);
  }, intervalMs);
  return {
    /** Stops following; the CPU milliseconds every process seen used, and how many there were. */
    async stop(): Promise<{ ms: number; processes: number }> {
      stopped = true;
      clearInterval(timer);
      await findings;
      let ms = 0;
      for (const [pid, value] of last) ms += value - (first.get(pid) ?? 0);
      return { ms, processes: last.size };
    },
  };
}

/** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them. */
export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
  }
}
