/** Every user-facing string of CSV import and export. */
export const adminImportTexts = {
  title: 'Import and export',
  importTitle: 'Import parts from CSV',
  importIntro:
    'A header row names the columns (sku is required). Rows with a known SKU update that part; new SKUs create parts.',
  chooseFile: 'CSV file',
  choosePlaceholder: 'Choose a .csv file',
  preview: (rows: number) => `Preview: the first ${rows} rows`,
  columnsFound: 'Columns found',
  unknownColumn: (name: string) => `${name} (not a known column: ignored by the API)`,
  noSku: 'There is no sku column: the API will refuse the file.',
  fileSize: (bytes: number) =>
    bytes >= 1024 * 1024
      ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
      : `${Math.ceil(bytes / 1024)} KB`,
  importAll: 'Import (all or nothing)',
  importGood: 'Import only the good rows',
  uploading: (percent: number) => `Sending the file… ${percent}%`,
  processing: 'Checking and saving every row…',
  done: (created: number, updated: number, unchanged: number) =>
    `Imported: ${created} created, ${updated} updated, ${unchanged} unchanged.`,
  rejectedRows: (rejected: number) => `${rejected} rows were not imported:`,
  nothingImported: 'Nothing was imported.',
  badLines: 'Bad lines',
  line: 'Line',
  field: 'Field',
  problem: 'Problem',
  truncated: 'More errors were found than are listed here.',
  exportTitle: 'Export parts as CSV',
  exportIntro:
    'The file uses the import format, so it can be edited and imported back. Filters work as in the parts list.',
  search: 'Search',
  category: 'Category',
  anyCategory: 'Any category',
  stock: 'Stock',
  stockAll: 'Any stock',
  stockOptions: { ok: 'In stock', low: 'Low', out: 'Out of stock' },
  active: 'Which parts',
  activeAll: 'Active and archived',
  activeOnly: 'Active only',
  archivedOnly: 'Archived only',
  download: 'Download CSV',
  downloaded: (name: string) => `Downloaded ${name}`,
} as const;
