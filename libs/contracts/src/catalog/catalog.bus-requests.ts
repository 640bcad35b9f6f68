import type { AuditEntryDto, ListAuditRequestDto } from '../audit/audit.dto';
import { busRequest, type Deleted, type NoData } from '../bus';
import type { Page } from '../pagination';
import { Services } from '../services';
import type {
  CategoryDto,
  CategoryIdDto,
  CreateCategoryDto,
  UpdateCategoryRequestDto,
} from './category.dto';
import type {
  CompleteUploadRequestDto,
  MediaDto,
  MediaIdDto,
  ProductMediaListDto,
  RequestUploadRequestDto,
  UploadTicketDto,
} from './media.dto';
import type {
  ExportPageDto,
  ExportPageRequestDto,
  ImportPartDto,
  ImportProductsDto,
  ImportResultDto,
} from './product-csv.dto';
import type {
  CreateProductDto,
  ListProductsQueryDto,
  ProductDto,
  ProductIdDto,
  ProductIdsDto,
  UpdateProductRequestDto,
} from './product.dto';

/** Bus requests the catalog service answers (`<service>.<resource>.<verb>`). */

export const CreateProduct = busRequest<CreateProductDto, ProductDto>(
  'catalog.products.create',
  Services.Catalog,
);

/** 404 when there is none. `ProductDto` is a superset of `ProductSummary`. */
export const GetProduct = busRequest<ProductIdDto, ProductDto>(
  'catalog.products.get',
  Services.Catalog,
);

/** Several products by id in one request. */
export const GetProducts = busRequest<ProductIdsDto, ProductDto[]>(
  'catalog.products.getMany',
  Services.Catalog,
);

export const ListProducts = busRequest<ListProductsQueryDto, Page<ProductDto>>(
  'catalog.products.list',
  Services.Catalog,
);

export const UpdateProduct = busRequest<UpdateProductRequestDto, ProductDto>(
  'catalog.products.update',
  Services.Catalog,
);

export const ArchiveProduct = busRequest<ProductIdDto, ProductDto>(
  'catalog.products.archive',
  Services.Catalog,
);

export const DeleteProduct = busRequest<ProductIdDto, Deleted>(
  'catalog.products.delete',
  Services.Catalog,
);

/** One page of CSV; follow `next` until it is null. */
export const ExportProducts = busRequest<ExportPageRequestDto, ExportPageDto>(
  'catalog.products.export',
  Services.Catalog,
);

/** One part of a CSV file too big for one bus message. */
export const SaveImportPart = busRequest<ImportPartDto, { importId: string; index: number }>(
  'catalog.products.importPart',
  Services.Catalog,
);

/** `{ csv }` or `{ importId, parts }`, `partial?`. */
export const ImportProducts = busRequest<ImportProductsDto, ImportResultDto>(
  'catalog.products.import',
  Services.Catalog,
);

export const CreateCategory = busRequest<CreateCategoryDto, CategoryDto>(
  'catalog.categories.create',
  Services.Catalog,
);

export const GetCategory = busRequest<CategoryIdDto, CategoryDto>(
  'catalog.categories.get',
  Services.Catalog,
);

export const ListCategories = busRequest<NoData, CategoryDto[]>(
  'catalog.categories.list',
  Services.Catalog,
);

export const UpdateCategory = busRequest<UpdateCategoryRequestDto, CategoryDto>(
  'catalog.categories.update',
  Services.Catalog,
);

export const DeleteCategory = busRequest<CategoryIdDto, Deleted>(
  'catalog.categories.delete',
  Services.Catalog,
);

export const RequestMediaUpload = busRequest<RequestUploadRequestDto, UploadTicketDto>(
  'catalog.media.requestUpload',
  Services.Catalog,
);

export const CompleteMediaUpload = busRequest<CompleteUploadRequestDto, MediaDto>(
  'catalog.media.completeUpload',
  Services.Catalog,
);

export const ListMedia = busRequest<ProductMediaListDto, MediaDto[]>(
  'catalog.media.list',
  Services.Catalog,
);

/** That image becomes the primary one. */
export const SetPrimaryMedia = busRequest<MediaIdDto, MediaDto>(
  'catalog.media.setPrimary',
  Services.Catalog,
);

export const DeleteMedia = busRequest<MediaIdDto, Deleted>(
  'catalog.media.delete',
  Services.Catalog,
);

/** The newest entries of catalog's audit trail matching a filter (docs/adr/0016). */
export const ListCatalogAudit = busRequest<ListAuditRequestDto, AuditEntryDto[]>(
  'catalog.audit.list',
  Services.Catalog,
);
