import { createHash } from 'node:crypto';
import type { Actor, RecordMovementDto } from '@inventory/contracts';

/**
 * Fingerprint of what a movement request asks for (and who asks): a reused idempotency key
 * is answered with the stored result only when this matches.
 */
export function requestHash(request: RecordMovementDto, actor: Actor | undefined): string {
  const fields = [
    request.productId.toLowerCase(),
    request.type,
    request.quantity,
    request.reason ?? null,
    request.reference ?? null,
    actor?.userId ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
