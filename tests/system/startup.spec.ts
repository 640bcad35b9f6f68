import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';
import { promisify } from 'node:util';
import {
  appScript,
  assertPortsFree,
  createTestDatabase,
  freePort,
  freeStackPortEnv,
  PortInUseError,
  repoPath,
  type TestDatabase,
} from '@inventory/local-stack';

const run = promisify(execFile);

async function start(app: 'gateway' | 'stock', env: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run(process.execPath, [appScript(app, 'main')], {
      env: { PATH: process.env.PATH, ...env },
      timeout: 20_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

function occupy(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}

describe('starting an app with a bad environment', () => {
  it('stops a production service at boot with one line naming each missing variable', async () => {
    const result = await start('stock', { NODE_ENV: 'production' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'stock-service: Invalid configuration for stock-service: DATABASE_URL is missing',
    ]);
  });

  it('names a malformed variable without printing its value', async () => {
    const result = await start('gateway', {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@localhost/db',
      JWT_SECRET: 'too-short-secret',
      PUBLIC_URL: 'not a url',
      PORT: 'eighty',
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('JWT_SECRET must be at least 32 characters');
    expect(lines[0]).toContain('PORT must be an integer');
    expect(lines[0]).toContain('PUBLIC_URL must be an http(s) URL');
    expect(lines[0]).not.toContain('too-short-secret');
  });

  it('says which database it cannot reach', async () => {
    const result = await start('stock', {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      LOG_LEVEL: 'silent',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot use the database 127.0.0.1:1');
    expect(result.stderr).toContain('check DATABASE_URL');
  }, 60_000);

  it('names the port that is already taken instead of printing a stack trace', async () => {
    const port = await freePort();
    const blocker = await occupy(port);
    const database: TestDatabase = await createTestDatabase('startup');
    try {
      const result = await start('stock', {
        DATABASE_URL: database.url,
        HEALTH_PORT: String(port),
        BUS_PORT: String(await freePort()),
        LOG_LEVEL: 'silent',
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${port} (HEALTH_PORT) is already in use`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
      await database.drop();
    }
  });

  it('the local stack refuses to start on a taken port and names its variable', async () => {
    const port = await freePort();
    const blocker = await occupy(port);
    try {
      await expect(assertPortsFree({ PORT: port })).rejects.toThrow(PortInUseError);
      await expect(assertPortsFree({ PORT: port })).rejects.toThrow(
        `Port ${port} (PORT) is already in use`,
      );
    } finally {
      blocker.close();
    }
  });

  it("npm start prints Postgres's own FATAL line when embedded Postgres cannot start", async () => {
    // A data folder Postgres refuses (written by a version that does not exist).
    const dataDir = mkdtempSync(join(tmpdir(), 'stack-fatal-'));
    chmodSync(dataDir, 0o755);
    mkdirSync(join(dataDir, 'postgres'), { mode: 0o700 });
    writeFileSync(join(dataDir, 'postgres', 'PG_VERSION'), '7\n');
    writeFileSync(join(dataDir, 'postgres', 'postgresql.conf'), '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      ...(await freeStackPortEnv()),
    };
    try {
      const result = await run(process.execPath, [repoPath('tools/local-stack/dist/main.js')], {
        env,
        timeout: 60_000,
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^local stack: embedded Postgres did not start: FATAL: {2}database files are incompatible with server/,
      );
      expect(lines[0]).toContain(
        'DETAIL:  The data directory was initialized by PostgreSQL version 7',
      );
      expect(lines[0]).toContain(`see ${join(dataDir, 'postgres', 'server.log')}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
