import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';
import {
  dropDatabase,
  ensureDatabase,
  startEmbeddedPostgres,
  type PostgresHandle,
} from './postgres';

let embedded: Promise<PostgresHandle> | undefined;

/**
 * The Postgres server tests use: DATABASE_URL when set (CI points it at the machine's
 * Postgres), otherwise one embedded server per test process.
 */
export async function testPostgresServer(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  embedded ??= (async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inventory-pg-'));
    const handle = await startEmbeddedPostgres({ dataDir, port: await freePort(), durable: false });
    process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
    return handle;
  })();
  return (await embedded).adminUrl;
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

/** Stops the embedded server started for this test process, if any. */
export async function stopTestPostgres(): Promise<void> {
  if (!embedded) return;
  const handle = await embedded;
  embedded = undefined;
  await handle.stop();
}
