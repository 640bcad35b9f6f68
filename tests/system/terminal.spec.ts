import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_NAMES, freePort, isAlive, REPO_ROOT } from '@inventory/local-stack';
import { eventually } from './support';

/**
 * `npm start` the way a newcomer runs it: in a terminal (a real pseudo-terminal, from
 * util-linux `script`), in a clean copy of the repository (no Nx cache, no .data, no
 * answers to any tool's questions), with no CI variables, then Ctrl-C typed into that
 * terminal, which the kernel turns into SIGINT for the whole foreground process group.
 */
describe('npm start in a terminal', () => {
  let clone: string;
  let terminal: ChildProcess | undefined;
  let output = '';

  beforeAll(() => {
    clone = join(tmpdir(), `clean-clone-${process.pid}`);
    mkdirSync(clone);
  });

  afterAll(() => {
    if (terminal && terminal.exitCode === null) terminal.kill('SIGKILL');
    rmSync(clone, { recursive: true, force: true });
  });

  it('asks nothing, starts, and stops in order on Ctrl-C with every app draining', async () => {
    // The working tree's files as git sees them (no build output, caches or data), and the
    // installed dependencies: what a fresh clone has after `npm ci`.
    copyWorkingTree(clone);
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'));
    const ports = {
      PORT: await freePort(),
      POSTGRES_PORT: await freePort(),
      S3_PORT: await freePort(),
      SQS_PORT: await freePort(),
      SES_PORT: await freePort(),
      CATALOG_BUS_PORT: await freePort(),
      STOCK_BUS_PORT: await freePort(),
      NOTIFICATION_BUS_PORT: await freePort(),
      CATALOG_HEALTH_PORT: await freePort(),
      STOCK_HEALTH_PORT: await freePort(),
      NOTIFICATION_HEALTH_PORT: await freePort(),
    };
    // A person's terminal: no CI, no Nx switches, no database or AWS endpoints given.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
    };
    terminal = spawn('script', ['-qfec', 'npm start', '/dev/null'], {
      cwd: clone,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => terminal!.once('exit', resolve));
    terminal.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    terminal.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

    await eventually(
      'the summary in the terminal',
      async () => {
        if (terminal!.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
        return output.includes('Electronic Inventory is up');
      },
      300_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- terminal ---\n${output.slice(-4000)}`);
    });
    expect(output).not.toMatch(/Share usage data|Install Nx Console|\(y\/N\)|Yes\s*\/\s*No/i);

    const postgresPid = Number(
      readFileSync(join(clone, '.data', 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const appPids = processesRunning(join(clone, 'apps'));
    expect(appPids).toHaveLength(APP_NAMES.length);

    terminal.stdin!.write('\x03'); // Ctrl-C
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      exited,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`still running:\n${output.slice(-3000)}`)),
          60_000,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    terminal.stdin!.end();

    expect(output).toContain('SIGINT: stopping every service');
    expect(output).toMatch(/local stack │ stopped/);
    for (const app of APP_NAMES) {
      const lines = readFileSync(join(clone, '.data', 'logs', `${app}.log`), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { event?: string; signal?: string });
      expect(lines.filter((line) => line.event === 'app.stop_forced')).toEqual([]);
      expect(lines.filter((line) => line.event === 'app.stopping')).toHaveLength(1);
      expect(lines.at(-1)).toMatchObject({ event: 'app.stopped', signal: 'SIGTERM' });
    }
    for (const pid of [...appPids, postgresPid]) expect(isAlive(pid)).toBe(false);
  }, 420_000);
});

function copyWorkingTree(target: string): void {
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: REPO_ROOT,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  execFileSync(
    'bash',
    ['-c', `tar -c --null --ignore-failed-read -T - -f - | tar -x -f - -C "${target}"`],
    {
      cwd: REPO_ROOT,
      input: files,
      stdio: ['pipe', 'ignore', 'ignore'],
    },
  );
}

/** Processes whose command line names a file under `folder` (the apps of that clone). */
function processesRunning(folder: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`${folder}/`);
      } catch {
        return false;
      }
    })
    .map(Number);
}
