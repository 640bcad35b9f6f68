import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
