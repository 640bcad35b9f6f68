import { Inject, Injectable } from '@nestjs/common';
import type { ProductDto } from '@inventory/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CategoriesRepository,
  type CategoryRecord,
} from '../../../categories/database/categories.repository';
import type { CategoryTree } from '../../../categories/domain/category-tree';
import { MEDIA_STORAGE, type MediaStorage } from '../../../media/storage/media-storage.port';
import type { ProductRecord } from '../../domain/product';

/** Products as the API shows them: with their category's path and a primary image URL. */
@Injectable()
export class ProductPresenter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoriesRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  async present(
    records: ProductRecord[],
    options: { tree?: CategoryTree<CategoryRecord>; manager?: EntityManager } = {},
  ): Promise<ProductDto[]> {
    const needsTree = records.some((record) => record.categoryId !== null);
    const tree =
      options.tree ??
      (needsTree
        ? await this.categories.tree(options.manager ?? this.dataSource.manager)
        : undefined);
    return Promise.all(
      records.map(async (record) => {
        const category =
          record.categoryId && tree?.get(record.categoryId)
            ? {
                id: record.categoryId,
                name: tree.get(record.categoryId)!.name,
                path: tree.path(record.categoryId),
              }
            : null;
        const image = record.primaryImageKey
          ? await this.storage.downloadUrl(record.primaryImageKey)
          : null;
        return {
          id: record.id,
          sku: record.sku,
          name: record.name,
          description: record.description,
          categoryId: record.categoryId,
          category,
          unitCost: record.unitCost,
          salePrice: record.salePrice,
          currency: record.currency,
          manufacturer: record.manufacturer,
          mpn: record.mpn,
          parameters: record.parameters,
          active: record.active,
          archivedAt: record.archivedAt?.toISOString() ?? null,
          primaryImageUrl: image?.url ?? null,
          createdAt: record.createdAt.toISOString(),
          createdBy: record.createdBy,
          updatedAt: record.updatedAt.toISOString(),
          updatedBy: record.updatedBy,
        };
      }),
    );
  }

  async presentOne(record: ProductRecord, manager?: EntityManager): Promise<ProductDto> {
    const [product] = await this.present([record], { manager });
    return product;
  }
}
