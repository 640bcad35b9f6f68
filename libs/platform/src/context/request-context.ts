import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Actor, ChangeOrigin, RequestMeta } from '@inventory/contracts';

/**
 * What is known about the work in progress: which user action caused it (correlation id)
 * and who acted. Set once at the edge (HTTP request, bus request, consumed event) and read
 * anywhere below it: by the logger, by the bus client, by the outbox when it stamps events.
 */
export interface RequestContext {
  correlationId: string;
  actor?: Actor;
  /** Where the work came from (the console, an API client, a CLI, the system itself). */
  origin?: ChangeOrigin;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const RequestContext = {
  run<T>(context: RequestContext, work: () => T): T {
    return storage.run(context, work);
  },

  current(): RequestContext | undefined {
    return storage.getStore();
  },

  /** The current correlation id, or a fresh one for work that no request caused (a timer). */
  correlationId(): string {
    return storage.getStore()?.correlationId ?? randomUUID();
  },

  /** Metadata to send with a bus request made from the current context. */
  meta(): RequestMeta {
    const context = storage.getStore();
    return {
      correlationId: context?.correlationId ?? randomUUID(),
      actor: context?.actor,
      ...(context?.origin ? { origin: context.origin } : {}),
    };
  },
};

/** Request ids from outside are trusted only when short and plain: they end up in every log line. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function acceptOrCreateRequestId(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}
