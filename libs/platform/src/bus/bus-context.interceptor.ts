import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { BusRequest } from '@inventory/contracts';
import { Observable } from 'rxjs';
import { RequestContext } from '../context/request-context';

/**
 * Runs each bus request handler inside the caller's correlation context, so every log
 * line and event it produces carries the id of the user action that caused it.
 */
@Injectable()
export class BusContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const request = context.switchToRpc().getData<Partial<BusRequest>>();
    const meta = request?.meta;
    const store: RequestContext = {
      correlationId:
        typeof meta?.correlationId === 'string'
          ? meta.correlationId
          : RequestContext.correlationId(),
      actor: meta?.actor,
      origin: meta?.origin,
    };
    return new Observable((subscriber) =>
      RequestContext.run(store, () => next.handle().subscribe(subscriber)),
    );
  }
}
