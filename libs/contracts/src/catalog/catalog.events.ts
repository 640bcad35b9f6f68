import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** Event types on the `catalog-events` queue. */
export const CatalogEvents = {
  ProductCreated: 'product.created',
  ProductUpdated: 'product.updated',
  ProductArchived: 'product.archived',
  ProductDeleted: 'product.deleted',
  /**
   * What one CSV import changed, many products to an event (`ProductsImportedPayload`):
   * a 20,000-row import is some fifty events, not 20,000 in front of every other one.
   */
  ProductsImported: 'products.imported',
} as const;

export type CatalogEventType = (typeof CatalogEvents)[keyof typeof CatalogEvents];

/** The events about one product (payload `ProductEventPayload`). */
export type ProductEventType = Exclude<CatalogEventType, typeof CatalogEvents.ProductsImported>;

export const PRODUCT_EVENT_TYPES: ProductEventType[] = [
  CatalogEvents.ProductCreated,
  CatalogEvents.ProductUpdated,
  CatalogEvents.ProductArchived,
  CatalogEvents.ProductDeleted,
];

/** Most products in one `products.imported` event. */
export const IMPORTED_PRODUCTS_PER_EVENT = 500;

/** A field's value before and after an update. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/**
 * Payload of every catalog event: the product as it is after the change (stock keeps its
 * copy of SKU and name from it) and, for updates, which fields changed.
 */
export interface ProductEventPayload {
  productId: string;
  sku: string;
  name: string;
  active: boolean;
  /** product.updated only: changed field → old and new value. */
  changes?: Record<string, FieldChange>;
}

export class ProductEventPayloadDto implements ProductEventPayload {
  @IsUUID()
  productId!: string;

  @IsString()
  @MaxLength(64)
  sku!: string;

  @IsString()
  @MaxLength(300)
  name!: string;

  @IsBoolean()
  active!: boolean;

  @IsOptional()
  @IsObject()
  changes?: Record<string, FieldChange>;
}

/** An event about one product as consumers validate it. */
export class CatalogEventDto {
  @IsIn(PRODUCT_EVENT_TYPES)
  type!: ProductEventType;

  @ValidateNested()
  @Type(() => ProductEventPayloadDto)
  payload!: ProductEventPayloadDto;
}

/** One product's change within a `products.imported` event: what its own event would say. */
export interface ImportedProductEvent {
  type: ProductEventType;
  product: ProductEventPayload;
}

/** Payload of `products.imported`, in the order the import made the changes. */
export interface ProductsImportedPayload {
  products: ImportedProductEvent[];
}

export class ImportedProductEventDto implements ImportedProductEvent {
  @IsIn(PRODUCT_EVENT_TYPES)
  type!: ProductEventType;

  @ValidateNested()
  @Type(() => ProductEventPayloadDto)
  product!: ProductEventPayloadDto;
}

export class ProductsImportedPayloadDto implements ProductsImportedPayload {
  @IsArray()
  @ArrayMaxSize(IMPORTED_PRODUCTS_PER_EVENT)
  @ValidateNested({ each: true })
  @Type(() => ImportedProductEventDto)
  products!: ImportedProductEventDto[];
}

/** A `products.imported` event as consumers validate it. */
export class ProductsImportedEventDto {
  @IsIn([CatalogEvents.ProductsImported])
  type!: typeof CatalogEvents.ProductsImported;

  @ValidateNested()
  @Type(() => ProductsImportedPayloadDto)
  payload!: ProductsImportedPayloadDto;
}
