import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateProductDto,
  ExportPageRequestDto,
  ImportPartDto,
  ImportProductsDto,
  ListProductsQueryDto,
  ProductIdDto,
  ProductIdsDto,
  type RequestMeta,
  UpdateProductRequestDto,
  ArchiveProduct,
  CreateProduct,
  DeleteProduct,
  ExportProducts,
  GetProduct,
  GetProducts,
  ImportProducts,
  ListProducts,
  SaveImportPart,
  UpdateProduct,
} from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
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

  @AnswersRequest(CreateProduct)
  create(@Payload('data') dto: CreateProductDto, @Payload('meta') meta: RequestMeta) {
    return this.creating.create(dto, actorOf(meta));
  }

  @AnswersRequest(GetProduct)
  get(@Payload('data') dto: ProductIdDto) {
    return this.read.get(dto.id);
  }

  @AnswersRequest(GetProducts)
  getMany(@Payload('data') dto: ProductIdsDto) {
    return this.read.getMany(dto.ids);
  }

  @AnswersRequest(ListProducts)
  list(@Payload('data') dto: ListProductsQueryDto) {
    return this.read.list(dto);
  }

  @AnswersRequest(UpdateProduct)
  update(@Payload('data') dto: UpdateProductRequestDto, @Payload('meta') meta: RequestMeta) {
    return this.updating.update(dto, actorOf(meta));
  }

  @AnswersRequest(ArchiveProduct)
  archive(@Payload('data') dto: ProductIdDto, @Payload('meta') meta: RequestMeta) {
    return this.archiving.archive(dto.id, actorOf(meta));
  }

  @AnswersRequest(DeleteProduct)
  async delete(@Payload('data') dto: ProductIdDto, @Payload('meta') meta: RequestMeta) {
    await this.deleting.delete(dto.id, actorOf(meta));
    return { deleted: true };
  }

  @AnswersRequest(ExportProducts)
  export(@Payload('data') dto: ExportPageRequestDto) {
    const { after, ...filters } = dto;
    return this.exporting.page(after, undefined, filters);
  }

  @AnswersRequest(SaveImportPart)
  importPart(@Payload('data') dto: ImportPartDto) {
    return this.importing.savePart(dto);
  }

  @AnswersRequest(ImportProducts)
  import(@Payload('data') dto: ImportProductsDto, @Payload('meta') meta: RequestMeta) {
    return this.importing.import(dto, actorOf(meta));
  }
}
