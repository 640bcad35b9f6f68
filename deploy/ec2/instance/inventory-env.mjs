#!/usr/bin/env node
// inventory-env: writes the apps' environment file, /etc/inventory/inventory.env (0600), from
// the stack's settings (an SSM parameter named in /etc/inventory/stack.conf) and its secrets
// (Secrets Manager: the RDS credentials, the JWT signing key and, when the notification
// service signs in to an SMTP server, its password). Run by setup.sh, and again
// after rotating a secret or changing a setting: `sudo inventory-env && sudo inventory-release
// restart`. Uses the AWS CLI with the instance role's credentials.
//
// Injectable for tests: INVENTORY_ETC (default /etc/inventory), INVENTORY_AWS (default aws).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const etc = process.env.INVENTORY_ETC ?? '/etc/inventory';
// The AWS CLI comes as a snap on Ubuntu; /snap/bin is not on every PATH (systemd, cron).
const awsCli = process.env.INVENTORY_AWS ?? (existsSync('/snap/bin/aws') ? '/snap/bin/aws' : 'aws');

/** `KEY=value` lines into an object; blank lines and # comments ignored. */
function parseEnv(text) {
  const values = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match && !line.trimStart().startsWith('#')) values[match[1]] = match[2].trim();
  }
  return values;
}

/** One line of a systemd EnvironmentFile: plain when safe, double-quoted and escaped otherwise. */
function envLine(key, value) {
  if (/[\n\r]/.test(value)) throw new Error(`${key} must not contain a line break`);
  if (/^[A-Za-z0-9_@%+=:,./-]*$/.test(value)) return `${key}=${value}`;
  return `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function aws(args, region) {
  return execFileSync(awsCli, [...args, '--region', region, '--output', 'text'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trimEnd();
}

function required(settings, key) {
  const value = settings[key];
  if (value === undefined || value === '') {
    throw new Error(`the stack's settings have no ${key}`);
  }
  return value;
}

/** What the stack puts into the SMTP password's secret until an operator replaces it. */
const SMTP_PASSWORD_PLACEHOLDER = 'REPLACE-ME:';

/**
 * How the notification service sends email: EMAIL_DRIVER, and with `smtp` the server, user,
 * CA file and password (from its secret). Only the settings that are given are written.
 */
function emailEnvironment(settings, smtpPassword) {
  const driver = settings.EMAIL_DRIVER || 'ses';
  if (driver !== 'ses' && driver !== 'smtp') {
    throw new Error(`the stack's EMAIL_DRIVER must be ses or smtp, got "${driver}"`);
  }
  if (driver === 'ses') return { EMAIL_DRIVER: driver };
  const optional = (key) => (settings[key] ? { [key]: settings[key] } : {});
  return {
    EMAIL_DRIVER: driver,
    SMTP_URL: required(settings, 'SMTP_URL'),
    ...optional('SMTP_USER'),
    ...(smtpPassword === undefined ? {} : { SMTP_PASSWORD: smtpPassword }),
    ...optional('SMTP_CA_FILE'),
  };
}

/** The apps' environment from the stack's settings and secrets (see README: configuration). */
function appEnvironment(settings, databaseSecret, jwtSecret, smtpPassword) {
  const user = encodeURIComponent(required(databaseSecret, 'username'));
  const password = encodeURIComponent(required(databaseSecret, 'password'));
  const host = required(settings, 'DB_HOST');
  const port = required(settings, 'DB_PORT');
  const database = required(settings, 'DB_NAME');
  const ca = join(etc, 'rds-ca.pem');
  return {
    NODE_ENV: 'production',
    LOG_FORMAT: 'json',
    AWS_REGION: required(settings, 'AWS_REGION'),
    // nginx is the only way in: the gateway and the services' health ports listen on loopback.
    HOST: '127.0.0.1',
    PORT: '3000',
    HEALTH_HOST: '127.0.0.1',
    DATABASE_URL: `postgres://${user}:${password}@${host}:${port}/${database}?sslmode=verify-full&sslrootcert=${ca}`,
    JWT_SECRET: jwtSecret,
    PUBLIC_URL: required(settings, 'PUBLIC_URL'),
    CORS_ORIGINS: settings.CORS_ORIGINS ?? '',
    S3_BUCKET: required(settings, 'S3_BUCKET'),
    SES_FROM: required(settings, 'SES_FROM'),
    ...emailEnvironment(settings, smtpPassword),
    ALERT_RECIPIENTS: settings.ALERT_RECIPIENTS ?? '',
    QUEUE_PREFIX: settings.QUEUE_PREFIX ?? '',
    CLOUDWATCH_LOG_GROUP: required(settings, 'CLOUDWATCH_LOG_GROUP'),
    METRICS_NAMESPACE: required(settings, 'METRICS_NAMESPACE'),
  };
}

/** Writes a file only root can read, replacing the old one in one step. */
function writePrivate(path, text) {
  const temporary = `${path}.new`;
  writeFileSync(temporary, text, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

function main() {
  const conf = parseEnv(readFileSync(join(etc, 'stack.conf'), 'utf8'));
  const region = required(conf, 'AWS_REGION');
  const parameter = required(conf, 'STACK_PARAMETER');

  const settingsText = aws(
    ['ssm', 'get-parameter', '--name', parameter, '--query', 'Parameter.Value'],
    region,
  );
  const settings = parseEnv(settingsText);
  writeFileSync(join(etc, 'stack.env'), `${settingsText}\n`, { mode: 0o640 });

  const secret = (arn) =>
    aws(
      ['secretsmanager', 'get-secret-value', '--secret-id', arn, '--query', 'SecretString'],
      region,
    );
  const databaseSecret = JSON.parse(secret(required(settings, 'DB_SECRET_ARN')));
  const jwtSecret = secret(required(settings, 'JWT_SECRET_ARN'));
  const smtpSecretArn = settings.EMAIL_DRIVER === 'smtp' ? settings.SMTP_PASSWORD_SECRET_ARN : '';
  const smtpPassword = smtpSecretArn ? secret(smtpSecretArn) : undefined;
  if (smtpPassword !== undefined && smtpPassword.startsWith(SMTP_PASSWORD_PLACEHOLDER)) {
    throw new Error(
      `the SMTP password secret (${smtpSecretArn}) still holds its placeholder: put the ` +
        "provider's password into it (aws secretsmanager put-secret-value --secret-id " +
        `${smtpSecretArn} --secret-string '…'), then run inventory-env again`,
    );
  }

  const environment = appEnvironment(settings, databaseSecret, jwtSecret, smtpPassword);
  const header = [
    '# Written by inventory-env from the stack settings and secrets: do not edit, it is',
    '# rewritten on every run. Local changes go to /etc/inventory/override.env.',
  ];
  const lines = Object.entries(environment).map(([key, value]) => envLine(key, value));
  writePrivate(join(etc, 'inventory.env'), `${[...header, ...lines].join('\n')}\n`);
  console.log(`inventory-env: wrote ${join(etc, 'inventory.env')} (${lines.length} variables)`);
}

try {
  main();
} catch (error) {
  console.error(`inventory-env: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
