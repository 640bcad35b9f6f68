import { AppBaseConfig, EnvInt, EnvPort } from '@inventory/platform';
import { IsEmail, IsOptional, IsString, IsUrl, Matches, MinLength } from 'class-validator';

/** Configuration of the gateway, read from the environment at boot. */
export class GatewayConfig extends AppBaseConfig {
  @EnvPort()
  PORT = 3000;

  /** Address the HTTP server binds to. */
  @IsString()
  HOST = '0.0.0.0';

  /** Signs access tokens. At least 32 characters; never the development default in production. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  /** How long an access token is accepted, in seconds; a client refreshes it before then. */
  @EnvInt(30, 24 * 60 * 60)
  ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

  /**
   * How long the guard may trust what it last read about a session, in seconds; 0 reads the
   * session and user from Postgres on every request. Logout, deactivation, role and password
   * changes do not wait for it: they reach every gateway instance through NOTIFY at once.
   */
  @EnvInt(0, 300)
  SESSION_CACHE_MAX_AGE_SECONDS = 30;

  /** How long a refresh token lives, in days; each refresh hands out a new one. */
  @EnvInt(1, 365)
  REFRESH_TOKEN_TTL_DAYS = 14;

  /**
   * How long, in seconds, a refresh token that was just rotated may come back from the same
   * session and get the session's current tokens instead of ending it (a page that reloaded
   * before it stored the answer, two requests at once). Later reuse still ends the session;
   * 0 turns the grace off (docs/adr/0018-refresh-token-reuse-grace.md).
   */
  @EnvInt(0, 300)
  REFRESH_TOKEN_REUSE_GRACE_SECONDS = 30;

  /** How long a password-reset link works, in minutes. */
  @EnvInt(5, 7 * 24 * 60)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /** Requests per client address and window on login, refresh and password-reset routes. */
  @EnvInt(1, 100_000)
  AUTH_RATE_LIMIT = 10;

  @EnvInt(1, 24 * 60 * 60)
  AUTH_RATE_LIMIT_WINDOW_SECONDS = 60;

  /** Where people reach the system; used for links in emails. */
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'PUBLIC_URL must be an http(s) URL' },
  )
  PUBLIC_URL!: string;

  /** The first admin, created on first start when there is no user yet. */
  @IsOptional()
  @IsEmail({ require_tld: false }, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;

  /** Comma-separated origins allowed by CORS (a browser console on another origin); empty: none. */
  @IsOptional()
  @Matches(/^\s*(https?:\/\/[^\s,]+\s*(,\s*https?:\/\/[^\s,]+\s*)*)?$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS = '';

  /**
   * Whose X-Forwarded-For is believed for the client address (rate limits, logs): `loopback`
   * (nginx on the same host), a hop count, addresses/CIDRs, `true` (anyone: spoofable) or
   * `false` (the socket's address).
   */
  @Matches(/^(true|false|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, {
    message: 'TRUST_PROXY must be true, false, a hop count, or comma-separated addresses/CIDRs',
  })
  TRUST_PROXY = 'loopback';

  /**
   * The built web console (`apps/web/dist`) served at `/`; empty: the one next to this app.
   * Production serves it from nginx instead, so a missing folder just means no console here.
   */
  @IsOptional()
  @IsString()
  CONSOLE_DIR = '';

  /**
   * Where S3 is reached when it is not AWS (the local stand-in, LocalStack); read by the SDK
   * in the services. The console served here uploads to and shows images from it, so its
   * origin joins the CSP's connect-src and img-src. Production serves the console from
   * nginx, whose CSP allows the bucket (deploy/ec2/instance/nginx/).
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'AWS_ENDPOINT_URL_S3 must be an http(s) URL' },
  )
  AWS_ENDPOINT_URL_S3?: string;

  /** Largest JSON request body, in bytes. */
  @EnvInt(1024, 50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Largest CSV file accepted by POST /products/import, in bytes. */
  @EnvInt(1024, 1024 * 1024 * 1024)
  CSV_IMPORT_MAX_BYTES = 64 * 1024 * 1024;

  /** TRUST_PROXY as Fastify takes it (a hop count: the nearest that many peers). */
  trustProxy(): boolean | string | ((address: string, hop: number) => boolean) {
    const value = this.TRUST_PROXY.trim();
    if (value === 'true' || value === 'false') return value === 'true';
    if (!/^\d+$/.test(value)) return value;
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }

  /** The origin of a configured S3 endpoint (for the console's CSP), or none. */
  mediaOrigins(): string[] {
    return this.AWS_ENDPOINT_URL_S3 ? [new URL(this.AWS_ENDPOINT_URL_S3).origin] : [];
  }

  /** The origins CORS_ORIGINS lists, without trailing slashes. */
  corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter((origin) => origin.length > 0);
  }
}
