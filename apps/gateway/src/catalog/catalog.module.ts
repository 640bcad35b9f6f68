import { Module } from '@nestjs/common';
import { ArchiveProductHttpController } from './commands/archive-product/archive-product.http.controller';
import { CompleteUploadHttpController } from './commands/complete-upload/complete-upload.http.controller';
import { CreateCategoryHttpController } from './commands/create-category/create-category.http.controller';
import { CreateProductHttpController } from './commands/create-product/create-product.http.controller';
import { DeleteCategoryHttpController } from './commands/delete-category/delete-category.http.controller';
import { DeleteMediaHttpController } from './commands/delete-media/delete-media.http.controller';
import { DeleteProductHttpController } from './commands/delete-product/delete-product.http.controller';
import { ImportProductsHttpController } from './commands/import-products/import-products.http.controller';
import { RequestUploadHttpController } from './commands/request-upload/request-upload.http.controller';
import { SetPrimaryImageHttpController } from './commands/set-primary-image/set-primary-image.http.controller';
import { UpdateCategoryHttpController } from './commands/update-category/update-category.http.controller';
import { UpdateProductHttpController } from './commands/update-product/update-product.http.controller';
import { CsvBodyParser } from './csv-body.parser';
import { ProductStockAttacher } from './product-stock.attacher';
import { ExportProductsHttpController } from './queries/export-products/export-products.http.controller';
import { GetCategoryHttpController } from './queries/get-category/get-category.http.controller';
import { GetProductHttpController } from './queries/get-product/get-product.http.controller';
import { ListCategoriesHttpController } from './queries/list-categories/list-categories.http.controller';
import { ListMediaHttpController } from './queries/list-media/list-media.http.controller';
import { ListProductsHttpController } from './queries/list-products/list-products.http.controller';

/**
 * Catalog routes: categories, products (with their stock), media, CSV import and export. The
 * order is the OpenAPI document's: each route's path and operations appear in it as their
 * controllers are listed here.
 */
@Module({
  controllers: [
    ListCategoriesHttpController,
    CreateCategoryHttpController,
    GetCategoryHttpController,
    UpdateCategoryHttpController,
    DeleteCategoryHttpController,
    ExportProductsHttpController,
    ImportProductsHttpController,
    ListProductsHttpController,
    CreateProductHttpController,
    GetProductHttpController,
    UpdateProductHttpController,
    ArchiveProductHttpController,
    DeleteProductHttpController,
    RequestUploadHttpController,
    CompleteUploadHttpController,
    ListMediaHttpController,
    SetPrimaryImageHttpController,
    DeleteMediaHttpController,
  ],
  providers: [ProductStockAttacher, CsvBodyParser],
})
export class CatalogModule {}
