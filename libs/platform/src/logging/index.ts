export * from './http-request-log';
export * from './log-destination';
export * from './logging.module';
export * from './pino-options';
export * from './redact-text';
export * from './serialize-error';
