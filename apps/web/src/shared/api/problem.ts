import type { ApiError } from '@inventory/api-client';

export type ProblemKind = 'network' | 'timeout' | 'unavailable' | 'http';

/**
 * Why a request failed, in a form pages can show: the API's error body when there is one,
 * and whether the API could not be reached at all (network, timeout, 503/504), which pages
 * show as the "API unavailable" banner while keeping what was typed.
 */
export class ApiProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly status: number,
    readonly body: ApiError | null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body?.message ?? kind);
    this.name = 'ApiProblem';
  }

  /** The API did not answer with a decision: the same request may be sent again. */
  get retryable(): boolean {
    return this.kind !== 'http';
  }

  /** The message of the API's `details` entry for `field`, if any. */
  fieldError(field: string): string | undefined {
    return this.body?.details?.find((detail) => detail.field === field)?.message;
  }
}

/** Turns anything a request threw or answered into an ApiProblem. */
export function toProblem(error: unknown, response?: Response): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (response) {
    const body = isApiError(error) ? error : null;
    const retryAfter = Number(response.headers.get('Retry-After'));
    const kind = response.status === 503 || response.status === 504 ? 'unavailable' : 'http';
    return new ApiProblem(
      kind,
      response.status,
      body,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  if (
    error instanceof DOMException &&
    (error.name === 'TimeoutError' || error.name === 'AbortError')
  ) {
    return new ApiProblem('timeout', 0, null);
  }
  return new ApiProblem('network', 0, null);
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'statusCode' in value && 'message' in value;
}

/**
 * The data of an openapi-fetch answer, or an ApiProblem thrown for an error answer or a
 * request that never got one.
 */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await request;
  } catch (error) {
    throw toProblem(error);
  }
  if (answer.response.ok) return answer.data as T;
  throw toProblem(answer.error, answer.response);
}
