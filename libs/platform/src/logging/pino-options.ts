import type { LoggerOptions } from 'pino';
import { stdTimeFunctions } from 'pino';
import type { AppBaseConfig } from '../config/base.config';
import { RequestContext } from '../context/request-context';
import { redactSecretsInText } from './redact-text';
import { serializeError } from './serialize-error';

/**
 * Keys whose values never reach a log line, at the top level and a few levels down (pino's
 * wildcards match one level each).
 */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'resetToken',
  'idToken',
  'sessionToken',
  'access_token',
  'refresh_token',
  'secret',
  'clientSecret',
  'secretAccessKey',
  'apiKey',
  'privateKey',
  'authorization',
  'cookie',
];

/** Header names that carry credentials, wherever a `headers` object is logged. */
const SECRET_HEADERS = [
  'authorization',
  'cookie',
  '["set-cookie"]',
  '["x-api-key"]',
  '["x-amz-security-token"]',
  '["proxy-authorization"]',
];

export const REDACTED_PATHS = [
  ...new Set([
    ...SECRET_HEADERS.flatMap((header) =>
      ['headers', '*.headers', '*.*.headers'].map((prefix) =>
        header.startsWith('[') ? `${prefix}${header}` : `${prefix}.${header}`,
      ),
    ),
    ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
  ]),
];

export const REDACTED = '[REDACTED]';

export interface LoggingIdentity {
  /** Short name of the app: gateway, catalog, stock, notification. */
  service: string;
}

/** Whether log lines are human-readable; the default follows NODE_ENV. */
export function usePrettyLogs(config: Pick<AppBaseConfig, 'LOG_FORMAT' | 'NODE_ENV'>): boolean {
  return (
    (config.LOG_FORMAT ?? (config.NODE_ENV === 'development' ? 'pretty' : 'json')) === 'pretty'
  );
}

/**
 * The one pino configuration every app uses: JSON lines with service, instance and the
 * correlation id of the work in progress; errors with their cause chain; secrets redacted,
 * by key (passwords, tokens, authorization and cookie headers) and, in every string of the
 * finished line, as presigned-URL signatures and token query parameters. Where the lines go
 * (console, CloudWatch) is `LogDestination`'s business.
 */
export function pinoOptions(
  config: Pick<AppBaseConfig, 'LOG_LEVEL' | 'SERVICE_INSTANCE'>,
  identity: LoggingIdentity,
): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    base: { service: identity.service, instance: config.SERVICE_INSTANCE },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const context = RequestContext.current();
      return context ? { correlationId: context.correlationId } : {};
    },
    serializers: { err: serializeError },
    redact: { paths: REDACTED_PATHS, censor: REDACTED },
    hooks: { streamWrite: redactSecretsInText },
  };
}
