/**
 * What differs between two deployments of Electronic Inventory (production, staging): names,
 * addresses, sizes. Everything else is the same code. Values live in `environments.ts`
 * (reviewed like code); `cdk deploy -c env=prod -c key=value` overrides one for a single run.
 */
export interface InventorySettings {
  /** Short name used in resource names and tags: `prod`, `staging`. */
  envName: string;
  /** Host name people use; nginx serves it and certbot gets its certificate. */
  domainName: string;
  /** Origins allowed to upload straight to S3 from a browser, besides `https://<domainName>`. */
  extraUploadOrigins: string[];
  /** Sender of every email (SES_FROM). */
  sesFrom: string;
  /** The SES identity that sends: the domain of `sesFrom` (DKIM) or the address itself. */
  sesIdentity: string;
  /**
   * While the SES account is in the sandbox, SES also checks the sender's permission on each
   * recipient's verified identity: list those identities here (empty once out of the sandbox).
   */
  sesSandboxRecipients: string[];
  /**
   * How the notification service sends email (EMAIL_DRIVER): `ses` (SESv2 API with the
   * instance role) or `smtp` (any SMTP provider, SES's SMTP interface included, at `smtpUrl`).
   */
  emailDriver: EmailDriver;
  /**
   * The SMTP server when `emailDriver` is `smtp` (SMTP_URL): `smtp://host:587` (STARTTLS
   * required) or `smtps://host:465`, without credentials: the user is `smtpUser`, the
   * password lives in the Secrets Manager secret `inventory/<envName>/smtp`.
   */
  smtpUrl?: string;
  /** SMTP user name (SMTP_USER); when set, the stack creates the password's secret. */
  smtpUser?: string;
  /**
   * A PEM file on the instance with the CA of a privately signed SMTP server (SMTP_CA_FILE),
   * e.g. `/etc/inventory/smtp-ca.pem`; unset: the system's CAs.
   */
  smtpCaFile?: string;
  /** First alert recipients of the notification service (ALERT_RECIPIENTS). */
  alertRecipients: string[];
  /** Who receives CloudWatch alarm emails (SNS email subscription). */
  alarmEmail: string;
  /** CIDR allowed to reach port 22; unset: no SSH port at all, SSM Session Manager only. */
  sshCidr?: string;
  /** EC2 key pair for SSH (also used through Session Manager's SSH tunnel). */
  keyPairName?: string;
  /** EC2 instance type of the app server; Graviton types (t4g) get the arm64 image. */
  instanceType: string;
  /** Root volume of the app server, GiB. */
  instanceVolumeGb: number;
  /** RDS instance class without the `db.` prefix (`t4g.micro`). */
  dbInstanceType: string;
  dbAllocatedStorageGb: number;
  /** RDS storage autoscaling ceiling, GiB. */
  dbMaxAllocatedStorageGb: number;
  dbBackupRetentionDays: number;
  /** Prepended to every queue name (QUEUE_PREFIX). */
  queuePrefix: string;
  /** The one log group every app ships to (CLOUDWATCH_LOG_GROUP). */
  logGroupName: string;
  logRetentionDays: number;
  /** Namespace of the apps' Embedded Metric Format metrics and of the log-derived ones. */
  metricsNamespace: string;
  /** Error log lines within `errorAlarmPeriodMinutes` above which the alarm fires. */
  errorAlarmThreshold: number;
  errorAlarmPeriodMinutes: number;
  /** Days a replaced or deleted media object's old version is kept. */
  noncurrentVersionDays: number;
}

/** The notification service's email drivers (EMAIL_DRIVER). */
export const EMAIL_DRIVERS = ['ses', 'smtp'] as const;
export type EmailDriver = (typeof EMAIL_DRIVERS)[number];

/** Settings an environment may leave out (and `-c key=value` may still give). */
export const OPTIONAL_SETTINGS: readonly string[] = [
  'sshCidr',
  'keyPairName',
  'smtpUrl',
  'smtpUser',
  'smtpCaFile',
];

/**
 * The port the instance connects to for `smtpUrl` (its security group must let it out):
 * the URL's own, else 465 for smtps:// and 587 for smtp://.
 */
export function smtpPort(smtpUrl: string): number {
  const url = new URL(smtpUrl);
  if (url.port) return Number(url.port);
  return url.protocol === 'smtps:' ? 465 : 587;
}

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Every problem with the settings, one line each naming the setting; empty when valid. */
export function settingsProblems(s: InventorySettings): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  need(/^[a-z][a-z0-9-]{0,19}$/.test(s.envName), 'envName must be lower-case letters, digits, -');
  need(DOMAIN.test(s.domainName), `domainName must be a host name, got "${s.domainName}"`);
  for (const origin of s.extraUploadOrigins) {
    need(
      /^https?:\/\/[^/\s]+$/.test(origin),
      `extraUploadOrigins entries must be origins like https://host, got "${origin}"`,
    );
  }
  need(EMAIL.test(s.sesFrom), `sesFrom must be an email address, got "${s.sesFrom}"`);
  need(
    s.sesIdentity === s.sesFrom ||
      (DOMAIN.test(s.sesIdentity) && s.sesFrom.toLowerCase().endsWith(`@${s.sesIdentity}`)),
    `sesIdentity must be sesFrom itself or its domain, got "${s.sesIdentity}"`,
  );
  for (const address of [...s.sesSandboxRecipients, ...s.alertRecipients]) {
    need(EMAIL.test(address), `"${address}" in a recipient list is not an email address`);
  }
  need(EMAIL.test(s.alarmEmail), `alarmEmail must be an email address, got "${s.alarmEmail}"`);
  problems.push(...emailDriverProblems(s));
  if (s.sshCidr !== undefined) {
    const match = CIDR.exec(s.sshCidr);
    need(
      !!match && match.slice(1, 5).every((octet) => Number(octet) <= 255),
      `sshCidr must be an IPv4 CIDR like 203.0.113.7/32, got "${s.sshCidr}"`,
    );
    need(
      !match || Number(match[5]) >= 16,
      `sshCidr must be /16 or narrower (SSH open to the internet is refused), got "${s.sshCidr}"`,
    );
  }
  need(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(s.instanceType), 'instanceType must look like t3.micro');
  need(
    /^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(s.dbInstanceType),
    'dbInstanceType must look like t4g.micro (without db.)',
  );
  need(isWhole(s.instanceVolumeGb, 8, 1024), 'instanceVolumeGb must be 8–1024');
  need(isWhole(s.dbAllocatedStorageGb, 20, 65536), 'dbAllocatedStorageGb must be at least 20');
  need(
    isWhole(s.dbMaxAllocatedStorageGb, s.dbAllocatedStorageGb + 1, 65536),
    'dbMaxAllocatedStorageGb must be above dbAllocatedStorageGb',
  );
  need(isWhole(s.dbBackupRetentionDays, 1, 35), 'dbBackupRetentionDays must be 1–35');
  need(
    /^[A-Za-z0-9_-]{0,40}$/.test(s.queuePrefix),
    'queuePrefix may hold letters, digits, - and _',
  );
  need(/^[\w\-/.#]{1,512}$/.test(s.logGroupName), 'logGroupName is not a valid log group name');
  need(
    (LOG_RETENTION_DAYS as readonly number[]).includes(s.logRetentionDays),
    `logRetentionDays must be one of ${LOG_RETENTION_DAYS.join(', ')}`,
  );
  need(/^[\w/.#:-]{1,255}$/.test(s.metricsNamespace), 'metricsNamespace is not valid');
  need(isWhole(s.errorAlarmThreshold, 0, 1_000_000), 'errorAlarmThreshold must be a whole number');
  need(isWhole(s.errorAlarmPeriodMinutes, 1, 1440), 'errorAlarmPeriodMinutes must be 1–1440');
  need(isWhole(s.noncurrentVersionDays, 1, 3650), 'noncurrentVersionDays must be 1–3650');
  return problems;
}

/** The SMTP settings: complete with `smtp`, absent with `ses`, never holding a password. */
function emailDriverProblems(s: InventorySettings): string[] {
  if (!(EMAIL_DRIVERS as readonly string[]).includes(s.emailDriver)) {
    return [`emailDriver must be ses or smtp, got "${s.emailDriver}"`];
  }
  const smtpSettings = { smtpUrl: s.smtpUrl, smtpUser: s.smtpUser, smtpCaFile: s.smtpCaFile };
  if (s.emailDriver === 'ses') {
    return Object.entries(smtpSettings)
      .filter(([, value]) => value !== undefined)
      .map(([key]) => `${key} is only used with emailDriver smtp (emailDriver is ses)`);
  }
  const problems: string[] = [];
  let url: URL | undefined;
  try {
    url = s.smtpUrl === undefined ? undefined : new URL(s.smtpUrl);
  } catch {
    url = undefined;
  }
  if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    problems.push(
      `smtpUrl must be an smtp:// (STARTTLS, port 587) or smtps:// (TLS, port 465) URL with a host when emailDriver is smtp, got "${s.smtpUrl ?? ''}"`,
    );
  } else if (url.username || url.password) {
    problems.push(
      `smtpUrl must not hold credentials (settings are not secret): give the user as smtpUser and put the password into the secret inventory/${s.envName}/smtp`,
    );
  }
  if (s.smtpUser !== undefined) {
    need(problems, /^\S{1,256}$/.test(s.smtpUser), 'smtpUser must be a user name without spaces');
  }
  if (s.smtpCaFile !== undefined) {
    need(
      problems,
      /^\/[\w@%+=:,./-]+$/.test(s.smtpCaFile) && !/^\/(home|root|tmp)(\/|$)/.test(s.smtpCaFile),
      `smtpCaFile must be an absolute path on the instance the apps can read (e.g. /etc/inventory/smtp-ca.pem), got "${s.smtpCaFile}"`,
    );
  }
  return problems;
}

function need(problems: string[], ok: boolean, message: string): void {
  if (!ok) problems.push(message);
}

function isWhole(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** `https://<domainName>`: PUBLIC_URL of the apps and the first allowed upload origin. */
export const publicUrl = (s: Pick<InventorySettings, 'domainName'>) => `https://${s.domainName}`;

/**
 * Applies `-c key=value` overrides (strings from the command line) to an environment's
 * settings, converting to the type of the setting they replace.
 */
export function applyOverrides(
  base: InventorySettings,
  overrides: Record<string, unknown>,
): InventorySettings {
  const result: Record<string, unknown> = { ...base };
  for (const [key, raw] of Object.entries(overrides)) {
    if (raw === undefined) continue;
    if (!(key in base) && !OPTIONAL_SETTINGS.includes(key)) {
      throw new Error(`unknown setting "${key}" (see deploy/ec2/src/settings.ts)`);
    }
    const current = (base as unknown as Record<string, unknown>)[key];
    if (Array.isArray(current)) {
      result[key] = Array.isArray(raw)
        ? raw.map(String)
        : String(raw)
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean);
    } else if (typeof current === 'number') {
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new Error(`setting "${key}" must be a number`);
      result[key] = value;
    } else {
      result[key] = String(raw);
    }
  }
  return result as unknown as InventorySettings;
}
