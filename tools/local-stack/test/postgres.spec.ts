import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  assertReachable,
  freePort,
  isAlive,
  PostgresStartError,
  startEmbeddedPostgres,
  unreachableFolder,
  waitUntilGone,
} from '../src';

describe('embedded Postgres', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-spec-'));
    chmodSync(dir, 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts on TCP only, answers queries, and is gone after stop', async () => {
    const postgres = await startEmbeddedPostgres({
      dataDir: join(dir, 'data'),
      port: await freePort(),
      durable: false,
    });
    const pid = postgres.pid!;
    try {
      const client = new Client({ connectionString: postgres.adminUrl });
      await client.connect();
      const { rows } = await client.query<{ dirs: string }>(
        "SELECT current_setting('unix_socket_directories') AS dirs",
      );
      await client.end();
      expect(rows[0].dirs).toBe('');
    } finally {
      await postgres.stop();
    }
    expect(isAlive(pid)).toBe(false);
  });

  it('starts over the postmaster.pid of a killed server whose process id another process has now', async () => {
    const dataDir = join(dir, 'data');
    const first = await startEmbeddedPostgres({ dataDir, port: await freePort(), durable: true });
    process.kill(first.pid!, 'SIGKILL');
    await waitUntilGone(first.pid!, 10_000);
    await first.stop();
    // The file as the kill left it, naming a process that is alive and is not Postgres.
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
      lines[0] = String(other.pid);
      writeFileSync(join(dataDir, 'postmaster.pid'), lines.join('\n'));
      const second = await startEmbeddedPostgres({
        dataDir,
        port: await freePort(),
        durable: true,
      });
      try {
        const client = new Client({ connectionString: second.adminUrl });
        await client.connect();
        expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
        await client.end();
      } finally {
        await second.stop();
      }
      expect(isAlive(other.pid!)).toBe(true);
    } finally {
      other.kill('SIGKILL');
    }
  }, 60_000);

  it("says the port is taken, with Postgres's own FATAL line and the variable to change", async () => {
    const port = await freePort();
    const blocker: Server = await new Promise((resolve) => {
      const server = createServer();
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
    try {
      const started = startEmbeddedPostgres({
        dataDir: join(dir, 'data'),
        port,
        durable: false,
        portVariable: 'POSTGRES_PORT',
      });
      await expect(started).rejects.toThrow(PostgresStartError);
      const message = await started.catch((error: Error) => error.message);
      expect(message).toContain('FATAL:  could not create any TCP/IP sockets');
      expect(message).toContain(`port ${port} is taken`);
      expect(message).toContain('set POSTGRES_PORT to another port');
    } finally {
      blocker.close();
    }
  });

  it('names the folder the postgres user may not enter, and what to do', () => {
    const closed = join(dir, 'home');
    mkdirSync(join(closed, 'clone'), { recursive: true });
    chmodSync(closed, 0o700);
    const other = { uid: 54321, gid: 54321, groups: [54321] };
    expect(unreachableFolder(join(closed, 'clone', 'data'), other)).toEqual({
      folder: closed,
      mode: 0o700,
    });
    expect(() => assertReachable(join(closed, 'clone', 'data'), other)).toThrow(
      `may not enter ${closed} (mode 0700)`,
    );
    chmodSync(closed, 0o711);
    expect(unreachableFolder(join(closed, 'clone', 'data'), other)).toBeUndefined();
  });
});
