/** Every user-facing string of bulk reorder levels. */
export const adminReorderTexts = {
  title: 'Reorder levels',
  intro:
    'Set the reorder level of many parts at once. Each row shows what the new level does to its low-stock status before you save.',
  setAll: 'Set every selected part to',
  apply: 'Apply to all',
  sku: 'SKU',
  name: 'Name',
  onHand: 'On hand',
  current: 'Now',
  next: 'New level',
  effect: 'Effect',
  remove: (sku: string) => `Remove ${sku} from the selection`,
  nothingSelected: 'No parts selected: find parts above, or select rows in the parts list.',
  save: (n: number) => `Save ${n} changes`,
  saving: (done: number, total: number) => `Saving ${done} of ${total}…`,
  saved: (n: number) => `${n} reorder levels saved`,
  becomeLow: (n: number) => `${n} will be listed as low`,
  failed: (sku: string, message: string) => `${sku}: ${message}`,
  newLevelOf: (sku: string) => `New reorder level of ${sku}`,
} as const;
