import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CatalogPatterns,
  CreateProductDto,
  ExportPageRequestDto,
  ImportPartDto,
  ImportProductsDto,
  ListProductsQueryDto,
  ProductIdDto,
  ProductIdsDto,
  type RequestMeta,
  UpdateProductRequestDto,
} from '@inventory/contracts';
import { actorOf } from '../actor';
import { ArchiveProductService } from './commands/archive-product/archive-product.service';
import { CreateProductService } from './commands/create-product/create-product.service';
import { DeleteProductService } from './commands/delete-product/delete-product.service';
import { ImportProductsService } from './commands/import-products/import-products.service';
import { UpdateProductService } from './commands/update-product/update-product.service';
import { ExportProductsService } from './queries/export-products/export-products.service';
import { ReadProductsService } from './queries/read-products/read-products.service';

/** Bus requests about products. */
@Controller()
export class ProductsMessageController {
  constructor(
    private readonly read: ReadProductsService,
    private readonly creating: CreateProductService,
    private readonly updating: UpdateProductService,
    private readonly archiving: ArchiveProductService,
    private readonly deleting: DeleteProductService,
    private readonly exporting: ExportProductsService,
    private readonly importing: ImportProductsService,
  ) {}

  @MessagePattern(CatalogPatterns.productsCreate)
  create(@Payload('data') dto: CreateProductDto, @Payload('meta') meta: RequestMeta) {
    return this.creating.create(dto, actorOf(meta));
  }

  @MessagePattern(CatalogPatterns.productsGet)
  get(@Payload('data') dto: ProductIdDto) {
    return this.read.get(dto.id);
  }

  @MessagePattern(CatalogPatterns.productsGetMany)
  getMany(@Payload('data') dto: ProductIdsDto) {
    return this.read.getMany(dto.ids);
  }

  @MessagePattern(CatalogPatterns.productsList)
  list(@Payload('data') dto: ListProductsQueryDto) {
    return this.read.list(dto);
  }

  @MessagePattern(CatalogPatterns.productsUpdate)
  update(@Payload('data') dto: UpdateProductRequestDto, @Payload('meta') meta: RequestMeta) {
    return this.updating.update(dto, actorOf(meta));
  }

  @MessagePattern(CatalogPatterns.productsArchive)
  archive(@Payload('data') dto: ProductIdDto, @Payload('meta') meta: RequestMeta) {
    return this.archiving.archive(dto.id, actorOf(meta));
  }

  @MessagePattern(CatalogPatterns.productsDelete)
  async delete(@Payload('data') dto: ProductIdDto, @Payload('meta') meta: RequestMeta) {
    await this.deleting.delete(dto.id, actorOf(meta));
    return { deleted: true };
  }

  @MessagePattern(CatalogPatterns.productsExport)
  export(@Payload('data') dto: ExportPageRequestDto) {
    const { after, ...filters } = dto;
    return this.exporting.page(after, undefined, filters);
  }

  @MessagePattern(CatalogPatterns.productsImportPart)
  importPart(@Payload('data') dto: ImportPartDto) {
    return this.importing.savePart(dto);
  }

  @MessagePattern(CatalogPatterns.productsImport)
  import(@Payload('data') dto: ImportProductsDto, @Payload('meta') meta: RequestMeta) {
    return this.importing.import(dto, actorOf(meta));
  }
}
