import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'pg-connection-string';
import { INSTANCE_DIR, run, tool } from './support/tools';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inventory-instance-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('systemd units', () => {
  it('run each app from the current release as the inventory user, restarted on failure', () => {
    const unit = readFileSync(join(INSTANCE_DIR, 'systemd/inventory@.service'), 'utf8');
    for (const line of [
      'User=inventory',
      'WorkingDirectory=/opt/inventory/current',
      'Environment=MALLOC_MMAP_THRESHOLD_=1048576',
      'EnvironmentFile=/etc/inventory/inventory.env',
      'ExecStart=/usr/bin/node --enable-source-maps --max-semi-space-size=4 apps/%i/dist/main.js',
      'Restart=on-failure',
      'MemoryMax=448M',
      'LimitNOFILE=65536',
      'StandardOutput=journal',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
    ]) {
      expect(unit.split('\n')).toContain(line);
    }
  });

  it('migrate a release from its own directory, one app after another, as a oneshot', () => {
    const unit = readFileSync(join(INSTANCE_DIR, 'systemd/inventory-migrate@.service'), 'utf8');
    expect(unit).toContain('Type=oneshot');
    expect(unit).toContain('WorkingDirectory=/opt/inventory/releases/%i');
    expect(unit).toContain('AssertPathIsDirectory=/opt/inventory/releases/%i');
    expect(unit.match(/^ExecStart=.*$/gm)).toEqual(
      ['gateway', 'catalog-service', 'stock-service', 'notification-service'].map(
        (app) => `ExecStart=/usr/bin/node apps/${app}/dist/migrate.js`,
      ),
    );
  });
});

describe('shell scripts', () => {
  it('are executable', () => {
    for (const file of [
      'instance/setup.sh',
      'instance/fetch-setup.sh',
      'instance/release.sh',
      'instance/tls-hook.sh',
      'instance/inventory-env.mjs',
      'scripts/deploy.sh',
      'scripts/pack-release.sh',
    ]) {
      expect({
        file,
        executable: (statSync(join(INSTANCE_DIR, '..', file)).mode & 0o111) !== 0,
      }).toEqual({
        file,
        executable: true,
      });
    }
  });
});

describe('inventory-env', () => {
  const settings = [
    'ENV_NAME=prod',
    'AWS_REGION=eu-central-1',
    'SERVER_NAME=inventory.example.com',
    'PUBLIC_URL=https://inventory.example.com',
    'CORS_ORIGINS=',
    'S3_BUCKET=inventory-prod-mediabucket-1x2y3z',
    'SES_FROM=alerts@inventory.example.com',
    'ALERT_RECIPIENTS=stores@example.com,lab@example.com',
    'QUEUE_PREFIX=prod-',
    'CLOUDWATCH_LOG_GROUP=/aws/inventory-app',
    'METRICS_NAMESPACE=ElectronicInventory',
    'DB_HOST=inventory.abc123.eu-central-1.rds.amazonaws.com',
    'DB_PORT=5432',
    'DB_NAME=inventory',
    'DB_SECRET_ARN=arn:aws:secretsmanager:eu-central-1:123456789012:secret:inventory/prod/database-AbCdEf',
    'JWT_SECRET_ARN=arn:aws:secretsmanager:eu-central-1:123456789012:secret:inventory/prod/jwt-GhIjKl',
    'INSTANCE_FILES=s3://cdk-assets/abc.zip',
  ];
  const password = 'p@ss:w/rd%"x';
  const smtpPassword = 'BHx$9 "q\\u/+=%p';
  const smtpSettings = [
    'EMAIL_DRIVER=smtp',
    'SMTP_URL=smtp://email-smtp.eu-central-1.amazonaws.com:587',
    'SMTP_USER=AKIAEXAMPLE',
    'SMTP_CA_FILE=/etc/inventory/smtp-ca.pem',
    'SMTP_PASSWORD_SECRET_ARN=arn:aws:secretsmanager:eu-central-1:123456789012:secret:inventory/prod/smtp-MnOpQr',
  ];

  /** A stand-in for the AWS CLI answering the calls inventory-env makes, logging them. */
  function fakeAws(parameter: string[], smtpSecret = smtpPassword): string {
    const fake = join(dir, 'aws');
    writeFileSync(join(dir, 'parameter.txt'), parameter.join('\n'));
    writeFileSync(join(dir, 'database.json'), JSON.stringify({ username: 'inventory', password }));
    writeFileSync(join(dir, 'jwt.txt'), 'x'.repeat(64));
    writeFileSync(join(dir, 'smtp.txt'), smtpSecret);
    writeFileSync(
      fake,
      [
        '#!/usr/bin/env bash',
        `echo "$*" >> ${dir}/aws-calls.log`,
        'case "$*" in',
        `  "ssm get-parameter --name /inventory/prod/stack-env"*) cat ${dir}/parameter.txt ;;`,
        `  *"--secret-id "*database*) cat ${dir}/database.json ;;`,
        `  *"--secret-id "*jwt*) cat ${dir}/jwt.txt ;;`,
        `  *"--secret-id "*smtp*) cat ${dir}/smtp.txt ;;`,
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
    const ca = run(tool('openssl'), [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=test-ca',
      '-keyout',
      join(dir, 'ca-key.pem'),
      '-out',
      join(dir, 'rds-ca.pem'),
    ]);
    expect(ca.status).toBe(0);
    return fake;
  }

  const inventoryEnv = (aws: string) =>
    run(process.execPath, [join(INSTANCE_DIR, 'inventory-env.mjs')], {
      env: { ...process.env, INVENTORY_ETC: dir, INVENTORY_AWS: aws },
    });

  /** Reads an EnvironmentFile the way systemd does for the values written here. */
  function readEnvFile(path: string): Record<string, string> {
    const values: Record<string, string> = {};
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
      if (!match) continue;
      const raw = match[2];
      values[match[1]] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(["\\])/g, '$1') : raw;
    }
    return values;
  }

  it('writes the environment file, readable by root only, from settings and secrets', () => {
    const result = inventoryEnv(fakeAws(settings));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = join(dir, 'inventory.env');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const env = readEnvFile(file);
    expect(env).toEqual({
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      AWS_REGION: 'eu-central-1',
      HOST: '127.0.0.1',
      PORT: '3000',
      HEALTH_HOST: '127.0.0.1',
      DATABASE_URL: expect.stringMatching(/^postgres:\/\//),
      JWT_SECRET: 'x'.repeat(64),
      PUBLIC_URL: 'https://inventory.example.com',
      CORS_ORIGINS: '',
      S3_BUCKET: 'inventory-prod-mediabucket-1x2y3z',
      SES_FROM: 'alerts@inventory.example.com',
      EMAIL_DRIVER: 'ses',
      ALERT_RECIPIENTS: 'stores@example.com,lab@example.com',
      QUEUE_PREFIX: 'prod-',
      CLOUDWATCH_LOG_GROUP: '/aws/inventory-app',
      METRICS_NAMESPACE: 'ElectronicInventory',
    });
    const calls = readFileSync(join(dir, 'aws-calls.log'), 'utf8');
    expect(calls.trim().split('\n')).toHaveLength(3);
    for (const call of calls.trim().split('\n')) expect(call).toContain('--region eu-central-1');
  });

  it('builds a DATABASE_URL that pg reads back exactly, verifying the server with the RDS CA', () => {
    expect(inventoryEnv(fakeAws(settings)).status).toBe(0);
    const url = readEnvFile(join(dir, 'inventory.env')).DATABASE_URL;
    const parsed = parse(url);
    expect(parsed).toEqual(
      expect.objectContaining({
        user: 'inventory',
        password,
        host: 'inventory.abc123.eu-central-1.rds.amazonaws.com',
        port: '5432',
        database: 'inventory',
      }),
    );
    const ssl = parsed.ssl as { ca?: string; rejectUnauthorized?: boolean };
    expect(ssl.ca).toContain('BEGIN CERTIFICATE');
    expect(ssl.rejectUnauthorized).not.toBe(false);
  });

  it('passes the SMTP driver its server, user, CA file and the password from its secret', () => {
    const result = inventoryEnv(fakeAws([...settings, ...smtpSettings]));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const env = readEnvFile(join(dir, 'inventory.env'));
    expect(env).toEqual(
      expect.objectContaining({
        SES_FROM: 'alerts@inventory.example.com',
        EMAIL_DRIVER: 'smtp',
        SMTP_URL: 'smtp://email-smtp.eu-central-1.amazonaws.com:587',
        SMTP_USER: 'AKIAEXAMPLE',
        SMTP_PASSWORD: smtpPassword,
        SMTP_CA_FILE: '/etc/inventory/smtp-ca.pem',
      }),
    );
    expect(statSync(join(dir, 'inventory.env')).mode & 0o777).toBe(0o600);
    const calls = readFileSync(join(dir, 'aws-calls.log'), 'utf8').trim().split('\n');
    expect(calls).toHaveLength(4);
    expect(calls[3]).toContain(
      '--secret-id arn:aws:secretsmanager:eu-central-1:123456789012:secret:inventory/prod/smtp-MnOpQr',
    );
    // The password is a secret: never in the settings copy that nginx and setup read.
    expect(readFileSync(join(dir, 'stack.env'), 'utf8')).not.toContain(smtpPassword);
  });

  it('writes no SMTP setting and reads no SMTP secret while the driver is SES', () => {
    const ses = [...settings, ...smtpSettings.filter((line) => !line.startsWith('EMAIL_DRIVER='))];
    expect(inventoryEnv(fakeAws([...ses, 'EMAIL_DRIVER=ses'])).status).toBe(0);
    const env = readEnvFile(join(dir, 'inventory.env'));
    expect(env.EMAIL_DRIVER).toBe('ses');
    expect(Object.keys(env).filter((key) => key.startsWith('SMTP_'))).toEqual([]);
    expect(readFileSync(join(dir, 'aws-calls.log'), 'utf8')).not.toContain('smtp');
  });

  it('refuses the SMTP secret while it still holds its placeholder, keeping the old file', () => {
    writeFileSync(join(dir, 'inventory.env'), 'EMAIL_DRIVER=ses\n', { mode: 0o600 });
    const result = inventoryEnv(
      fakeAws(
        [...settings, ...smtpSettings],
        'REPLACE-ME: aws secretsmanager put-secret-value --secret-id <this secret> --secret-string <the SMTP password>',
      ),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'inventory-env: the SMTP password secret (arn:aws:secretsmanager:eu-central-1:123456789012:secret:inventory/prod/smtp-MnOpQr) still holds its placeholder',
    );
    expect(readFileSync(join(dir, 'inventory.env'), 'utf8')).toBe('EMAIL_DRIVER=ses\n');
  });

  it('names a missing SMTP_URL when the driver is SMTP', () => {
    const result = inventoryEnv(
      fakeAws([...settings, ...smtpSettings.filter((line) => !line.startsWith('SMTP_URL='))]),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("inventory-env: the stack's settings have no SMTP_URL");
  });

  it('keeps a copy of the non-secret settings for nginx and setup', () => {
    expect(inventoryEnv(fakeAws(settings)).status).toBe(0);
    expect(readFileSync(join(dir, 'stack.env'), 'utf8')).toContain(
      'SERVER_NAME=inventory.example.com',
    );
  });

  it('names a missing setting and leaves the existing environment file alone', () => {
    writeFileSync(join(dir, 'inventory.env'), 'JWT_SECRET=old\n', { mode: 0o600 });
    const result = inventoryEnv(fakeAws(settings.filter((line) => !line.startsWith('S3_BUCKET='))));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("inventory-env: the stack's settings have no S3_BUCKET");
    expect(readFileSync(join(dir, 'inventory.env'), 'utf8')).toBe('JWT_SECRET=old\n');
  });

  it('fails when the AWS CLI fails, without writing anything', () => {
    const aws = fakeAws(settings);
    writeFileSync(join(dir, 'stack.conf'), 'AWS_REGION=eu-central-1\nSTACK_PARAMETER=/wrong\n');
    const result = inventoryEnv(aws);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('unexpected call: ssm get-parameter --name /wrong');
    expect(() => statSync(join(dir, 'inventory.env'))).toThrow();
  });
});

describe('setup.sh', () => {
  it('installs every file it refers to from its own folder', () => {
    const setup = readFileSync(join(INSTANCE_DIR, 'setup.sh'), 'utf8');
    const referenced = [...setup.matchAll(/\$here"?\/([\w@./-]+)/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThanOrEqual(10);
    for (const file of referenced) {
      expect({ file, exists: statSafe(join(INSTANCE_DIR, file)) }).toEqual({ file, exists: true });
    }
  });
});

function statSafe(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
