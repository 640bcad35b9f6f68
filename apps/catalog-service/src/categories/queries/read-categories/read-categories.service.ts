import { Injectable } from '@nestjs/common';
import type { CategoryDto } from '@inventory/contracts';
import { NotFoundError } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { CategoriesRepository } from '../../database/categories.repository';
import { presentCategories } from './category.presenter';

/** The tree as a flat list in depth-first order, and single categories. */
@Injectable()
export class ReadCategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoriesRepository,
  ) {}

  async list(): Promise<CategoryDto[]> {
    const manager = this.dataSource.manager;
    const [tree, counts] = await Promise.all([
      this.categories.tree(manager),
      this.categories.directProductCounts(manager),
    ]);
    return presentCategories(tree, counts);
  }

  async get(id: string): Promise<CategoryDto> {
    const manager = this.dataSource.manager;
    const [tree, counts] = await Promise.all([
      this.categories.tree(manager),
      this.categories.directProductCounts(manager),
    ]);
    if (!tree.has(id)) throw new NotFoundError(`Category ${id} not found`);
    return presentCategories(tree, counts, [id])[0];
  }
}
