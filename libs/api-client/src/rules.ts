// Generated from libs/contracts by `npx nx run api-client:generate` (see CONTRACT_RULES in
// scripts/generate.mjs). Do not edit: change the rule in libs/contracts and generate again.

import type { components } from './schema';

type StockStatus = components['schemas']['StockStatus'];

/**
 * The one ok/low/out rule, for the stock service's levels and the notification service's
 * alert state alike: out with nothing on hand, low at or below the reorder level, else ok.
 */
export function stockStatus(onHand: number, reorderLevel: number): StockStatus {
  if (onHand === 0) return 'out';
  return onHand <= reorderLevel ? 'low' : 'ok';
}
