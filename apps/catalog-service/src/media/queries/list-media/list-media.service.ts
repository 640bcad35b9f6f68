import { Injectable } from '@nestjs/common';
import type { MediaDto } from '@inventory/contracts';
import { NotFoundError } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { ProductsRepository } from '../../../products/database/products.repository';
import { MediaRepository } from '../../database/media.repository';
import { MediaPresenter } from './media.presenter';

/** A product's images (primary first) and datasheets. */
@Injectable()
export class ListMediaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductsRepository,
    private readonly media: MediaRepository,
    private readonly presenter: MediaPresenter,
  ) {}

  async list(productId: string): Promise<MediaDto[]> {
    const manager = this.dataSource.manager;
    if (!(await this.products.findById(manager, productId))) {
      throw new NotFoundError(`Product ${productId} not found`);
    }
    const media = await this.media.listForProduct(manager, productId);
    return Promise.all(media.map((item) => this.presenter.present(item)));
  }
}
