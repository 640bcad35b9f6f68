import { Injectable, Logger } from '@nestjs/common';
import type { ProductDto, UpdateProductRequestDto } from '@inventory/contracts';
import { AuditTrail, NotFoundError, Outbox } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { CategoriesRepository } from '../../../categories/database/categories.repository';
import { ProductsRepository } from '../../database/products.repository';
import { productAudit } from '../../domain/product-audit';
import { applyUpdate, productChanges } from '../../domain/product-changes';
import { productEvent, updateEventType } from '../../domain/product-events';
import { ProductPresenter } from '../../queries/read-products/product.presenter';
import { StockSync } from '../../stock/stock-sync';
import { categoryNotFound, explainWriteError } from '../product-errors';

/**
 * Changes some fields of a product. The row is locked while the changes are worked out, so
 * the event's `from` values are what the product really was; an update that changes
 * nothing writes nothing and announces nothing.
 */
@Injectable()
export class UpdateProductService {
  private readonly logger = new Logger(UpdateProductService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsRepository,
    private readonly categories: CategoriesRepository,
    private readonly outbox: Outbox,
    private readonly presenter: ProductPresenter,
    private readonly stock: StockSync,
  ) {}

  async update(dto: UpdateProductRequestDto, actor: string | null): Promise<ProductDto> {
    const { id, ...update } = dto;
    const manager = this.dataSource.manager;
    let sku = update.sku ?? '';
    const outcome = await this.dataSource
      .transaction(async (tx) => {
        const current = await this.products.findById(tx, id, { lock: true });
        if (!current) throw new NotFoundError(`Product ${id} not found`);
        const next = applyUpdate(current, update);
        sku = next.sku;
        const changes = productChanges(current, next);
        if (Object.keys(changes).length === 0) {
          return { changes, type: null, changedAt: current.updatedAt.toISOString() };
        }
        if (changes.categoryId && next.categoryId) {
          if (!(await this.categories.tree(tx)).has(next.categoryId)) {
            throw categoryNotFound(next.categoryId);
          }
        }
        await this.products.update(tx, id, next, actor);
        const type = updateEventType(changes);
        const [event] = await this.outbox.add(tx, [productEvent(type, { id, ...next }, changes)]);
        await AuditTrail.record(tx, productAudit(type, { id, ...next }, changes));
        return { changes, type, changedAt: event.occurredAt };
      })
      .catch((error: unknown) =>
        explainWriteError(
          error,
          { sku, categoryId: update.categoryId ?? null },
          this.products,
          manager,
        ),
      );
    if (outcome.type) {
      this.logger.log({
        event: outcome.type,
        productId: id,
        sku,
        changes: outcome.changes,
        actor,
      });
    }
    const updated = await this.products.findById(manager, id);
    if (!updated) throw new NotFoundError(`Product ${id} not found`);
    // Archiving takes effect on stock movements before the answer (as POST …/archive);
    // bringing a product back need not wait for stock (its event follows).
    if (update.active === false && !updated.active) {
      await this.stock.retire(
        [{ ...updated, changedAt: outcome.changedAt }],
        `${updated.sku} is archived in the catalog`,
      );
    } else if (update.active === true && updated.active) {
      await this.stock.restore(updated, outcome.changedAt);
    }
    return this.presenter.presentOne(updated);
  }
}
