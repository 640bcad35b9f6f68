/** Every user-facing string of label printing. */
export const adminLabelsTexts = {
  title: 'Labels',
  intro:
    'Each label carries a QR code that scan mode opens, the SKU and name. Preview below is what prints.',
  format: 'Format',
  formatA4: 'A4 sheet, 3 × 8 (70 × 37 mm)',
  formatRoll: '62 mm continuous roll (62 × 29 mm)',
  skip: 'Skip labels already used on the first sheet',
  showLocation: 'Location',
  showBarcode: 'Code 128 barcode of the SKU',
  copies: 'Copies',
  copiesOf: (sku: string) => `Copies of ${sku}`,
  remove: (sku: string) => `Remove ${sku}`,
  sku: 'SKU',
  name: 'Name',
  location: 'Location',
  nothingSelected: 'No parts selected: find parts above, or select rows in the parts list.',
  print: 'Print',
  summary: (labels: number, sheets: number) =>
    `${labels} labels on ${sheets} ${sheets === 1 ? 'page' : 'pages'}`,
  rendered: (ms: number) => `rendered in ${ms} ms`,
  preview: 'Preview',
  sheet: (n: number) => `Page ${n}`,
} as const;
