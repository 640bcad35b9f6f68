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
  'set-cookie',
  'x-api-key',
  'x-amz-security-token',
  'proxy-authorization',
];

const SECRET_NAMES = new Set([...SECRET_KEYS, ...SECRET_HEADERS].map((key) => key.toLowerCase()));

/** How deep into a logged object secret keys are looked for. */
const REDACT_DEPTH = 6;

export const REDACTED = '[REDACTED]';

/**
 * The logged object with the value of every secret key (any letter case, any depth up to
 * REDACT_DEPTH, inside arrays too) replaced. One walk over the object, copying only what
 * changes: far cheaper than pino's path-based redaction with wildcards, which walks the
 * object once per path on every line.
 */
export function redactSecretKeys<T>(value: T, depth = 0): T {
  if (depth > REDACT_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const redacted = redactSecretKeys(item, depth + 1);
      if (redacted !== item) (copy ??= [...value])[index] = redacted;
    });
    return (copy ?? value) as T;
  }
  // Only plain objects are walked: class instances (an Error, pino-http's request and
  // response) reach the line through their serializers, which redact what they keep.
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    const redacted = SECRET_NAMES.has(key.toLowerCase())
      ? item === undefined || item === null
        ? item
        : REDACTED
      : redactSecretKeys(item, depth + 1);
    if (redacted !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = redacted;
  }
  return (copy ?? value) as T;
}

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
    formatters: { level: (label) => ({ level: label }), log: (object) => redactSecretKeys(object) },
    mixin: () => {
      const context = RequestContext.current();
      return context ? { correlationId: context.correlationId } : {};
    },
    serializers: { err: (error: unknown) => redactSecretKeys(serializeError(error)) },
    hooks: { streamWrite: redactSecretsInText },
  };
}
