import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EventEnvelope, QueueName } from '@inventory/contracts';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';

export interface NewEvent<T = unknown> {
  queue: QueueName;
  type: string;
  payload: T;
  version?: number;
  causationId?: string;
}

/** The envelope for an event caused by the work in progress. */
export function envelope<T>(source: string, event: NewEvent<T>): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type: event.type,
    version: event.version ?? 1,
    occurredAt: new Date().toISOString(),
    source,
    correlationId: RequestContext.correlationId(),
    ...(event.causationId ? { causationId: event.causationId } : {}),
    payload: event.payload,
  };
}

export const OUTBOX_SOURCE = Symbol('OUTBOX_SOURCE');

/**
 * Records events in the service's outbox table inside the caller's transaction: they
 * exist exactly when the change they describe was committed. The relay publishes them.
 */
@Injectable()
export class Outbox {
  constructor(private readonly source: string) {}

  async add(manager: EntityManager, events: NewEvent[]): Promise<EventEnvelope[]> {
    if (events.length === 0) return [];
    const envelopes = events.map((event) => envelope(this.source, event));
    const values: unknown[] = [];
    const rows = envelopes.map((env, index) => {
      values.push(env.id, events[index].queue, env.type, JSON.stringify(env));
      const n = index * 4;
      return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4})`;
    });
    await manager.query(
      `INSERT INTO outbox (id, queue, type, body) VALUES ${rows.join(', ')}`,
      values,
    );
    return envelopes;
  }
}
