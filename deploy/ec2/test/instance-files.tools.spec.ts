import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSTANCE_DIR, SCRIPTS_DIR, run, tool } from './support/tools';

// The instance files checked with the system tools that read them on the server
// (systemd-analyze, shellcheck, logrotate, systemd's environment file parser):
// `npm run test:deploy-tools`.
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

describe('the environment file inventory-env writes', () => {
  /**
   * systemd's parser of environment files (parse_env_file_internal: quotes, escapes,
   * comments), the one behind EnvironmentFile=, as the environment.d generator runs it. That
   * generator also expands $VARIABLES and drops empty values, which EnvironmentFile= does
   * not: the values here have no $ and none is empty.
   */
  const generator =
    '/usr/lib/systemd/user-environment-generators/30-systemd-environment-d-generator';

  /** The AWS CLI as inventory-env calls it: the settings parameter, then the secrets. */
  function fakeAws(settings: string[], secrets: Record<string, string>): string {
    writeFileSync(join(dir, 'parameter.txt'), settings.join('\n'));
    const arms = Object.entries(secrets).map(([name, value]) => {
      writeFileSync(join(dir, `${name}.secret`), value);
      return `  *"--secret-id "*${name}*) cat ${dir}/${name}.secret ;;`;
    });
    const fake = join(dir, 'aws');
    writeFileSync(
      fake,
      [
        '#!/usr/bin/env bash',
        'case "$*" in',
        `  "ssm get-parameter"*) cat ${dir}/parameter.txt ;;`,
        ...arms,
        '  *) echo "unexpected call: $*" >&2; exit 254 ;;',
        'esac',
        '',
      ].join('\n'),
    );
    chmodSync(fake, 0o755);
    writeFileSync(
      join(dir, 'stack.conf'),
      'AWS_REGION=eu-central-1\nSTACK_PARAMETER=/inventory/prod/stack-env\n',
    );
    return fake;
  }

  /** KEY=value lines as the generator prints them (values it quoted, unquoted again). */
  function parsePrinted(text: string): Record<string, string> {
    const values: Record<string, string> = {};
    for (const line of text.split('\n')) {
      const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
      if (!match) continue;
      const raw = match[2];
      values[match[1]] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    }
    return values;
  }

  it('hands the SMTP password and settings to systemd exactly as the secret holds them', () => {
    expect(existsSync(generator)).toBe(true);
    const smtpPassword = `BHx9 "quoted" 'single' \\back\\slash #not-a-comment ;semi %p=+/`;
    const aws = fakeAws(
      [
        'AWS_REGION=eu-central-1',
        'PUBLIC_URL=https://inventory.example.com',
        'CORS_ORIGINS=http://localhost:5173',
        'ALERT_RECIPIENTS=stores@example.com',
        'QUEUE_PREFIX=prod-',
        'S3_BUCKET=inventory-prod-media',
        'SES_FROM=alerts@inventory.example.com',
        'CLOUDWATCH_LOG_GROUP=/aws/inventory-app',
        'METRICS_NAMESPACE=ElectronicInventory',
        'DB_HOST=db.example.internal',
        'DB_PORT=5432',
        'DB_NAME=inventory',
        'DB_SECRET_ARN=arn:aws:secretsmanager:eu-central-1:1:secret:inventory/prod/database-A',
        'JWT_SECRET_ARN=arn:aws:secretsmanager:eu-central-1:1:secret:inventory/prod/jwt-B',
        'EMAIL_DRIVER=smtp',
        'SMTP_URL=smtps://smtp.example.com:465',
        'SMTP_USER=alerts@example.com',
        'SMTP_CA_FILE=/etc/inventory/smtp-ca.pem',
        'SMTP_PASSWORD_SECRET_ARN=arn:aws:secretsmanager:eu-central-1:1:secret:inventory/prod/smtp-C',
      ],
      {
        database: JSON.stringify({ username: 'inventory', password: 'db password' }),
        jwt: 'j'.repeat(64),
        smtp: smtpPassword,
      },
    );
    const rendered = run(process.execPath, [join(INSTANCE_DIR, 'inventory-env.mjs')], {
      env: { ...process.env, INVENTORY_ETC: dir, INVENTORY_AWS: aws },
    });
    expect(rendered.output).toContain('inventory-env: wrote');
    expect(rendered.status).toBe(0);

    const config = join(dir, 'config');
    mkdirSync(join(config, 'environment.d'), { recursive: true });
    writeFileSync(
      join(config, 'environment.d', '50-inventory.conf'),
      readFileSync(join(dir, 'inventory.env'), 'utf8'),
    );
    const parsed = run(generator, [], {
      env: {
        PATH: '/usr/bin:/bin',
        HOME: join(dir, 'home'),
        XDG_CONFIG_HOME: config,
        XDG_CONFIG_DIRS: join(dir, 'none'),
      },
    });
    expect(parsed.stderr).toBe('');
    expect(parsed.status).toBe(0);
    expect(parsePrinted(parsed.stdout)).toEqual(
      expect.objectContaining({
        EMAIL_DRIVER: 'smtp',
        SMTP_URL: 'smtps://smtp.example.com:465',
        SMTP_USER: 'alerts@example.com',
        SMTP_PASSWORD: smtpPassword,
        SMTP_CA_FILE: '/etc/inventory/smtp-ca.pem',
        SES_FROM: 'alerts@inventory.example.com',
        JWT_SECRET: 'j'.repeat(64),
      }),
    );
  });
});
