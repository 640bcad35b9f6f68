import { Module } from '@nestjs/common';
import { SqsModule, subscribe } from '@inventory/platform';
import {
  copyStockStatus,
  CopyStockStatusHandler,
} from './commands/copy-stock-status/copy-stock-status.handler';
import { ArchiveProductService } from './commands/archive-product/archive-product.service';
import { CreateProductService } from './commands/create-product/create-product.service';
import { DeleteProductService } from './commands/delete-product/delete-product.service';
import { ImportProductsService } from './commands/import-products/import-products.service';
import { UpdateProductService } from './commands/update-product/update-product.service';
import { ProductsMessageController } from './products.message.controller';
import { StockSync } from './stock/stock-sync';
import { ExportProductsService } from './queries/export-products/export-products.service';
import { ProductPresenter } from './queries/read-products/product.presenter';
import { ReadProductsService } from './queries/read-products/read-products.service';

@Module({
  imports: [SqsModule],
  controllers: [ProductsMessageController],
  providers: [
    ProductPresenter,
    ReadProductsService,
    CreateProductService,
    UpdateProductService,
    ArchiveProductService,
    StockSync,
    DeleteProductService,
    ExportProductsService,
    ImportProductsService,
    CopyStockStatusHandler,
    subscribe(copyStockStatus),
  ],
})
export class ProductsModule {}
