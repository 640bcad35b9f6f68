import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSTANCE_DIR, SCRIPTS_DIR, run, tool } from './support/tools';

// The instance files checked with the system tools that read them on the server
// (systemd-analyze, shellcheck, logrotate): `npm run test:deploy-tools`.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inventory-instance-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('systemd units', () => {
  const systemdAnalyze = tool('systemd-analyze');

  /** The units with /usr/bin/node pointing at this machine's node (verify checks it exists). */
  function units(transform: (text: string) => string = (text) => text): string {
    for (const file of readdirSync(join(INSTANCE_DIR, 'systemd'))) {
      const text = readFileSync(join(INSTANCE_DIR, 'systemd', file), 'utf8');
      writeFileSync(join(dir, file), transform(text.replaceAll('/usr/bin/node', process.execPath)));
    }
    symlinkSync('inventory@.service', join(dir, 'inventory@gateway.service'));
    symlinkSync(
      'inventory-migrate@.service',
      join(dir, 'inventory-migrate@20261124183000-95ea2f4.service'),
    );
    return dir;
  }

  const verify = (unitDir: string) =>
    run(systemdAnalyze, [
      'verify',
      '--man=no',
      join(unitDir, 'inventory@gateway.service'),
      join(unitDir, 'inventory-migrate@20261124183000-95ea2f4.service'),
      join(unitDir, 'inventory.target'),
    ]);

  it('pass systemd-analyze verify without a single warning', () => {
    const result = verify(units());
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('are checked for real: a misspelt setting is reported', () => {
    const result = verify(units((text) => text.replace('Restart=on-failure', 'Restart=sometimes')));
    expect(result.output).toMatch(/Failed to parse service restart specifier, ignoring: sometimes/);
  });
});

describe('shell scripts', () => {
  it('pass shellcheck', () => {
    const scripts = [
      ...readdirSync(INSTANCE_DIR)
        .filter((f) => f.endsWith('.sh'))
        .map((f) => join(INSTANCE_DIR, f)),
      ...readdirSync(SCRIPTS_DIR).map((f) => join(SCRIPTS_DIR, f)),
    ];
    expect(scripts.length).toBeGreaterThanOrEqual(6);
    const result = run(tool('shellcheck'), ['--severity=style', ...scripts]);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('log rotation', () => {
  it('is a valid logrotate configuration that rotates the deploy log', () => {
    const logs = join(dir, 'logs');
    mkdirSync(logs);
    writeFileSync(join(logs, 'deploy.log'), 'a line\n');
    const conf = join(dir, 'inventory');
    writeFileSync(
      conf,
      readFileSync(join(INSTANCE_DIR, 'logrotate/inventory'), 'utf8')
        .replace('/var/log/inventory/', `${logs}/`)
        .replace('create 0640 root adm', 'create 0640'),
    );
    const result = run(tool('logrotate'), [
      '--debug',
      '--force',
      '--state',
      join(dir, 'state'),
      conf,
    ]);
    expect(result.status).toBe(0);
    expect(result.output).toContain(`rotating pattern: ${logs}/*.log`);
    expect(result.output).toMatch(/renaming .*deploy\.log to .*deploy\.log\.1/);
    expect(result.output).not.toMatch(/error/i);
  });
});
