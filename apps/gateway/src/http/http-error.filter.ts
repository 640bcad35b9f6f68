import { STATUS_CODES } from 'node:http';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ErrorDetail } from '@inventory/contracts';
import { RequestContext, ServiceError } from '@inventory/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorResponseDto } from './error-response.dto';

/** Messages for errors Fastify raises before a route runs, in words a client can act on. */
const FASTIFY_MESSAGES: Record<string, (limit?: number) => string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: (limit) =>
    `Request body is too large${limit ? `: at most ${limit} bytes are accepted` : ''}`,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => 'Unsupported Content-Type: send application/json',
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    'Empty body with Content-Type application/json: send a JSON body or no Content-Type',
  FST_ERR_CTP_INVALID_JSON_BODY: () => 'Request body is not valid JSON',
};

/**
 * Every error the gateway answers, in one shape: `{ statusCode, error, message, details?,
 * correlationId }`. Expected errors (validation, auth, a service's 404/409/422, a service
 * down or slow) keep their status and message; anything else is a 500 with a generic
 * message, logged with its cause chain. Stack traces never leave the process.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(private readonly bodyLimit?: number) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const correlationId = String(request?.id ?? RequestContext.correlationId());
    const body = this.describe(exception);
    this.log(exception, body, request);
    if (reply.sent) return;
    void reply
      .status(body.statusCode)
      .header('X-Request-Id', correlationId)
      .send({ ...body, correlationId } satisfies ErrorResponseDto);
  }

  private describe(exception: unknown): Omit<ErrorResponseDto, 'correlationId'> {
    if (!(exception instanceof HttpException)) return INTERNAL;
    const statusCode = exception.getStatus();
    if (statusCode >= 500 && !(exception instanceof ServiceError)) return INTERNAL;
    const response = exception.getResponse();
    const error = STATUS_CODES[statusCode] ?? 'Error';
    const fastifyCode = (exception.cause as { code?: string } | undefined)?.code;
    if (fastifyCode && FASTIFY_MESSAGES[fastifyCode]) {
      return { statusCode, error, message: FASTIFY_MESSAGES[fastifyCode](this.bodyLimit) };
    }
    if (typeof response === 'string') return { statusCode, error, message: response };
    const fields = response as {
      error?: string;
      message?: string | string[];
      details?: ErrorDetail[];
    };
    const message = Array.isArray(fields.message)
      ? fields.message.join('; ')
      : (fields.message ?? exception.message);
    return {
      statusCode,
      error: typeof fields.error === 'string' ? fields.error : error,
      message,
      ...(Array.isArray(fields.details) && fields.details.length > 0
        ? { details: fields.details }
        : {}),
    };
  }

  private log(
    exception: unknown,
    body: Omit<ErrorResponseDto, 'correlationId'>,
    request: FastifyRequest | undefined,
  ): void {
    const route = request ? `${request.method} ${request.url}` : undefined;
    if (body === INTERNAL) {
      this.logger.error(
        { event: 'http.unhandled_error', route, err: exception, causes: causeChain(exception) },
        'request failed unexpectedly',
      );
    } else if (body.statusCode >= 500) {
      // A service down or slow: expected, but an operator wants to see it.
      this.logger.warn(
        { event: 'http.upstream_error', route, statusCode: body.statusCode },
        body.message,
      );
    }
  }
}

const INTERNAL = Object.freeze({
  statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
  error: 'Internal Server Error',
  message: 'Something went wrong on our side; the error has been logged with this correlationId',
});

/** "message ← cause ← cause …", for the log line of an unexpected error. */
export function causeChain(error: unknown): string[] {
  const chain: string[] = [];
  for (let current = error, depth = 0; current && depth < 10; depth++) {
    chain.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}
