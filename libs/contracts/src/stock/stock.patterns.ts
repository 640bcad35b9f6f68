/** Bus request patterns the stock service answers. */
export const StockPatterns = {
  movementsRecord: 'stock.movements.record',
  movementsList: 'stock.movements.list',
  levelsGet: 'stock.levels.get',
  /** `{ productIds: string[] }` → `StockLevel[]` (one per id; unknown ids read as 0 on hand). */
  levelsGetMany: 'stock.levels.getMany',
  /** `{}` → `StockLevel[]` at or below their reorder level, most urgent first. */
  levelsLow: 'stock.levels.low',
  reorderLevelSet: 'stock.reorderLevel.set',
} as const;
