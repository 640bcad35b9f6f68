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

/**
 * An event as an outbox row holds it: its type, payload and metadata, not yet an envelope
 * (`occurredAt` in ISO 8601, UTC, milliseconds; no causation is null in a row).
 */
export type OutboxEvent<T = unknown> = Omit<EventEnvelope<T>, 'causationId'> & {
  causationId?: string | null;
};

/**
 * The envelope of an event, as it goes on the queue. The only place an envelope is built:
 * `Outbox.add` returns it to the caller and the relay publishes it, for rows written by
 * `Outbox.add` and by a service's own SQL alike.
 */
export function envelope<T>(event: OutboxEvent<T>): EventEnvelope<T> {
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    occurredAt: event.occurredAt,
    source: event.source,
    correlationId: event.correlationId,
    ...(event.causationId ? { causationId: event.causationId } : {}),
    payload: event.payload,
  };
}

/** Wakes whatever publishes the outbox (the relay); see `Outbox.written`. */
export interface OutboxWaker {
  wake(): void;
}

/**
 * Records events in the service's outbox table inside the caller's transaction: they
 * exist exactly when the change they describe was committed. The relay publishes them.
 */
@Injectable()
export class Outbox {
  constructor(
    /** The service writing the events: each envelope's `source`. */
    readonly source: string,
    private readonly relay?: OutboxWaker,
  ) {}

  async add(manager: EntityManager, events: NewEvent[]): Promise<EventEnvelope[]> {
    if (events.length === 0) return [];
    const occurredAt = new Date().toISOString();
    const correlationId = RequestContext.correlationId();
    const rows = events.map((event) => ({
      queue: event.queue,
      event: {
        id: randomUUID(),
        type: event.type,
        version: event.version ?? 1,
        occurredAt,
        source: this.source,
        correlationId,
        causationId: event.causationId ?? null,
        payload: event.payload,
      } satisfies OutboxEvent,
    }));
    const values: unknown[] = [];
    const tuples = rows.map(({ queue, event }, index) => {
      values.push(
        event.id,
        queue,
        event.type,
        event.version,
        event.occurredAt,
        event.source,
        event.correlationId,
        event.causationId,
        JSON.stringify(event.payload),
      );
      const n = index * 9;
      return `(${Array.from({ length: 9 }, (_, k) => `$${n + k + 1}`).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO outbox (id, queue, type, version, occurred_at, source, correlation_id,
                           causation_id, payload)
       VALUES ${tuples.join(', ')}`,
      values,
    );
    return rows.map(({ event }) => envelope(event));
  }

  /**
   * Runs `statement`, which commits outbox rows on its own (one statement in autocommit, or
   * its own transaction), and has this process's relay publish them as soon as it returns,
   * without waiting for a NOTIFY or the relay's idle poll (docs/adr/0007). `wroteEvents`
   * tells from the result whether any row was written (a movement that crosses no threshold
   * writes none), so the relay is not woken for nothing; when the statement fails the relay
   * is woken anyway.
   */
  async written<T>(
    statement: () => Promise<T>,
    wroteEvents: (result: T) => boolean = () => true,
  ): Promise<T> {
    let result: T;
    try {
      result = await statement();
    } catch (error) {
      this.relay?.wake();
      throw error;
    }
    if (wroteEvents(result)) this.relay?.wake();
    return result;
  }
}
