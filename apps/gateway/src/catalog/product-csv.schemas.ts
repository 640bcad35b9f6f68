import { PRODUCT_CSV_COLUMNS } from '@inventory/contracts';

/**
 * Schemas of the CSV format for the OpenAPI document: no JSON body carries the columns, but
 * clients need them by name (the console checks a file's header before sending it).
 */
export const PRODUCT_CSV_SCHEMAS = {
  ProductCsvColumn: {
    type: 'string',
    enum: [...PRODUCT_CSV_COLUMNS],
    description:
      'A column of the product CSV, in export order: the header of an import names some of them (sku is required), an export has all of them.',
  },
};
