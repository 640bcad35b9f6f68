import { StockEvents } from '@inventory/contracts';

/**
 * The events a change of stock level can cause, in the order `stock.level_events` (migration
 * 1764100000003) takes them: every change, then the crossings into low, into depleted and
 * back above the reorder level. Movements and reorder-level changes pass this to the SQL, so
 * each event type is named once, in `StockEvents`.
 */
export const LEVEL_EVENT_TYPES: readonly string[] = [
  StockEvents.LevelChanged,
  StockEvents.Low,
  StockEvents.Depleted,
  StockEvents.Replenished,
];
