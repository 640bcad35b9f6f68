import { Type } from 'class-transformer';
import {
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
} as const;

export type CatalogEventType = (typeof CatalogEvents)[keyof typeof CatalogEvents];

export const CATALOG_EVENT_TYPES = Object.values(CatalogEvents);

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

/** A catalog event as consumers validate it. */
export class CatalogEventDto {
  @IsIn(CATALOG_EVENT_TYPES)
  type!: CatalogEventType;

  @ValidateNested()
  @Type(() => ProductEventPayloadDto)
  payload!: ProductEventPayloadDto;
}
