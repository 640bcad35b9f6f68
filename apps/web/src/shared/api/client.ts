import { createApiClient, type ApiClient, type Schemas } from '@inventory/api-client';
import { Session } from './session';

/** How long a request may take before the console gives up on it and says so. */
export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * A fetch that signs requests with the session's access token and, when a signed request
 * answers 401, refreshes once (shared by every request waiting for it) and sends the same
 * request again with the new token. A refused refresh ends the session.
 */
export function authFetch(
  session: Session,
  base: typeof fetch = (input, init) => globalThis.fetch(input, init),
): (request: Request) => Promise<Response> {
  return async (request) => {
    const retry = request.clone();
    const token = session.token;
    const first = await base(withToken(request, token));
    if (first.status !== 401 || token === null) return first;
    const refreshed = session.token !== token || (await session.refresh());
    if (!refreshed) return first;
    return base(withToken(retry, session.token));
  };
}

function withToken(request: Request, token: string | null): Request {
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]);
  const headers = new Headers(request.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  // The audit trail records where a change came from: this is the console.
  headers.set('X-Inventory-Client', 'console');
  return new Request(request, { headers, signal });
}

/** The session and API client of the running console (one per page load). */
export function createConsoleApi(baseUrl = globalThis.location?.origin ?? ''): {
  session: Session;
  api: ApiClient;
} {
  // Refreshing goes straight to the gateway (never through authFetch: no token, no retry).
  const session = new Session({
    exchange: async (refreshToken) => {
      const response = await fetch(`${baseUrl}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (response.status === 401 || response.status === 400) return null;
      if (!response.ok) throw new Error(`refresh answered ${response.status}`);
      return (await response.json()) as Schemas['TokensDto'];
    },
  });
  const api = createApiClient({ baseUrl, fetch: authFetch(session) });
  return { session, api };
}
