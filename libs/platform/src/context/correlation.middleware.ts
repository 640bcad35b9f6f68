import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_HEADER } from '@inventory/contracts';
import { acceptOrCreateRequestId, RequestContext } from './request-context';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * First middleware of an HTTP app: takes the caller's X-Request-Id (or makes one), returns
 * it on the response, and runs the rest of the request inside that correlation context.
 * `X-Inventory-Client: console` marks the console's requests (the audit trail's origin);
 * anything else is an API client.
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
  const origin = req.headers[CLIENT_HEADER] === 'console' ? 'console' : 'api';
  RequestContext.run({ correlationId, origin }, next);
}
