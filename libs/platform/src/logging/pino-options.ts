import type { LoggerOptions } from 'pino';
import { stdTimeFunctions } from 'pino';
import type { AppBaseConfig } from '../config/base.config';
import { RequestContext } from '../context/request-context';

/**
 * Paths whose values never reach a log line. pino's wildcards match one level, so the
 * usual nesting depths are listed.
 */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'apiKey',
];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

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
 * correlation id of the work in progress; secrets redacted.
 */
export function pinoOptions(
  config: Pick<AppBaseConfig, 'LOG_LEVEL' | 'LOG_FORMAT' | 'NODE_ENV' | 'SERVICE_INSTANCE'>,
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
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    transport: usePrettyLogs(config)
      ? {
          target: 'pino-pretty',
          options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,instance' },
        }
      : undefined,
  };
}
