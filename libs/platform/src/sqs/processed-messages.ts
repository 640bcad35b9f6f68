import type { EntityManager } from 'typeorm';

/**
 * Records that `consumer` acted on `eventId`, inside the caller's transaction. Returns false
 * when it already had: the caller then does nothing, and a redelivered event has no effect.
 */
export async function markProcessed(
  manager: EntityManager,
  eventId: string,
  consumer: string,
): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO processed_messages (event_id, consumer) VALUES ($1, $2)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [eventId, consumer],
  );
  return inserted.length === 1;
}
