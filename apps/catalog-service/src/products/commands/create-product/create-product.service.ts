import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { CatalogEvents, type CreateProductDto, type ProductDto } from '@inventory/contracts';
import { AuditTrail, NotFoundError, Outbox } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { CatalogConfig } from '../../../catalog.config';
import { CategoriesRepository } from '../../../categories/database/categories.repository';
import { ProductsRepository } from '../../database/products.repository';
import type { ProductFields } from '../../domain/product';
import { productAudit } from '../../domain/product-audit';
import { productEvent } from '../../domain/product-events';
import { ProductPresenter } from '../../queries/read-products/product.presenter';
import { categoryNotFound, explainWriteError } from '../product-errors';

@Injectable()
export class CreateProductService {
  private readonly logger = new Logger(CreateProductService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: CatalogConfig,
    private readonly products: ProductsRepository,
    private readonly categories: CategoriesRepository,
    private readonly outbox: Outbox,
    private readonly presenter: ProductPresenter,
  ) {}

  async create(dto: CreateProductDto, actor: string | null): Promise<ProductDto> {
    const id = randomUUID();
    const fields: ProductFields = {
      sku: dto.sku,
      name: dto.name,
      description: dto.description ?? null,
      categoryId: dto.categoryId ?? null,
      unitCost: dto.unitCost ?? null,
      salePrice: dto.salePrice ?? null,
      currency: dto.currency ?? this.config.DEFAULT_CURRENCY,
      manufacturer: dto.manufacturer ?? null,
      mpn: dto.mpn ?? null,
      parameters: dto.parameters ?? {},
      active: dto.active ?? true,
    };
    const manager = this.dataSource.manager;
    if (fields.categoryId && !(await this.categories.tree(manager)).has(fields.categoryId)) {
      throw categoryNotFound(fields.categoryId);
    }
    await this.dataSource
      .transaction(async (tx) => {
        await this.products.insert(tx, id, fields, actor);
        await this.outbox.add(tx, [productEvent(CatalogEvents.ProductCreated, { id, ...fields })]);
        await AuditTrail.record(tx, productAudit(CatalogEvents.ProductCreated, { id, ...fields }));
      })
      .catch((error: unknown) => explainWriteError(error, fields, this.products, manager));
    this.logger.log({
      event: 'product.created',
      productId: id,
      sku: fields.sku,
      name: fields.name,
      actor,
    });
    const created = await this.products.findById(manager, id);
    if (!created) throw new NotFoundError(`Product ${id} not found`);
    return this.presenter.presentOne(created);
  }
}
