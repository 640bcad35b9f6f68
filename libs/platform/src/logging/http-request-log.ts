import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PinoLogger } from 'nestjs-pino';

/** Load balancers and the local stack ask for /health every few seconds: not worth a line each. */
const isHealthCheck = (url: string) => /^\/health(\/|\?|$)/.test(url);

/**
 * One line per HTTP answer, "request completed": method and URL, status, milliseconds, and
 * the request's correlation id (Fastify's request id). An answer with a 5xx status is an
 * error line, anything else info. A Fastify `onResponse` hook on the root logger, so answers
 * from guards, validation, unknown routes and error filters get their line too. Call once,
 * before `listen`.
 *
 * It replaces pino-http's middleware, which built a child logger and an async context per
 * request for lines that carry the correlation id anyway (the platform's pino `mixin`): 35–80
 * µs of the gateway's CPU per request (docs/benchmarks.md, "The request line without
 * pino-http").
 */
export function logHttpRequests(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      const logger = PinoLogger.root;
      if (logger && !isHealthCheck(request.url)) {
        const line = {
          req: { method: request.method, url: request.url },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
          correlationId: request.id,
        };
        if (reply.statusCode >= 500) logger.error(line, 'request completed');
        else logger.info(line, 'request completed');
      }
      done();
    });
}
