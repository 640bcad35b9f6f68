import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AppBaseConfig } from '../config/base.config';
import { REQUEST_ID_HEADER } from '../context/correlation.middleware';
import { acceptOrCreateRequestId } from '../context/request-context';
import { installHttpInputRules } from '../http/http-input';
import type { InputLimits } from '../http/input-rules';
import { LogDestination } from '../logging/log-destination';
import { AppLifecycle } from './app-lifecycle';
import { configSummary } from './config-summary';

export interface FastifyLimits {
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /**
   * Which peers' X-Forwarded-For to believe when working out the client address (Fastify's
   * `trustProxy`: true, addresses/CIDRs/`loopback`, or a function of address and hop).
   * Default: true.
   */
  trustProxy?: boolean | string | ((address: string, hop: number) => boolean);
  /**
   * Take over SIGTERM/SIGINT and uncaught errors (`AppLifecycle`); default true. Tests that
   * run an app inside the test process turn it off and drive `AppLifecycle` themselves.
   */
  processLifecycle?: boolean;
  /** Size and depth limits of JSON bodies, queries and path parameters (default INPUT_LIMITS). */
  inputLimits?: InputLimits;
}

/**
 * A Nest application on Fastify with the platform logger and no stray logs, stopping
 * gracefully on SIGTERM/SIGINT with its last log lines flushed (see `AppLifecycle`).
 */
export async function createFastifyApp(
  module: DynamicModule,
  limits: FastifyLimits = {},
): Promise<NestFastifyApplication> {
  const bodyLimit = limits.bodyLimit ?? 1024 * 1024;
  const adapter = new FastifyAdapter({
    bodyLimit,
    trustProxy: limits.trustProxy ?? true,
    // Fastify's request id is the correlation id: the caller's X-Request-Id when it is sane.
    genReqId: (req: IncomingMessage) => acceptOrCreateRequestId(req.headers[REQUEST_ID_HEADER]),
    requestIdHeader: false,
    // Errors Fastify's router raises before any Nest code runs (a malformed URL, a path
    // parameter over maxParamLength) get the one error shape too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const statusCode = error.statusCode ?? 400;
      void reply
        .code(statusCode)
        .header('x-request-id', request.id)
        .send({
          statusCode,
          error: STATUS_CODES[statusCode] ?? 'Bad Request',
          message:
            error.code === 'FST_ERR_MAX_PARAM_LENGTH'
              ? 'A path parameter is too long'
              : 'The request URL is malformed',
          correlationId: request.id,
        });
    },
    // What Node's HTTP parser refuses before any request exists (headers too large, a
    // malformed request line, a client too slow) gets the one error shape too.
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Bodies are parsed by the platform's own rules (JSON only, measured before parsing).
    bodyParser: false,
  });
  installHttpInputRules(adapter.getInstance() as unknown as FastifyInstance, {
    bodyLimit,
    limits: limits.inputLimits,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  if (limits.processLifecycle !== false) {
    new AppLifecycle(app, {
      timeoutMs: optional(app, AppBaseConfig)?.SHUTDOWN_TIMEOUT_MS ?? 10_000,
      logs: optional(app, LogDestination),
    }).listen();
    stopWithParent();
  }
  return app;
}

/**
 * Answers an error of Node's HTTP parser on the raw socket, as Fastify's default handler
 * does, but in the one error shape with a correlation id (there is no request to take one
 * from), then closes the connection.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [statusCode, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive']
        : [400, 'The request is not valid HTTP'];
  const correlationId = acceptOrCreateRequestId(undefined);
  const body = JSON.stringify({
    statusCode,
    error: STATUS_CODES[statusCode],
    message,
    correlationId,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${correlationId}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** A provider the app may not have (an app without LoggingModule has no LogDestination). */
function optional<T>(app: INestApplicationContext, token: { prototype: T }): T | undefined {
  try {
    return app.get<T>(token as never, { strict: false });
  } catch {
    return undefined;
  }
}

/**
 * When started by the local stack (with an IPC channel), stop gracefully if the stack goes
 * away, even when it was killed outright: no orphans holding ports.
 */
function stopWithParent(): void {
  if (!process.channel) return;
  process.channel.unref();
  process.once('disconnect', () => {
    process.kill(process.pid, 'SIGTERM');
    // Orphaned: whatever the graceful stop is waiting for, do not outlive the stack for long.
    setTimeout(() => process.exit(1), 15_000).unref();
  });
}

/** The `app.started` line: version and configuration, secrets left out. */
export async function logStarted(
  app: NestFastifyApplication,
  config: AppBaseConfig,
  details: Record<string, unknown>,
): Promise<void> {
  const logger = await app.resolve(PinoLogger);
  logger.setContext('Bootstrap');
  logger.info(
    {
      event: 'app.started',
      version: productVersion(),
      node: process.version,
      config: configSummary(config),
      ...details,
    },
    'started',
  );
}

let version: string | undefined;

/** The product's version from the root package.json (one version for every app). */
export function productVersion(): string {
  if (version === undefined) {
    try {
      const manifest = JSON.parse(
        readFileSync(join(__dirname, '../../../../package.json'), 'utf8'),
      );
      version = String(manifest.version ?? 'unknown');
    } catch {
      version = 'unknown';
    }
  }
  return version;
}
