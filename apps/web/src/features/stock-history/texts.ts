/** Every user-facing string of the stock-over-time chart. */
export const stockHistoryTexts = {
  title: 'Stock over time',
  spanLabel: 'Period',
  span: (days: number) => `${days} days`,
  loading: 'Loading the chart…',
  onHand: 'On hand',
  received: 'Received',
  issued: 'Issued',
  reorderLevel: (level: number) => `Reorder level ${level}`,
  noMovements: (days: number) => `No movements in the last ${days} days.`,
  summary: (days: number, from: number, to: number, min: number) =>
    `Over the last ${days} days on hand went from ${from} to ${to}; lowest ${min}.`,
  chartLabel: (days: number) =>
    `On hand per day over the last ${days} days, with the reorder level`,
} as const;
