import type { Role } from './roles';
import type { ServiceName } from './services';

/** Who asked for a bus request: the signed-in user the gateway authenticated. */
export interface Actor {
  userId: string;
  role: Role;
  /** The user's email when they acted: the audit trail records it as it was then. */
  email?: string;
}

/** Where a change came from, as the audit trail records it. */
export type ChangeOrigin = 'console' | 'api' | 'cli' | 'system';

/**
 * Travels with every bus request so that one user action can be followed across services:
 * the gateway's request id becomes the correlation id of every log line and event it causes.
 */
export interface RequestMeta {
  correlationId: string;
  actor?: Actor;
  /** The console, an API client, a CLI or a system job (absent: `api` when an actor is set). */
  origin?: ChangeOrigin;
}

/** The payload of every request on the bus: metadata plus the request's own data. */
export interface BusRequest<T = unknown> {
  meta: RequestMeta;
  data: T;
}

/**
 * The error a service answers with. `statusCode` follows HTTP semantics so the gateway can
 * pass it on unchanged (404 not found, 409 conflict, 422 unprocessable, 400 invalid input).
 */
export interface BusError {
  statusCode: number;
  error: string;
  message: string;
  details?: ErrorDetail[];
}

/** One offending field in an invalid request. */
export interface ErrorDetail {
  field: string;
  message: string;
}

/**
 * One request a service answers on the bus, defined once: its pattern, the service that
 * answers it, and (as types only) what it takes and what it answers. `ServiceBus.send` and
 * the `@AnswersRequest` handler decorator both take this value, so a caller that sends the
 * wrong data, or a handler that answers the wrong thing, does not compile.
 */
export interface BusRequestType<TRequest, TReply> {
  readonly pattern: string;
  readonly service: ServiceName;
  /** Never set at run time: it carries the request and reply types for the compiler. */
  readonly types?: { readonly request: TRequest; readonly reply: TReply };
}

/** Any defined bus request, whatever it takes and answers. */
export type AnyBusRequestType = BusRequestType<unknown, unknown>;
export type RequestOf<R> = R extends BusRequestType<infer TRequest, unknown> ? TRequest : never;
export type ReplyOf<R> = R extends BusRequestType<unknown, infer TReply> ? TReply : never;

/** A request that carries nothing (the caller sends `{}`). */
export type NoData = Record<string, never>;

/** A delete's answer. */
export interface Deleted {
  deleted: boolean;
}

/** Defines a bus request: `busRequest<RecordMovementRequest, RecordMovementReply>('stock.movements.record', Services.Stock)`. */
export function busRequest<TRequest, TReply>(
  pattern: string,
  service: ServiceName,
): BusRequestType<TRequest, TReply> {
  return Object.freeze({ pattern, service });
}
