import { Module } from '@nestjs/common';
import { CategoriesHttpController } from './categories.http.controller';
import { CsvBodyParser } from './csv-body.parser';
import { ProductMediaHttpController } from './product-media.http.controller';
import { ProductsCsvHttpController } from './products-csv.http.controller';
import { ProductsHttpController } from './products.http.controller';
import { ProductStockAttacher } from './product-stock.attacher';

/** Catalog routes: categories, products (with their stock), media, CSV import and export. */
@Module({
  controllers: [
    CategoriesHttpController,
    // Before ProductsHttpController: /products/export.csv is not a product id.
    ProductsCsvHttpController,
    ProductsHttpController,
    ProductMediaHttpController,
  ],
  providers: [ProductStockAttacher, CsvBodyParser],
})
export class CatalogModule {}
