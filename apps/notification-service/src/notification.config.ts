import { EMAIL_OPTIONS, invalidAddresses, MAX_ALERT_RECIPIENTS } from '@inventory/contracts';
import { EnvBoolean, EnvInt, ServiceBaseConfig } from '@inventory/platform';
import { validateCronExpression } from 'cron';
import { existsSync } from 'node:fs';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

/** Splits `a@x.com, b@y.com` into addresses; empty entries are ignored. */
export const splitAddresses = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address.length > 0);

const IsAddressList = () =>
  ValidateBy({
    name: 'isAddressList',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        const addresses = splitAddresses(value);
        return addresses.length <= MAX_ALERT_RECIPIENTS && invalidAddresses(addresses).length === 0;
      },
      defaultMessage: (args) =>
        `ALERT_RECIPIENTS must be at most ${MAX_ALERT_RECIPIENTS} comma-separated email addresses; not valid: ${invalidAddresses(splitAddresses(String(args?.value))).join(', ') || '(too many)'}`,
    },
  });

const IsCronExpression = () =>
  ValidateBy({
    name: 'isCronExpression',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && validateCronExpression(value).valid,
      defaultMessage: () =>
        'DIGEST_CRON must be a cron expression (minute hour day month weekday, e.g. 0 9 * * *)',
    },
  });

const IsTimeZone = () =>
  ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: value });
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: () => 'DIGEST_TIME_ZONE must be an IANA time zone (e.g. UTC, Europe/Berlin)',
    },
  });

/** How email leaves the service: SESv2's API, or any SMTP server (SES's SMTP interface too). */
export const EMAIL_DRIVERS = ['ses', 'smtp'] as const;
export type EmailDriver = (typeof EMAIL_DRIVERS)[number];

/** smtp://host[:port] (STARTTLS required, 587 by default) or smtps://host[:port] (TLS, 465). */
const IsSmtpUrl = () =>
  ValidateBy({
    name: 'isSmtpUrl',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        try {
          const url = new URL(value);
          return ['smtp:', 'smtps:'].includes(url.protocol) && url.hostname.length > 0;
        } catch {
          return false;
        }
      },
      defaultMessage: () =>
        'SMTP_URL must be an smtp:// (STARTTLS, port 587) or smtps:// (TLS, port 465) URL with a host, e.g. smtp://user:password@smtp.example.com:587',
    },
  });

const IsReadableFile = (variable: string) =>
  ValidateBy({
    name: 'isReadableFile',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && existsSync(value),
      defaultMessage: () => `${variable} must name an existing file (a PEM certificate)`,
    },
  });

/** Configuration of the notification service, read from the environment at boot. */
export class NotificationConfig extends ServiceBaseConfig {
  override BUS_PORT = 4003;
  override HEALTH_PORT = 3003;

  /**
   * An alert's transaction holds its connection while SES is asked (EmailDelivery), and the
   * stock-events queue alone has up to 40 messages in hand (10 × STOCK_EVENTS_POLLERS): with
   * the 10 of every other app, alerts waited for a connection at 200 crossings/s. 40 did worse
   * than 20 on 2 cores (docs/benchmarks.md, "The notification service's connections").
   */
  override DATABASE_POOL_SIZE = 20;

  /** Sender of every email; in production an address or domain verified in SES. */
  @IsEmail(EMAIL_OPTIONS, { message: 'SES_FROM must be an email address' })
  SES_FROM!: string;

  /** Optional SES configuration set (bounce and complaint tracking in production). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, {
    message: 'SES_CONFIGURATION_SET may hold letters, digits, - and _ (at most 64)',
  })
  SES_CONFIGURATION_SET?: string;

  /** How email is sent: `ses` (SESv2 API, the default) or `smtp` (SMTP_URL). */
  @IsIn(EMAIL_DRIVERS, { message: 'EMAIL_DRIVER must be ses or smtp' })
  EMAIL_DRIVER: EmailDriver = 'ses';

  /**
   * The SMTP server when EMAIL_DRIVER=smtp: smtp://host:587 upgrades with STARTTLS (and
   * refuses to send without it), smtps://host:465 speaks TLS from the start. A user and
   * password may be in the URL (percent-encoded) or in SMTP_USER / SMTP_PASSWORD.
   */
  @ValidateIf((config: NotificationConfig) => config.EMAIL_DRIVER === 'smtp')
  @IsSmtpUrl()
  SMTP_URL?: string;

  /** SMTP user name (instead of putting it in SMTP_URL). */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  SMTP_USER?: string;

  /** SMTP password (instead of putting it in SMTP_URL). */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  SMTP_PASSWORD?: string;

  /**
   * A certificate authority (PEM file) to check the SMTP server's certificate against, for a
   * relay with a private or self-signed certificate. Without it the system's CAs are used.
   */
  @IsOptional()
  @IsReadableFile('SMTP_CA_FILE')
  SMTP_CA_FILE?: string;

  /** Where people reach the system: links in emails start with it. */
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'PUBLIC_URL must be an http(s) URL' },
  )
  PUBLIC_URL!: string;

  /**
   * Comma-separated addresses for stock alerts, used only to fill the stored recipient list
   * the first time the service starts; afterwards admins manage it through the API.
   */
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  @IsAddressList()
  ALERT_RECIPIENTS = '';

  /** When the daily low-stock digest runs (cron: minute hour day month weekday). */
  @IsCronExpression()
  DIGEST_CRON = '0 9 * * *';

  /** The time zone DIGEST_CRON is read in, and in which "today" is decided for the digest. */
  @IsTimeZone()
  DIGEST_TIME_ZONE = 'UTC';

  /** Run the digest on its schedule. Off: it runs only when asked (CLI, API). */
  @EnvBoolean()
  DIGEST_ENABLED = true;

  /** Pollers on the stock-events queue, each taking up to 10 messages at a time. */
  @EnvInt(1, 20)
  STOCK_EVENTS_POLLERS = 4;
}

/** PUBLIC_URL without a trailing slash, so links can be appended to it. */
export const publicUrl = (config: Pick<NotificationConfig, 'PUBLIC_URL'>) =>
  config.PUBLIC_URL.replace(/\/+$/, '');
