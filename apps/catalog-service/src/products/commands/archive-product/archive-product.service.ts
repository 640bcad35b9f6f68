import { Injectable, Logger } from '@nestjs/common';
import { CatalogEvents, type ProductDto } from '@inventory/contracts';
import { NotFoundError, Outbox } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { ProductsRepository } from '../../database/products.repository';
import { productEvent } from '../../domain/product-events';
import { ProductPresenter } from '../../queries/read-products/product.presenter';

/**
 * Archives a product: it stays in the catalog (and in its stock history) but takes no new
 * stock movements. Archiving an archived product changes nothing.
 */
@Injectable()
export class ArchiveProductService {
  private readonly logger = new Logger(ArchiveProductService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsRepository,
    private readonly outbox: Outbox,
    private readonly presenter: ProductPresenter,
  ) {}

  async archive(id: string, actor: string | null): Promise<ProductDto> {
    const archived = await this.dataSource.transaction(async (tx) => {
      const current = await this.products.findById(tx, id, { lock: true });
      if (!current) throw new NotFoundError(`Product ${id} not found`);
      if (!current.active) return null;
      await this.products.update(tx, id, { ...current, active: false }, actor);
      await this.outbox.add(tx, [
        productEvent(
          CatalogEvents.ProductArchived,
          { ...current, active: false },
          { active: { from: true, to: false } },
        ),
      ]);
      return current;
    });
    if (archived) {
      this.logger.log({ event: 'product.archived', productId: id, sku: archived.sku, actor });
    }
    const product = await this.products.findById(this.dataSource.manager, id);
    if (!product) throw new NotFoundError(`Product ${id} not found`);
    return this.presenter.presentOne(product);
  }
}
