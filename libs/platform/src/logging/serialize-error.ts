/** How deep a cause chain is followed (a cycle or a runaway chain stops here). */
const MAX_CAUSES = 10;

interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  cause?: unknown;
  errors?: unknown[];
  [key: string]: unknown;
}

const isErrorLike = (value: unknown): value is Error =>
  value instanceof Error ||
  (typeof value === 'object' &&
    value !== null &&
    typeof (value as Error).message === 'string' &&
    typeof (value as Error).stack === 'string');

/**
 * pino's `err` serializer with the whole cause chain: `err.cause` (an Error or any value) is
 * kept as a nested `cause`, recursively, next to each error's own type, message, stack and
 * fields (code, statusCode …). pino-http hands over its own serialized form; the original
 * error is taken from its `raw`.
 */
export function serializeError(value: unknown): unknown {
  const raw =
    typeof value === 'object' && value !== null && isErrorLike((value as { raw?: unknown }).raw)
      ? (value as { raw: unknown }).raw
      : value;
  return isErrorLike(raw) ? describe(raw, 0, new Set()) : value;
}

function describe(error: Error, depth: number, seen: Set<unknown>): SerializedError {
  seen.add(error);
  const result: SerializedError = {
    type:
      error.constructor?.name && error.constructor.name !== 'Object'
        ? error.constructor.name
        : error.name,
    message: error.message,
    stack: error.stack,
  };
  for (const [key, value] of Object.entries(error)) {
    if (key === 'cause' || key === 'errors' || key in result || typeof value === 'function')
      continue;
    result[key] = isErrorLike(value) && !seen.has(value) ? describe(value, depth + 1, seen) : value;
  }
  if (error instanceof AggregateError || Array.isArray((error as AggregateError).errors)) {
    result.errors = (error as AggregateError).errors.map((inner) =>
      isErrorLike(inner) && !seen.has(inner) ? describe(inner, depth + 1, seen) : inner,
    );
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined) {
    if (!isErrorLike(cause)) result.cause = cause;
    else if (seen.has(cause)) result.cause = '[circular]';
    else if (depth >= MAX_CAUSES)
      result.cause = `${cause.name}: ${cause.message} (cause chain cut here)`;
    else result.cause = describe(cause, depth + 1, seen);
  }
  return result;
}
