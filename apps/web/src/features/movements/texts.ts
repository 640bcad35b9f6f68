/** Every user-facing string of recording a stock movement. */
export const movementTexts = {
  title: (type: string) => `${type}`,
  part: (name: string, sku: string) => `${name} · ${sku}`,
  onHandNow: (count: number) => `On hand now: ${count}`,
  onHandUnknown: 'On hand: unknown',
  type: 'Movement',
  types: {
    receive: 'Receive',
    issue: 'Issue',
    adjust: 'Adjust',
    stocktake: 'Stocktake',
  },
  quantity: {
    receive: 'Quantity received',
    issue: 'Quantity issued',
    adjust: 'Correction (+ adds, − removes)',
    stocktake: 'Counted on the shelf',
  },
  quantityHelp: {
    receive: '1 to 1,000,000',
    issue: '1 to 1,000,000',
    adjust: 'A signed number, not 0, e.g. -2',
    stocktake: 'The number you counted: on hand becomes exactly this',
  },
  reason: 'Reason',
  reasonRequired: 'Say why the count is corrected',
  reference: 'Reference (order, work order …)',
  submit: {
    receive: 'Receive',
    issue: 'Issue',
    adjust: 'Adjust',
    stocktake: 'Save count',
  },
  cancel: 'Cancel',
  quantityWhole: 'A whole number',
  quantityPositive: 'At least 1',
  quantityMax: 'At most 1,000,000',
  quantityNotZero: 'Not 0',
  quantityNotNegative: 'Not below 0',
  notEnough: (onHand: number) => `Not enough on hand: only ${onHand} left. Nothing was recorded.`,
  notEnoughUnknown: 'Not enough on hand. Nothing was recorded.',
  archived: 'This part is archived: no movements can be recorded for it.',
  recorded: {
    receive: (quantity: number, name: string, onHand: number) =>
      `Received ${quantity} × ${name}: ${onHand} on hand now`,
    issue: (quantity: number, name: string, onHand: number) =>
      `Issued ${quantity} × ${name}: ${onHand} on hand now`,
    adjust: (quantity: number, name: string, onHand: number) =>
      `Adjusted ${name} by ${quantity > 0 ? '+' : ''}${quantity}: ${onHand} on hand now`,
    stocktake: (quantity: number, name: string, onHand: number) =>
      `Counted ${quantity} × ${name}: ${onHand} on hand now`,
  },
  retrying: 'No answer yet: trying again (it will not be counted twice)…',
  notSent:
    'Not confirmed. Press the button again: the same movement is sent again and counted only once.',
} as const;
