import { StockEvents } from '@inventory/contracts';

/**
 * The events a change of stock level can cause, in the order `stock.level_events` (migrations
 * 1764100000003, 1764250000000) takes them: every change, then the crossings into low, into
 * depleted and back above the reorder level; NULL writes no such event. Movements and
 * reorder-level changes pass this to the SQL, so each event type is named once, in
 * `StockEvents`.
 *
 * `stock.level.changed` (every change) is not written: nothing consumes it (the notification
 * service alerts on crossings only), and it cost an outbox row, a relay send and an SQS
 * receive and delete per movement. Put `StockEvents.LevelChanged` back here when a consumer
 * needs every level.
 */
export const LEVEL_EVENT_TYPES: readonly (string | null)[] = [
  null,
  StockEvents.Low,
  StockEvents.Depleted,
  StockEvents.Replenished,
];
