import { Global, Module } from '@nestjs/common';
import { CategoriesRepository } from './categories/database/categories.repository';
import { MediaRepository } from './media/database/media.repository';
import { mediaStorageProvider } from './media/storage/media-storage.provider';
import { MEDIA_STORAGE } from './media/storage/media-storage.port';
import { ImportPartsRepository } from './products/database/import-parts.repository';
import { ProductsRepository } from './products/database/products.repository';

/** The tables and the media storage, shared by the products, categories and media use cases. */
@Global()
@Module({
  providers: [
    CategoriesRepository,
    ProductsRepository,
    ImportPartsRepository,
    MediaRepository,
    mediaStorageProvider,
  ],
  exports: [
    CategoriesRepository,
    ProductsRepository,
    ImportPartsRepository,
    MediaRepository,
    MEDIA_STORAGE,
  ],
})
export class CatalogSharedModule {}
