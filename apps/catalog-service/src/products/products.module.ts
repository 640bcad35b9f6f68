import { Module } from '@nestjs/common';
import { SqsModule, subscribe } from '@inventory/platform';
import {
  copyStockStatus,
  CopyStockStatusHandler,
} from './commands/copy-stock-status/copy-stock-status.handler';
import { ArchiveProductMessageController } from './commands/archive-product/archive-product.message.controller';
import { ArchiveProductService } from './commands/archive-product/archive-product.service';
import { CreateProductMessageController } from './commands/create-product/create-product.message.controller';
import { CreateProductService } from './commands/create-product/create-product.service';
import { DeleteProductMessageController } from './commands/delete-product/delete-product.message.controller';
import { DeleteProductService } from './commands/delete-product/delete-product.service';
import { ImportProductsMessageController } from './commands/import-products/import-products.message.controller';
import { ImportProductsService } from './commands/import-products/import-products.service';
import { UpdateProductMessageController } from './commands/update-product/update-product.message.controller';
import { UpdateProductService } from './commands/update-product/update-product.service';
import { PurgeExpiredService } from './commands/purge-expired/purge-expired.service';
import { StockSync } from './stock/stock-sync';
import { ExportProductsMessageController } from './queries/export-products/export-products.message.controller';
import { ExportProductsService } from './queries/export-products/export-products.service';
import { ProductPresenter } from './queries/read-products/product.presenter';
import { ReadProductsMessageController } from './queries/read-products/read-products.message.controller';
import { ReadProductsService } from './queries/read-products/read-products.service';

@Module({
  imports: [SqsModule],
  controllers: [
    ReadProductsMessageController,
    CreateProductMessageController,
    UpdateProductMessageController,
    ArchiveProductMessageController,
    DeleteProductMessageController,
    ExportProductsMessageController,
    ImportProductsMessageController,
  ],
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
    PurgeExpiredService,
  ],
})
export class ProductsModule {}
