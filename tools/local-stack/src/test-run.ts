import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from './paths';
import { isPostgres, postmasterPid } from './postgres';
import { isAlive, parentPid, sleepSync, startTime, stopProcessSync } from './processes';

/**
 * A test run's folder: everything a Jest process and its workers create on disk (embedded
 * Postgres data, test stacks' S3 objects and logs, anything under `os.tmpdir()`) lives in
 * `<tmp>/inventory-test-<random>/`, next to an `owner.json` naming the process that owns it
 * (pid and start time, so a reused pid is not mistaken for the owner). The owner removes it
 * when the run ends, fails or is interrupted; a folder whose owner is gone (killed with
 * SIGKILL, a machine reset) is removed by the next run that starts.
 */
export const RUN_PREFIX = 'inventory-test-';
/** Folders the test harness made before run folders existed: removed once nothing uses them. */
const OLD_PREFIXES = ['inventory-pg-', 'inventory-stack-', 'catalog-s3-'];
const OWNER_FILE = 'owner.json';

interface Owner {
  pid: number;
  startTime?: string;
}

export function createRunFolder(base = tmpdir()): string {
  const folder = mkdtempSync(join(base, RUN_PREFIX));
  // Embedded Postgres runs as the postgres user when tests run as root: it must get in.
  chmodSync(folder, 0o755);
  const owner: Owner = { pid: process.pid, startTime: startTime(process.pid) };
  writeFileSync(join(folder, OWNER_FILE), `${JSON.stringify(owner)}\n`);
  startWatchdog(folder, owner, base);
  return folder;
}

/**
 * The run's watchdog (run-watchdog.cjs): it cleans up when this process dies without doing
 * it itself (killed outright: Nx ends an interrupted task's whole process tree with SIGTERM
 * and then SIGKILL, before signal handlers get to run). Started through a shell that exits
 * at once, in a session of its own, so it belongs neither to this process's tree nor to its
 * terminal.
 */
function startWatchdog(folder: string, owner: Owner, base: string): void {
  spawnSync(
    '/bin/sh',
    [
      '-c',
      'setsid "$@" </dev/null >/dev/null 2>&1 &',
      'sh',
      process.execPath,
      repoPath('tools/local-stack/run-watchdog.cjs'),
      String(owner.pid),
      owner.startTime ?? '',
      folder,
    ],
    { env: { ...process.env, TMPDIR: base }, stdio: 'ignore' },
  );
}

/**
 * Stops what the run started and deletes its folder, quickly: an interrupted run has only a
 * few seconds (Nx sends SIGTERM to the whole process tree of a task, then SIGKILL). Every
 * Postgres server whose data lives in the folder gets a fast shutdown (immediate after 2 s);
 * every other process started with the folder as its TMPDIR (test stacks' apps and
 * nats-servers, workers) is killed, as nothing of a finished or abandoned run needs to drain;
 * then the folder goes. Synchronous, so it also works in an exit or signal handler; never
 * throws.
 */
export function removeRunFolder(folder: string): void {
  const watchdog = Number(readSafe(join(folder, 'watchdog.pid')));
  if (watchdog && readSafe(`/proc/${watchdog}/cmdline`).includes('run-watchdog')) {
    signal(watchdog, 'SIGKILL');
  }
  for (const dataDir of postgresDataFolders(folder)) {
    const pid = postmasterPid(dataDir);
    if (pid && isAlive(pid) && isPostgres(pid)) stopProcessSync(pid, 'SIGINT', 2_000);
  }
  const started = processesOfRun(folder);
  for (const pid of started) signal(pid, 'SIGKILL');
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      rmSync(folder, { recursive: true, force: true });
      return;
    } catch {
      sleepSync(50); // something was still writing into it
    }
  }
}

/** Processes (not this one) whose environment has TMPDIR set to the run folder. */
function processesOfRun(folder: string): number[] {
  const marker = `TMPDIR=${folder}`;
  const found: number[] = [];
  for (const name of readdirSafe('/proc')) {
    const pid = Number(name);
    if (!pid || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker))
        found.push(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

function readSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** Removes the run folders (and older harness folders) nobody owns any more; returns them. */
export function sweepAbandonedRuns(base = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return removed;
  }
  for (const name of names) {
    const folder = join(base, name);
    const abandoned = name.startsWith(RUN_PREFIX)
      ? !ownerAlive(folder)
      : OLD_PREFIXES.some((prefix) => name.startsWith(prefix)) && oldFolderAbandoned(folder);
    if (!abandoned) continue;
    removeRunFolder(folder);
    removed.push(folder);
  }
  return removed;
}

function ownerAlive(folder: string): boolean {
  let owner: Owner;
  try {
    owner = JSON.parse(readFileSync(join(folder, OWNER_FILE), 'utf8')) as Owner;
  } catch {
    // Being created this instant (the owner file comes right after the folder), or broken.
    return !existsSync(folder) || Date.now() - mtime(folder) < 60_000;
  }
  if (!isAlive(owner.pid)) return false;
  return !owner.startTime || startTime(owner.pid) === owner.startTime;
}

/**
 * A folder from before run folders: abandoned when no Postgres runs in it, or the one that
 * does has lost its parent (it was adopted by init), and nothing touched it for a minute.
 */
function oldFolderAbandoned(folder: string): boolean {
  if (Date.now() - mtime(folder) < 60_000) return false;
  for (const dataDir of postgresDataFolders(folder)) {
    const pid = postmasterPid(dataDir);
    if (pid && isAlive(pid) && isPostgres(pid) && parentPid(pid) !== 1) return false;
  }
  return true;
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Postgres data folders (holding PG_VERSION) in `folder`, up to three levels down. */
function postgresDataFolders(folder: string, depth = 3): string[] {
  if (existsSync(join(folder, 'PG_VERSION'))) return [folder];
  if (depth === 0) return [];
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && !entry.isSymbolicLink())
    .flatMap((entry) => postgresDataFolders(join(folder, entry.name), depth - 1));
}
