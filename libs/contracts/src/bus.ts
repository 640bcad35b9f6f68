import type { Role } from './roles';

/** Who asked for a bus request: the signed-in user the gateway authenticated. */
export interface Actor {
  userId: string;
  role: Role;
}

/**
 * Travels with every bus request so that one user action can be followed across services:
 * the gateway's request id becomes the correlation id of every log line and event it causes.
 */
export interface RequestMeta {
  correlationId: string;
  actor?: Actor;
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
