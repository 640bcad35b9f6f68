import type { RecordMovementRow } from './record-movement.sql';
import { wroteOutboxRows } from './movement-batcher.service';

/** A recorded movement as the statement answers it: on hand `before` → `after`. */
const recorded = (before: number, after: number, events: string[] = []): RecordMovementRow =>
  ({
    outcome: 'recorded',
    before,
    quantity_after: after,
    delta: after - before,
    events,
  }) as RecordMovementRow;

describe('which recorded movements wake the outbox relay', () => {
  it('a crossing event wakes it', () => {
    expect(wroteOutboxRows(recorded(12, 8, ['stock.low']))).toBe(true);
  });

  it('leaving 0 on hand wakes it even without a crossing: out → low writes only stock.status.changed', () => {
    expect(wroteOutboxRows(recorded(0, 4))).toBe(true);
  });

  it('a movement within one status writes nothing and wakes nothing', () => {
    expect(wroteOutboxRows(recorded(20, 15))).toBe(false);
    expect(wroteOutboxRows(recorded(7, 3))).toBe(false);
  });
});
