import { Injectable } from '@nestjs/common';
import { type ListProductsQueryDto, type Page, type ProductDto } from '@inventory/contracts';
import { NotFoundError } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { CategoriesRepository } from '../../../categories/database/categories.repository';
import { ProductsRepository } from '../../database/products.repository';
import { ProductPresenter } from './product.presenter';

const DEFAULT_PAGE_SIZE = 20;
/** More words than this in a search add little and cost an index probe each. */
const MAX_SEARCH_WORDS = 6;

/** Single products, products by id, and the searchable, filterable, sortable list. */
@Injectable()
export class ReadProductsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsRepository,
    private readonly categories: CategoriesRepository,
    private readonly presenter: ProductPresenter,
  ) {}

  async get(id: string): Promise<ProductDto> {
    const record = await this.products.findById(this.dataSource.manager, id);
    if (!record) throw new NotFoundError(`Product ${id} not found`);
    return this.presenter.presentOne(record);
  }

  /** The products found, in the order asked for; unknown ids are left out. */
  async getMany(ids: string[]): Promise<ProductDto[]> {
    const records = await this.products.findByIds(this.dataSource.manager, [...new Set(ids)]);
    const order = new Map(ids.map((id, index) => [id, index]));
    records.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return this.presenter.present(records);
  }

  async list(query: ListProductsQueryDto): Promise<Page<ProductDto>> {
    const manager = this.dataSource.manager;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const tree = await this.categories.tree(manager);
    let categoryIds: string[] | undefined;
    if (query.categoryId) {
      if (!tree.has(query.categoryId)) {
        throw new NotFoundError(`Category ${query.categoryId} not found`);
      }
      categoryIds = tree.subtree(query.categoryId);
    }
    const words = (query.search ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
    const { records, total } = await this.products.list(
      manager,
      {
        words,
        sku: query.sku,
        categoryIds,
        active: query.active,
        stockStatus: query.status,
      },
      { sort: query.sort ?? 'name', limit: pageSize, offset: (page - 1) * pageSize },
    );
    return { items: await this.presenter.present(records, { tree }), total, page, pageSize };
  }
}
