/** Bus request patterns the stock service answers. */
export const StockPatterns = {
  /** `RecordMovementRequest` → `RecordMovementReply`. */
  movementsRecord: 'stock.movements.record',
  /** `ListMovementsQueryDto` → `Page<StockMovement>`, newest first. */
  movementsList: 'stock.movements.list',
  /**
   * `{ productId }` → `StockLevel` (`lastMovementAt` null: the product has no history). A
   * product the stock service has not heard of yet is looked up in the catalog (404 when it
   * does not exist there); `levelsGetMany` never asks the catalog.
   */
  levelsGet: 'stock.levels.get',
  /** `{ productIds: string[] }` → `StockLevel[]` (one per id; unknown ids read as 0 on hand). */
  levelsGetMany: 'stock.levels.getMany',
  /** `GetStockHistoryRequest` → `StockHistory`: on hand at the end of each day (404: unknown product). */
  historyGet: 'stock.history.get',
  /** `ListLowStockRequest` → `StockLevel[]` at or below their reorder level, most urgent first. */
  levelsLow: 'stock.levels.low',
  /** `{}` → `StockSummary`: how many active products are ok, low and out. */
  levelsSummary: 'stock.levels.summary',
  /** `SetReorderLevelRequest` → `StockLevel`; may emit stock.low / stock.replenished. */
  reorderLevelSet: 'stock.reorderLevel.set',
  /**
   * `SyncProductsRequest` → `SyncProductsReply`: products the catalog just archived, deleted
   * (or restored), applied before the catalog answers its caller.
   */
  productsSync: 'stock.products.sync',
} as const;
