import { HttpException, HttpStatus } from '@nestjs/common';
import type { BusError, ErrorDetail } from '@inventory/contracts';

/**
 * Errors a service raises on purpose. They carry an HTTP status because that is what the
 * gateway will answer with; the message is written for the person who made the request.
 */
export class ServiceError extends HttpException {
  constructor(status: HttpStatus, error: string, message: string, details?: ErrorDetail[]) {
    super({ statusCode: status, error, message, details } satisfies BusError, status);
  }
}

export class NotFoundError extends ServiceError {
  constructor(message: string) {
    super(HttpStatus.NOT_FOUND, 'Not Found', message);
  }
}

export class ConflictError extends ServiceError {
  constructor(message: string, details?: ErrorDetail[]) {
    super(HttpStatus.CONFLICT, 'Conflict', message, details);
  }
}

export class UnprocessableError extends ServiceError {
  constructor(message: string, details?: ErrorDetail[]) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'Unprocessable Entity', message, details);
  }
}

export class InvalidInputError extends ServiceError {
  constructor(message: string, details?: ErrorDetail[]) {
    super(HttpStatus.BAD_REQUEST, 'Bad Request', message, details);
  }
}

/** A dependency outside the process (S3, SES …) failed; the request may succeed later. */
export class UpstreamError extends ServiceError {
  constructor(message: string) {
    super(HttpStatus.BAD_GATEWAY, 'Bad Gateway', message);
  }
}

/** Turns anything thrown into the error shape that travels back over the bus. */
export function toBusError(exception: unknown, service: string): BusError {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null) {
      const body = response as Partial<BusError> & { message?: string | string[] };
      return {
        statusCode: status,
        error: body.error ?? exception.name,
        message: Array.isArray(body.message)
          ? body.message.join('; ')
          : (body.message ?? exception.message),
        ...(body.details ? { details: body.details } : {}),
      };
    }
    return { statusCode: status, error: exception.name, message: String(response) };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: 'Internal Server Error',
    message: `The ${service} service failed to handle the request`,
  };
}
