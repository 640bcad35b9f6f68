/** The ok/low/out rule itself is `stockStatus` in libs/contracts, shared with notification. */

/**
 * SQL order of products at or below their reorder level, most urgent first: out of stock,
 * then the smallest share of the reorder level left, then the largest shortfall.
 */
export const MOST_URGENT_FIRST_SQL = `
  (on_hand = 0) DESC,
  on_hand::float8 / NULLIF(reorder_level, 0) ASC NULLS FIRST,
  (reorder_level - on_hand) DESC,
  sku ASC NULLS LAST,
  product_id ASC`;
