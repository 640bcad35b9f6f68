import { Injectable } from '@nestjs/common';
import { type ExportPageDto, PRODUCT_CSV_COLUMNS } from '@inventory/contracts';
import { DataSource } from 'typeorm';
import { CategoriesRepository } from '../../../categories/database/categories.repository';
import type { CategoryTree } from '../../../categories/domain/category-tree';
import { ProductsRepository } from '../../database/products.repository';
import type { ProductRecord } from '../../domain/product';
import { escapeFormula } from '../../domain/csv-formulas';
import { csvLine } from './csv-line';

const ROWS_PER_QUERY = 2000;
/**
 * Bytes of JSON-encoded CSV per page: the answer must stay below NATS' default 1 MB
 * max_payload (docs/catalog.md).
 */
export const EXPORT_PAGE_BYTES = 512 * 1024;

/**
 * The catalog as CSV (the import's format), in pages by SKU so that no bus message grows
 * past what the transport carries. The caller follows `next` until it is null.
 */
@Injectable()
export class ExportProductsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsRepository,
    private readonly categories: CategoriesRepository,
  ) {}

  async page(after: string | undefined, pageBytes = EXPORT_PAGE_BYTES): Promise<ExportPageDto> {
    const manager = this.dataSource.manager;
    const [tree, records] = await Promise.all([
      this.categories.tree(manager),
      this.products.pageBySku(manager, after, ROWS_PER_QUERY),
    ]);
    const lines: string[] = after === undefined ? [csvLine([...PRODUCT_CSV_COLUMNS])] : [];
    let bytes = lines[0]?.length ?? 0;
    let last: string | undefined;
    let full = false;
    for (const record of records) {
      const line = csvLine(csvValues(record, tree));
      const size = Buffer.byteLength(JSON.stringify(line)) + 1;
      if (last !== undefined && bytes + size > pageBytes) {
        full = true;
        break;
      }
      lines.push(line);
      bytes += size;
      last = record.sku;
    }
    const more = full || records.length === ROWS_PER_QUERY;
    return {
      csv: lines.length > 0 ? `${lines.join('\n')}\n` : '',
      rows: after === undefined ? lines.length - 1 : lines.length,
      next: more && last !== undefined ? last : null,
    };
  }
}

/** A product as the cells of its CSV row, formulas escaped (see `escapeFormula`). */
export function csvValues(record: ProductRecord, tree: CategoryTree): string[] {
  return rawValues(record, tree).map(escapeFormula);
}

function rawValues(record: ProductRecord, tree: CategoryTree): string[] {
  return [
    record.sku,
    record.name,
    record.description ?? '',
    record.categoryId && tree.has(record.categoryId) ? tree.pathText(record.categoryId) : '',
    record.unitCost ?? '',
    record.salePrice ?? '',
    record.currency,
    record.manufacturer ?? '',
    record.mpn ?? '',
    Object.keys(record.parameters).length > 0 ? JSON.stringify(record.parameters) : '',
    record.active ? 'true' : 'false',
  ];
}
