import type { ApiClient, Schemas } from '@inventory/api-client';
import { ApiProblem, call } from '../../../shared/api/problem';

export type ScanMovementType = 'issue' | 'receive';
export type RecordedMovement = Schemas['RecordMovementResultDto'];

/** Sends after a network error, timeout or 503/504 before giving up (same key every time). */
const ATTEMPTS = 3;
const RETRY_DELAY_MS = 400;

/** One key per intended movement: a UUID (with a fallback where randomUUID is missing). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Records one scan's movement, `POST /stock/movements` with the scan's Idempotency-Key. A
 * request that got no decision (network, timeout, 503/504) is sent again with the same key,
 * so the gateway records it once however many times it arrives.
 */
export async function recordScanMovement(
  api: ApiClient,
  movement: { productId: string; type: ScanMovementType; quantity: number; key: string },
  wait: (ms: number) => Promise<void> = (ms) => new Promise((done) => setTimeout(done, ms)),
): Promise<RecordedMovement> {
  const { key, ...body } = movement;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call(
        api.POST('/api/v1/stock/movements', {
          body,
          params: { header: { 'Idempotency-Key': key } },
        }),
      );
    } catch (error) {
      if (!(error instanceof ApiProblem) || !error.retryable || attempt >= ATTEMPTS) throw error;
      await wait(RETRY_DELAY_MS * attempt);
    }
  }
}
