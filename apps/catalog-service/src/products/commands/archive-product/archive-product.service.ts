import { Injectable, Logger } from '@nestjs/common';
import { CatalogEvents, type ProductDto } from '@inventory/contracts';
import { AuditTrail, NotFoundError, Outbox } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { ProductsRepository } from '../../database/products.repository';
import { productAudit } from '../../domain/product-audit';
import { productEvent } from '../../domain/product-events';
import { ProductPresenter } from '../../queries/read-products/product.presenter';
import { StockSync } from '../../stock/stock-sync';

/**
 * Archives a product: it stays in the catalog (and in its stock history) but takes no new
 * stock movements, from this answer on: the stock service confirms before the archive is
 * answered (503 when it does not; archiving again is safe). Archiving an archived product
 * changes nothing in the catalog, and tells stock again.
 */
@Injectable()
export class ArchiveProductService {
  private readonly logger = new Logger(ArchiveProductService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsRepository,
    private readonly outbox: Outbox,
    private readonly presenter: ProductPresenter,
    private readonly stock: StockSync,
  ) {}

  async archive(id: string, actor: string | null): Promise<ProductDto> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const current = await this.products.findById(tx, id, { lock: true });
      if (!current) throw new NotFoundError(`Product ${id} not found`);
      if (!current.active) {
        return { product: current, changedAt: current.updatedAt.toISOString(), archived: false };
      }
      await this.products.update(tx, id, { ...current, active: false }, actor);
      const [event] = await this.outbox.add(tx, [
        productEvent(
          CatalogEvents.ProductArchived,
          { ...current, active: false },
          { active: { from: true, to: false } },
        ),
      ]);
      await AuditTrail.record(
        tx,
        productAudit(CatalogEvents.ProductArchived, current, { active: { from: true, to: false } }),
      );
      return { product: current, changedAt: event.occurredAt, archived: true };
    });
    if (outcome.archived) {
      this.logger.log({
        event: 'product.archived',
        productId: id,
        sku: outcome.product.sku,
        actor,
      });
    }
    await this.stock.retire(
      [{ ...outcome.product, active: false, changedAt: outcome.changedAt }],
      `${outcome.product.sku} is archived in the catalog`,
    );
    const product = await this.products.findById(this.dataSource.manager, id);
    if (!product) throw new NotFoundError(`Product ${id} not found`);
    return this.presenter.presentOne(product);
  }
}
