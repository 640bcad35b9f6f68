import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptOrCreateRequestId, RequestContext } from './request-context';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * First middleware of an HTTP app: takes the caller's X-Request-Id (or makes one), returns
 * it on the response, and runs the rest of the request inside that correlation context.
 */
export function correlationMiddleware(
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  // Fastify has already chosen the request id (see createFastifyApp); other servers have not.
  const correlationId =
    (req as IncomingMessage & { id?: string }).id ??
    acceptOrCreateRequestId(req.headers[REQUEST_ID_HEADER]);
  res.setHeader('X-Request-Id', correlationId);
  RequestContext.run({ correlationId }, next);
}
