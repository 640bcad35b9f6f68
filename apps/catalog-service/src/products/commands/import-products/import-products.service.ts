import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  AuditActions,
  CatalogEvents,
  IMPORT_ERRORS_REPORTED,
  SKU_PATTERN,
  type ImportPartDto,
  type ImportProductsDto,
  type ImportResultDto,
  type ImportRowErrorDto,
  type ProductEventPayload,
  type ProductsImportedPayload,
} from '@inventory/contracts';
import {
  AuditTrail,
  ConflictError,
  InvalidInputError,
  type NewEvent,
  Outbox,
  UnprocessableError,
} from '@inventory/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogConfig } from '../../../catalog.config';
import { CategoriesRepository } from '../../../categories/database/categories.repository';
import { isViolationOf, UNIQUE_VIOLATION } from '../../../database/postgres-errors';
import { chunk } from '../../../database/sql';
import { ImportPartsRepository } from '../../database/import-parts.repository';
import { ProductsRepository } from '../../database/products.repository';
import type { ProductFields, ProductRecord } from '../../domain/product';
import { productAudit } from '../../domain/product-audit';
import { productChanges } from '../../domain/product-changes';
import { unescapeFormula } from '../../domain/csv-formulas';
import { importedEvents, productEvent, updateEventType } from '../../domain/product-events';
import { StockSync } from '../../stock/stock-sync';
import { parseProductCsv, readProductRow } from './product-csv.reader';

/** Parts of an import never run are dropped after this long. */
const STALE_PARTS_SECONDS = 3600;
/** Guards memory: far above what CSV_IMPORT_MAX_ROWS rows take. */
const MAX_IMPORT_CHARS = 256 * 1024 * 1024;
const WRITE_BATCH = 2000;

/**
 * Creates or updates products by SKU from a CSV file. Every row is checked first; with any
 * bad row nothing changes unless `partial` is set, in which case the good rows are written
 * and the bad ones reported. Writes (products and their events) happen in one transaction:
 * an import is all-or-nothing at the database level too.
 */
@Injectable()
export class ImportProductsService {
  private readonly logger = new Logger(ImportProductsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: CatalogConfig,
    private readonly products: ProductsRepository,
    private readonly categories: CategoriesRepository,
    private readonly parts: ImportPartsRepository,
    private readonly outbox: Outbox,
    private readonly stock: StockSync,
  ) {}

  async savePart(dto: ImportPartDto): Promise<{ importId: string; index: number }> {
    const manager = this.dataSource.manager;
    if (dto.index === 0) await this.parts.dropStale(manager, STALE_PARTS_SECONDS);
    await this.parts.save(manager, dto.importId, dto.index, dto.text);
    return { importId: dto.importId, index: dto.index };
  }

  async import(dto: ImportProductsDto, actor: string | null): Promise<ImportResultDto> {
    if ((dto.csv === undefined) === (dto.importId === undefined)) {
      throw new InvalidInputError('Send either csv or importId with parts, not both', [
        { field: 'csv', message: 'give either csv or importId' },
      ]);
    }
    const started = Date.now();
    const text = dto.csv ?? (await this.assemble(dto.importId!, dto.parts!));
    try {
      const result = await this.run(text, dto.partial === true, actor);
      this.logger.log({
        event: 'products.imported',
        rows: result.rows,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        rejected: result.rejected,
        partial: dto.partial === true,
        ms: Date.now() - started,
        actor,
      });
      return result;
    } finally {
      if (dto.importId) await this.parts.drop(this.dataSource.manager, dto.importId);
    }
  }

  private async assemble(importId: string, parts: number): Promise<string> {
    const manager = this.dataSource.manager;
    const stored = await this.parts.describe(manager, importId);
    const arrived = new Set(stored.map((part) => part.part));
    const missing = Array.from({ length: parts }, (_, i) => i).filter((i) => !arrived.has(i));
    if (missing.length > 0 || stored.length !== parts) {
      throw new InvalidInputError(
        `Import ${importId} is incomplete: ${stored.length} of ${parts} parts arrived` +
          (missing.length > 0 ? ` (missing part ${missing.slice(0, 5).join(', ')})` : ''),
      );
    }
    const chars = stored.reduce((sum, part) => sum + part.length, 0);
    if (chars > MAX_IMPORT_CHARS) {
      throw new InvalidInputError(`The file is too large to import (${chars} characters)`);
    }
    return this.parts.text(manager, importId);
  }

  private async run(
    text: string,
    partial: boolean,
    actor: string | null,
  ): Promise<ImportResultDto> {
    const { columns, rows } = parseProductCsv(text, this.config.CSV_IMPORT_MAX_ROWS);
    const errors: ImportRowErrorDto[] = [];
    let rejected = 0;
    const reject = (line: number, sku: string | null, field: string | null, message: string) => {
      if (errors.length < IMPORT_ERRORS_REPORTED) errors.push({ line, sku, field, message });
    };

    try {
      const outcome = await this.dataSource.transaction(async (tx) => {
        // One import at a time: two files creating the same new SKU would otherwise collide.
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('catalog.products.import'))`);
        const tree = await this.categories.tree(tx);
        const existing = await this.existingBySku(
          tx,
          // Only what can be a SKU is looked up (a cell with NUL would fail the query).
          rows
            .map((row) =>
              unescapeFormula(row.cells.sku ?? '')
                .trim()
                .toUpperCase(),
            )
            .filter((sku) => SKU_PATTERN.test(sku)),
        );

        const creates: { id: string; fields: ProductFields }[] = [];
        const updates: { id: string; fields: ProductFields; before: ProductRecord }[] = [];
        /** Archived rows the file left as they were: stock is told again (safe retries). */
        const stillArchived: ProductRecord[] = [];
        const firstLineOfSku = new Map<string, number>();
        let unchanged = 0;
        for (const row of rows) {
          const sku =
            unescapeFormula(row.cells.sku ?? '')
              .trim()
              .toUpperCase() || null;
          if (sku && firstLineOfSku.has(sku)) {
            rejected++;
            reject(
              row.line,
              sku,
              'sku',
              `${sku} appears again (first on line ${firstLineOfSku.get(sku)})`,
            );
            continue;
          }
          if (sku) firstLineOfSku.set(sku, row.line);
          const current = sku ? existing.get(sku) : undefined;
          const outcome = readProductRow(row, columns, current, tree, this.config.DEFAULT_CURRENCY);
          if ('problems' in outcome) {
            rejected++;
            for (const problem of outcome.problems) {
              reject(row.line, sku, problem.field, problem.message);
            }
            continue;
          }
          if (!current) creates.push({ id: randomUUID(), fields: outcome.fields });
          else if (Object.keys(productChanges(current, outcome.fields)).length > 0) {
            updates.push({ id: current.id, fields: outcome.fields, before: current });
          } else {
            unchanged++;
            if (!current.active) stillArchived.push(current);
          }
        }

        if (rejected > 0 && !partial) {
          throw new UnprocessableError(
            `${rejected} of ${rows.length} rows have errors, so nothing was imported. Fix them, or import with partial=true to load the ${rows.length - rejected} valid rows.`,
            errors.map((error) => ({
              field: `line ${error.line}${error.field ? `: ${error.field}` : ''}`,
              message: error.message,
            })),
          );
        }

        const changedAt = await this.write(tx, creates, updates, actor);
        // One entry per product the file created or changed, with its field diffs.
        await AuditTrail.record(tx, [
          ...creates.map(({ id, fields }) =>
            productAudit(
              AuditActions.ProductImported,
              { id, ...fields },
              { sku: { from: null, to: fields.sku }, name: { from: null, to: fields.name } },
            ),
          ),
          ...updates.map(({ id, fields, before }) =>
            productAudit(
              AuditActions.ProductImported,
              { id, ...fields },
              productChanges(before, fields),
            ),
          ),
        ]);
        const archived = [
          ...[...creates, ...updates]
            .filter(({ fields }) => !fields.active)
            .map(({ id, fields }) => ({ id, ...fields, changedAt: changedAt.get(id)! })),
          ...stillArchived.map((p) => ({ ...p, changedAt: p.updatedAt.toISOString() })),
        ];
        return {
          archived,
          result: {
            rows: rows.length,
            created: creates.length,
            updated: updates.length,
            unchanged,
            rejected,
            errors,
            errorsTruncated: rejected > 0 && errors.length >= IMPORT_ERRORS_REPORTED,
          },
        };
      });
      // Archived products take no movement once the import has answered.
      if (outcome.archived.length > 0) {
        await this.stock.retire(
          outcome.archived,
          `The import was saved and archives ${outcome.archived.length} product(s)`,
        );
      }
      return outcome.result;
    } catch (error) {
      if (isViolationOf(error, UNIQUE_VIOLATION, 'products_sku')) {
        throw new ConflictError(
          'A product with one of these SKUs was created while the file was being imported; nothing was imported. Import the file again.',
        );
      }
      throw error;
    }
  }

  private async existingBySku(
    manager: EntityManager,
    skus: string[],
  ): Promise<Map<string, ProductRecord>> {
    const found = new Map<string, ProductRecord>();
    for (const batch of chunk([...new Set(skus)], 10_000)) {
      for (const record of await this.products.findBySkus(manager, batch)) {
        found.set(record.sku, record);
      }
    }
    return found;
  }

  private async write(
    manager: EntityManager,
    creates: { id: string; fields: ProductFields }[],
    updates: { id: string; fields: ProductFields; before: ProductRecord }[],
    actor: string | null,
  ): Promise<Map<string, string>> {
    const events: NewEvent<ProductEventPayload>[] = [
      ...creates.map(({ id, fields }) =>
        productEvent(CatalogEvents.ProductCreated, { id, ...fields }),
      ),
      ...updates.map(({ id, fields, before }) => {
        const changes = productChanges(before, fields);
        return productEvent(updateEventType(changes), { id, ...fields }, changes);
      }),
    ];
    for (const batch of chunk(creates, WRITE_BATCH)) {
      await this.products.insertMany(manager, batch, actor);
    }
    for (const batch of chunk(updates, WRITE_BATCH)) {
      await this.products.updateMany(manager, batch, actor);
    }
    // Many products to an event: the import must not put thousands of messages in front of
    // every other catalog event (docs/catalog.md, "Events").
    const changedAt = new Map<string, string>();
    for (const batch of chunk(importedEvents(events), 1000)) {
      for (const envelope of await this.outbox.add(manager, batch)) {
        const { products } = envelope.payload as ProductsImportedPayload;
        for (const item of products) changedAt.set(item.product.productId, envelope.occurredAt);
      }
    }
    /** When each product changed: its event's time (stock orders changes by it). */
    return changedAt;
  }
}
