/** The ok/low/out rule itself is `stockStatus` in libs/contracts, shared with notification. */

/**
 * SQL condition of a product that needs attention (low or out): it has a reorder level and is
 * at or below it. A part with no reorder level (0) and nothing on hand is one nobody stocks,
 * not one that ran out: it is counted as neither low nor out, nor listed, nor in the digest.
 * Its own status still says "out" (there is none on hand), as on its page.
 */
export const NEEDS_ATTENTION_SQL = `reorder_level > 0 AND on_hand <= reorder_level`;

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
