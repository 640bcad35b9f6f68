import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { throwError } from 'rxjs';
import { toBusError } from './service-errors';

/**
 * A service's one exception filter, for bus requests and for its small HTTP port alike:
 * expected errors travel back as `BusError`; anything else is logged with its cause chain
 * and answered as a 500 that reveals nothing internal.
 */
@Catch()
export class ServiceExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ServiceExceptionFilter');

  constructor(private readonly service: string) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const error = toBusError(exception, this.service);
    if (!(exception instanceof HttpException) || error.statusCode >= 500) {
      this.logger.error({ event: 'error.unhandled', err: exception }, error.message);
    }
    if (host.getType() === 'rpc') return throwError(() => error);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    return reply.status(error.statusCode).send(error);
  }
}
