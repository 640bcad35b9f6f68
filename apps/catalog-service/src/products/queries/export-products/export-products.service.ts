import { Injectable } from '@nestjs/common';
import {
  type ExportPageDto,
  type ExportProductsQueryDto,
  PRODUCT_CSV_COLUMNS,
} from '@inventory/contracts';
import { NotFoundError } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { CategoriesRepository } from '../../../categories/database/categories.repository';
import type { CategoryTree } from '../../../categories/domain/category-tree';
import { type ProductFilter, ProductsRepository } from '../../database/products.repository';
import type { ProductRecord } from '../../domain/product';
import { escapeFormula } from '../../domain/csv-formulas';
import { csvLine } from './csv-line';

const ROWS_PER_QUERY = 2000;
/** As in the list: more words than this add little and cost an index probe each. */
const MAX_SEARCH_WORDS = 6;
/**
 * Bytes of JSON-encoded CSV per page: the answer must stay below NATS' default 1 MB
 * max_payload (docs/catalog.md).
 */
export const EXPORT_PAGE_BYTES = 512 * 1024;

/**
 * The catalog as CSV (the import's format), in pages by SKU so that no bus message grows
 * past what the transport carries. The caller follows `next` until it is null, passing the
 * same filters (those of the list: search words, SKU, category with its subtree, active,
 * stock status).
 */
@Injectable()
export class ExportProductsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsRepository,
    private readonly categories: CategoriesRepository,
  ) {}

  async page(
    after: string | undefined,
    pageBytes = EXPORT_PAGE_BYTES,
    query: ExportProductsQueryDto = {},
  ): Promise<ExportPageDto> {
    const manager = this.dataSource.manager;
    const tree = await this.categories.tree(manager);
    const filter: ProductFilter = {
      words: (query.search ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS),
      sku: query.sku,
      active: query.active,
      stockStatus: query.status,
    };
    if (query.categoryId) {
      if (!tree.has(query.categoryId)) {
        throw new NotFoundError(`Category ${query.categoryId} not found`);
      }
      filter.categoryIds = tree.subtree(query.categoryId);
    }
    const records = await this.products.pageBySku(manager, after, ROWS_PER_QUERY, filter);
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
