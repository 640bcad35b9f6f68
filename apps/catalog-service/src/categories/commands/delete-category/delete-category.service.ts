import { AuditActions, AuditEntityTypes } from '@inventory/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { ConflictError, NotFoundError, AuditTrail, fieldChanges } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { FOREIGN_KEY_VIOLATION, postgresError } from '../../../database/postgres-errors';
import { CategoriesRepository } from '../../database/categories.repository';

/** A category can go only when nothing is in it: no subcategories, no products (archived included). */
@Injectable()
export class DeleteCategoryService {
  private readonly logger = new Logger(DeleteCategoryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoriesRepository,
  ) {}

  async delete(id: string): Promise<void> {
    const name = await this.dataSource
      .transaction(async (manager) => {
        await this.categories.lockTree(manager);
        const tree = await this.categories.tree(manager);
        const category = tree.get(id);
        if (!category) throw new NotFoundError(`Category ${id} not found`);
        const children = tree.childrenOf(id).length;
        const products = await this.categories.productsIn(manager, id);
        if (children > 0 || products > 0) throw notEmpty(tree.pathText(id), children, products);
        await this.categories.delete(manager, id);
        await AuditTrail.record(manager, {
          action: AuditActions.CategoryDeleted,
          entityType: AuditEntityTypes.Category,
          entityId: id,
          summary: `Deleted category "${tree.pathText(id)}"`,
          changes: fieldChanges({ name: { from: category.name, to: null } }),
        });
        return category.name;
      })
      .catch((error: unknown) => {
        // A product put into the category while it was being deleted.
        if (postgresError(error).code === FOREIGN_KEY_VIOLATION) throw notEmpty(id, 0, 1);
        throw error;
      });
    this.logger.log({ event: 'category.deleted', categoryId: id, name });
  }
}

function notEmpty(category: string, children: number, products: number): ConflictError {
  const contents = [
    children > 0 ? `${children} subcategor${children === 1 ? 'y' : 'ies'}` : '',
    products > 0 ? `${products} product${products === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return new ConflictError(
    `Category "${category}" is not empty: it holds ${contents.join(' and ')}. Move or delete them first.`,
  );
}
