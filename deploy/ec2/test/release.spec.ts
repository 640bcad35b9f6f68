import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { get } from 'node:http';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '@inventory/local-stack';
import { INSTANCE_DIR, SCRIPTS_DIR, run, tool } from './support/tools';

// The release script's health-check-and-rollback logic against local processes: artifacts
// packed by pack-release.sh from fake checkouts whose four "apps" are tiny HTTP servers,
// installed by the real `npm ci --omit=dev`, started by a fake process manager
// (support/fake-process-manager.sh) instead of systemd.

const APPS = ['gateway', 'catalog-service', 'stock-service', 'notification-service'] as const;
type App = (typeof APPS)[number];
const RESTART_ORDER: App[] = [
  'catalog-service',
  'stock-service',
  'notification-service',
  'gateway',
];

interface Behaviour {
  /** /health status per app (200 when not given). */
  status?: Partial<Record<App, number>>;
  /** Apps that exit at once when started. */
  crash?: App[];
  /** The app whose migration fails. */
  migrateFails?: App;
}

let root: string;
let home: string;
let state: string;
let artifacts: string;
let env: NodeJS.ProcessEnv;
const ports = {} as Record<App, number>;

beforeAll(async () => {
  tool('curl');
  root = mkdtempSync(join(tmpdir(), 'inventory-release-'));
  home = join(root, 'home');
  state = join(root, 'state');
  artifacts = join(root, 'artifacts');
  for (const dir of [home, state, artifacts]) mkdirSync(dir);
  const manager = join(__dirname, 'support/fake-process-manager.sh');
  chmodSync(manager, 0o755);
  env = {
    ...process.env,
    INVENTORY_HOME: home,
    INVENTORY_USER: userInfo().username,
    INVENTORY_PROCESS_MANAGER: manager,
    INVENTORY_HEALTH_TIMEOUT: '4',
    INVENTORY_HEALTH_PASSES: '3',
    INVENTORY_HEALTH_INTERVAL: '0.2',
    INVENTORY_KEEP_RELEASES: '3',
    INVENTORY_DEPLOY_LOG: join(root, 'deploy.log'),
    INVENTORY_CONSOLE_DIR: join(root, 'www/inventory-console'),
    FAKE_PM_STATE: state,
    FAKE_NODE: process.execPath,
    // npm must find node: the same one that runs these tests.
    PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
  };
  for (const app of APPS) {
    ports[app] = await freePort();
    writeFileSync(join(state, `${app}.port`), String(ports[app]));
    env[`INVENTORY_HEALTH_URL_${app.toUpperCase().replace(/-/g, '_')}`] =
      `http://127.0.0.1:${ports[app]}/health`;
  }
});

afterAll(() => {
  for (const app of APPS) {
    const pidFile = join(state, `${app}.pid`);
    if (existsSync(pidFile)) {
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  rmSync(root, { recursive: true, force: true });
});

/** A checkout as the build leaves it (plus sources and node_modules the artifact must not carry). */
function fakeCheckout(id: string, behaviour: Behaviour): string {
  const repo = join(root, `repo-${id}`);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  write(
    'package.json',
    JSON.stringify({
      name: 'fake-inventory',
      version: '1.0.0',
      private: true,
      workspaces: ['libs/*'],
    }),
  );
  write(
    'package-lock.json',
    JSON.stringify({
      name: 'fake-inventory',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'fake-inventory', version: '1.0.0', workspaces: ['libs/*'] },
        'libs/behaviour': { name: '@fake/behaviour', version: '1.0.0' },
        'node_modules/@fake/behaviour': { resolved: 'libs/behaviour', link: true },
      },
    }),
  );
  write(
    'libs/behaviour/package.json',
    JSON.stringify({ name: '@fake/behaviour', version: '1.0.0', main: 'dist/index.js' }),
  );
  write(
    'libs/behaviour/dist/index.js',
    `module.exports = ${JSON.stringify({ release: id, ...behaviour })};\n`,
  );
  write('libs/behaviour/dist/index.d.ts', 'export {};\n');
  write('libs/behaviour/src/index.ts', 'export {};\n');
  write('node_modules/left-over/index.js', '\n');
  write(
    'apps/web/dist/index.html',
    `<!doctype html><script src="/assets/index-${id}.js"></script>`,
  );
  write(`apps/web/dist/assets/index-${id}.js`, `console.log(${JSON.stringify(id)});\n`);
  write('apps/web/dist/favicon.svg', '<svg/>');
  for (const app of APPS) {
    const appName = `require('node:path').basename(require('node:path').dirname(__dirname))`;
    write(
      `apps/${app}/dist/main.js`,
      [
        "const http = require('node:http');",
        "const behaviour = require('@fake/behaviour');",
        `const app = ${appName};`,
        'if ((behaviour.crash ?? []).includes(app)) {',
        '  console.error(`${app} of ${behaviour.release} crashes at start`);',
        '  process.exit(1);',
        '}',
        'const status = (behaviour.status ?? {})[app] ?? 200;',
        'http',
        '  .createServer((req, res) => {',
        "    res.writeHead(req.url === '/health' ? status : 404, { 'content-type': 'application/json' });",
        '    res.end(JSON.stringify({ app, release: behaviour.release }));',
        '  })',
        "  .listen(Number(process.env.PORT), '127.0.0.1');",
        "process.on('SIGTERM', () => process.exit(0));",
        '',
      ].join('\n'),
    );
    write(
      `apps/${app}/dist/migrate.js`,
      [
        "const behaviour = require('@fake/behaviour');",
        `const app = ${appName};`,
        "require('node:fs').appendFileSync(`${process.env.FAKE_PM_STATE}/migrations.log`, `${behaviour.release} ${app}\\n`);",
        'if (behaviour.migrateFails === app) {',
        '  console.error(`migration of ${app} failed`);',
        '  process.exit(1);',
        '}',
        '',
      ].join('\n'),
    );
    write(`apps/${app}/src/main.ts`, 'export {};\n');
  }
  return repo;
}

/** pack-release.sh on a fake checkout: the artifact's path. */
function pack(id: string, behaviour: Behaviour = {}): string {
  const repo = fakeCheckout(id, behaviour);
  const packed = run(
    'bash',
    [join(SCRIPTS_DIR, 'pack-release.sh'), '--out', artifacts, '--id', id],
    {
      env: { ...env, INVENTORY_REPO: repo },
    },
  );
  expect(packed.stderr).toBe('');
  expect(packed.status).toBe(0);
  return packed.stdout.trim();
}

const release = (...args: string[]) =>
  run('bash', [join(INSTANCE_DIR, 'release.sh'), ...args], { env, timeoutMs: 180_000 });

const current = () => readlinkSync(join(home, 'current'));
const previous = () => readlinkSync(join(home, 'previous'));

/** Calls to the process manager since `from` lines. */
function calls(from = 0): string[] {
  const file = join(state, 'calls.log');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').slice(from) : [];
}

/** What an app answers on /health now (a fresh connection each time: apps get restarted). */
function answer(app: App): Promise<{ status: number; release?: string }> {
  return new Promise((resolve) => {
    get(`http://127.0.0.1:${ports[app]}/health`, { agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, release: JSON.parse(body).release as string }),
      );
    }).on('error', () => resolve({ status: 0 }));
  });
}

const restarts = (release: string) => RESTART_ORDER.map((app) => `restart ${app} ${release}`);

describe('pack-release.sh', () => {
  it('packs manifests, lock file and dist folders, no sources, no node_modules, no typings', () => {
    const artifact = pack('20260101000000-aaaaaaa');
    expect(artifact).toBe(join(artifacts, 'inventory-20260101000000-aaaaaaa.tar.gz'));
    const listing = run(tool('tar'), ['-tzf', artifact]).stdout.trim().split('\n').sort();
    expect(listing.filter((entry) => !entry.endsWith('/'))).toEqual(
      [
        './RELEASE',
        './libs/behaviour/dist/index.js',
        './libs/behaviour/package.json',
        './package-lock.json',
        './package.json',
        './apps/web/dist/index.html',
        './apps/web/dist/favicon.svg',
        './apps/web/dist/assets/index-20260101000000-aaaaaaa.js',
        ...APPS.flatMap((app) => [`./apps/${app}/dist/main.js`, `./apps/${app}/dist/migrate.js`]),
      ].sort(),
    );
    const release = run(tool('tar'), ['-xzf', artifact, '-O', './RELEASE']).stdout;
    expect(release).toMatch(/^RELEASE_ID=20260101000000-aaaaaaa\nGIT_COMMIT=\w+\nBUILT_AT=\d{4}-/);
  });

  it('refuses a checkout that was not built', () => {
    const repo = fakeCheckout('unbuilt', {});
    rmSync(join(repo, 'apps/stock-service/dist'), { recursive: true });
    const packed = run(
      'bash',
      [join(SCRIPTS_DIR, 'pack-release.sh'), '--out', artifacts, '--id', 'x'],
      {
        env: { ...env, INVENTORY_REPO: repo },
      },
    );
    expect(packed.status).toBe(1);
    expect(packed.stderr).toContain('apps/stock-service/dist/main.js is missing: build first');
  });
});

describe('inventory-release', () => {
  const A = '20260101000000-aaaaaaa';
  const B = '20260102000000-bbbbbbb';
  const C = '20260103000000-ccccccc';
  const D = '20260104000000-ddddddd';
  const E = '20260105000000-eeeeeee';

  it('installs the first release, migrates it before any restart, and makes it live', async () => {
    const result = release('activate', pack(A));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`release ${A} is live`);
    expect(current()).toBe(`releases/${A}`);
    expect(calls()).toEqual([`migrate ${A}`, ...restarts(A)]);
    expect(readFileSync(join(state, 'migrations.log'), 'utf8').trim().split('\n')).toEqual(
      APPS.map((app) => `${A} ${app}`),
    );
    // npm ci --omit=dev linked the workspace the apps require.
    expect(
      lstatSync(join(home, 'releases', A, 'node_modules/@fake/behaviour')).isSymbolicLink(),
    ).toBe(true);
    for (const app of APPS) expect(await answer(app)).toEqual({ status: 200, release: A });
    // Its web console is what nginx serves now.
    expect(readFileSync(join(root, 'www/inventory-console/index.html'), 'utf8')).toContain(
      `/assets/index-${A}.js`,
    );
    expect(existsSync(join(root, `www/inventory-console/assets/index-${A}.js`))).toBe(true);
  });

  it('rolls back to the previous release when the new gateway answers 503', async () => {
    const before = calls().length;
    const result = release('activate', pack(B, { status: { gateway: 503 } }));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`release ${B} failed its health checks: rolling back to ${A}`);
    expect(result.stdout).toContain(`rolled back: ${A} is live again`);
    expect(current()).toBe(`releases/${A}`);
    expect(calls(before)).toEqual([`migrate ${B}`, ...restarts(B), ...restarts(A)]);
    for (const app of APPS) expect(await answer(app)).toEqual({ status: 200, release: A });
    // The failed release's console was never published.
    expect(readFileSync(join(root, 'www/inventory-console/index.html'), 'utf8')).toContain(
      `/assets/index-${A}.js`,
    );
    // The failed release stays installed for inspection.
    expect(existsSync(join(home, 'releases', B, 'apps/gateway/dist/main.js'))).toBe(true);
  });

  it('stops at the first app that does not come up and rolls back what it restarted', async () => {
    const before = calls().length;
    const result = release('activate', pack(C, { crash: ['catalog-service'] }));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /catalog-service not healthy after 4s at http:\/\/127\.0\.0\.1:\d+\/health: /,
    );
    expect(current()).toBe(`releases/${A}`);
    // Stock, notification and gateway never ran C.
    expect(calls(before)).toEqual([`migrate ${C}`, `restart catalog-service ${C}`, ...restarts(A)]);
    for (const app of APPS) expect(await answer(app)).toEqual({ status: 200, release: A });
  });

  it('switches nothing and restarts nothing when migrations fail', async () => {
    const before = calls().length;
    const result = release('activate', pack(D, { migrateFails: 'stock-service' }));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`migrations of ${D} failed`);
    expect(result.stdout).toContain(`release ${D} not installed; current is still ${A}`);
    expect(current()).toBe(`releases/${A}`);
    expect(calls(before)).toEqual([`migrate ${D}`]);
    expect(existsSync(join(home, 'releases', D))).toBe(false);
    expect(await answer('gateway')).toEqual({ status: 200, release: A });
  });

  it('ships and activates a good release through deploy.sh, then rolls back on request', async () => {
    const remote = join(root, 'remote-tmp');
    mkdirSync(remote);
    const sshLog = join(root, 'ssh.log');
    // "ssh" and "scp" that run on this machine, as the instance would.
    const fakeSsh = join(root, 'ssh');
    writeFileSync(fakeSsh, `#!/usr/bin/env bash\necho "$*" >> ${sshLog}\nshift\nbash -c "$*"\n`);
    const fakeScp = join(root, 'scp');
    writeFileSync(fakeScp, '#!/usr/bin/env bash\ncp "$1" "${2#*:}"\n');
    chmodSync(fakeSsh, 0o755);
    chmodSync(fakeScp, 0o755);

    const artifact = pack(E);
    const before = calls().length;
    const deployed = run(
      'bash',
      [join(SCRIPTS_DIR, 'deploy.sh'), '--host', 'ubuntu@inventory.test', '--artifact', artifact],
      {
        env: {
          ...env,
          DEPLOY_SSH: fakeSsh,
          DEPLOY_SCP: fakeScp,
          DEPLOY_REMOTE_RELEASE: `bash ${join(INSTANCE_DIR, 'release.sh')}`,
          DEPLOY_REMOTE_DIR: remote,
        },
        timeoutMs: 180_000,
      },
    );
    expect(deployed.stderr).toBe('');
    expect(deployed.status).toBe(0);
    expect(deployed.stdout).toContain(
      `deploy: inventory-${E}.tar.gz is live on ubuntu@inventory.test`,
    );
    expect(readFileSync(sshLog, 'utf8')).toContain(
      `ubuntu@inventory.test bash ${join(INSTANCE_DIR, 'release.sh')} activate ${remote}/inventory-${E}.tar.gz`,
    );
    expect(readdirSync(remote)).toEqual([]);
    expect(current()).toBe(`releases/${E}`);
    expect(previous()).toBe(`releases/${A}`);
    expect(calls(before)).toEqual([`migrate ${E}`, ...restarts(E)]);
    expect(await answer('gateway')).toEqual({ status: 200, release: E });

    // Rollback goes to the release that was live before (A), not to the failed B or C.
    const rolled = release('rollback');
    expect(rolled.status).toBe(0);
    expect(current()).toBe(`releases/${A}`);
    expect(previous()).toBe(`releases/${E}`);
    for (const app of APPS) expect(await answer(app)).toEqual({ status: 200, release: A });
  });

  it('keeps the newest releases and never removes current or previous', () => {
    // KEEP_RELEASES=3: A (current), B, C, E (previous) are installed; the next activation
    // prunes down to three, dropping the oldest that is neither current nor previous.
    const F = '20260106000000-fffffff';
    expect(release('activate', pack(F)).status).toBe(0);
    const installed = readdirSync(join(home, 'releases')).sort();
    expect(installed).toEqual([A, E, F]);
    expect(current()).toBe(`releases/${F}`);
    expect(previous()).toBe(`releases/${A}`);
    const listed = release('list').stdout;
    expect(listed).toBe(`  ${A} (previous)\n  ${E}\n* ${F} (current)\n`);
  });

  it('refuses to install the same release twice and a second deploy running at once', () => {
    const again = release('activate', join(artifacts, `inventory-${A}.tar.gz`));
    expect(again.status).toBe(1);
    expect(again.stdout).toContain(`release ${A} is installed already`);

    const holder = run(
      'bash',
      [
        '-c',
        `exec 9>"${home}/.deploy.lock"; flock 9; bash ${join(INSTANCE_DIR, 'release.sh')} restart; echo "exit=$?"`,
      ],
      { env },
    );
    expect(holder.stdout).toContain('another inventory-release is running');
    expect(holder.stdout).toContain('exit=1');
  });
});
