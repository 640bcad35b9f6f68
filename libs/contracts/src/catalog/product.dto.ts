import { IsSingleLine } from '../text';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO4217CurrencyCode,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../pagination';
import { STOCK_STATUSES, type StockStatus } from '../stock/stock-level';
import {
  BooleanFromString,
  DECIMAL_PATTERN,
  DecimalString,
  IsParameterMap,
  NormaliseSku,
  PRODUCT_NAME_MAX_LENGTH,
  type ProductParameters,
  SKU_MAX_LENGTH,
  SKU_PATTERN,
  Trim,
  TrimToNull,
} from './validation';

const decimalMessage = (field: string) =>
  `${field} must be a decimal string with up to 12 digits and 4 decimals, e.g. "12.50" (never a JSON number)`;
const skuMessage = `sku may hold letters, digits and . _ / - (starting with a letter or digit), at most ${SKU_MAX_LENGTH} characters`;

const PARAMETERS_EXAMPLE = { package: 'DIP-28', voltage: '5V', flashKb: 32 };

/** `POST /products`, `catalog.products.create`. */
export class CreateProductDto {
  @ApiProperty({
    example: 'MCU-ARD-UNO',
    maxLength: SKU_MAX_LENGTH,
    description: 'Unique, case-insensitive; stored in upper case.',
  })
  @NormaliseSku()
  @IsString()
  @IsNotEmpty()
  @MaxLength(SKU_MAX_LENGTH)
  @Matches(SKU_PATTERN, { message: skuMessage })
  sku!: string;

  @ApiProperty({ example: 'Arduino Uno R3', maxLength: PRODUCT_NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRODUCT_NAME_MAX_LENGTH)
  @IsSingleLine()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '14.20',
    description: 'What one unit costs us: an exact decimal as a string.',
  })
  @DecimalString()
  @IsOptional()
  @IsString({ message: decimalMessage('unitCost') })
  @Matches(DECIMAL_PATTERN, { message: decimalMessage('unitCost') })
  unitCost?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '24.90',
    description: 'What one unit sells for: an exact decimal as a string.',
  })
  @DecimalString()
  @IsOptional()
  @IsString({ message: decimalMessage('salePrice') })
  @Matches(DECIMAL_PATTERN, { message: decimalMessage('salePrice') })
  salePrice?: string | null;

  @ApiPropertyOptional({
    example: 'EUR',
    description: 'ISO 4217 code of unitCost and salePrice; the configured default when absent.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @Trim()
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR or USD' })
  currency?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Arduino', maxLength: 100 })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  manufacturer?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'A000066',
    maxLength: 100,
    description: 'Manufacturer part number.',
  })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  mpn?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: PARAMETERS_EXAMPLE,
    description: 'Free-form technical parameters: name → text, number or boolean (at most 50).',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsParameterMap()
  parameters?: ProductParameters;

  @ApiPropertyOptional({ default: true, description: 'false creates it archived.' })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  active?: boolean;
}

/**
 * `PATCH /products/:id`: only the fields given change; null clears an optional field.
 * `active: false` archives the product, `active: true` brings an archived one back.
 */
export class UpdateProductDto {
  @ApiPropertyOptional({ example: 'MCU-ARD-UNO', maxLength: SKU_MAX_LENGTH })
  @ValidateIf((_, value) => value !== undefined)
  @NormaliseSku()
  @IsString()
  @IsNotEmpty()
  @MaxLength(SKU_MAX_LENGTH)
  @Matches(SKU_PATTERN, { message: skuMessage })
  sku?: string;

  @ApiPropertyOptional({ example: 'Arduino Uno R3', maxLength: PRODUCT_NAME_MAX_LENGTH })
  @ValidateIf((_, value) => value !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRODUCT_NAME_MAX_LENGTH)
  @IsSingleLine()
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '14.20' })
  @DecimalString()
  @IsOptional()
  @IsString({ message: decimalMessage('unitCost') })
  @Matches(DECIMAL_PATTERN, { message: decimalMessage('unitCost') })
  unitCost?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '24.90' })
  @DecimalString()
  @IsOptional()
  @IsString({ message: decimalMessage('salePrice') })
  @Matches(DECIMAL_PATTERN, { message: decimalMessage('salePrice') })
  salePrice?: string | null;

  @ApiPropertyOptional({ example: 'EUR' })
  @ValidateIf((_, value) => value !== undefined)
  @Trim()
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR or USD' })
  currency?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  manufacturer?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  mpn?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: PARAMETERS_EXAMPLE,
    description: 'Replaces all parameters.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsParameterMap()
  parameters?: ProductParameters;

  @ApiPropertyOptional({ description: 'false archives, true brings an archived product back.' })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  active?: boolean;
}

/** `catalog.products.update`: the product's id plus the changes. */
export class UpdateProductRequestDto extends UpdateProductDto {
  @IsUUID()
  id!: string;
}

/** `catalog.products.get` / `.archive` / `.delete`. */
export class ProductIdDto {
  @IsUUID()
  id!: string;
}

export const GET_MANY_MAX_IDS = 1000;

/** `catalog.products.getMany`: `{ ids }` → the products found (unknown ids are left out). */
export class ProductIdsDto {
  @IsArray()
  @ArrayMaxSize(GET_MANY_MAX_IDS)
  @IsUUID(undefined, { each: true })
  ids!: string[];
}

export const PRODUCT_SORTS = [
  'name',
  '-name',
  'sku',
  '-sku',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'salePrice',
  '-salePrice',
] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** `GET /products`, `catalog.products.list`. */
export class ListProductsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'esp32',
    maxLength: 100,
    description:
      'Case-insensitive partial match on name, SKU, manufacturer part number and description; several words must all match.',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  search?: string;

  @ApiPropertyOptional({
    example: 'MCU-ARD-UNO',
    maxLength: SKU_MAX_LENGTH,
    description:
      'Exactly this SKU (any case): at most one product. How a scanned or typed code is looked up.',
  })
  @NormaliseSku()
  @IsOptional()
  @IsString()
  @MaxLength(SKU_MAX_LENGTH, { message: `sku must be at most ${SKU_MAX_LENGTH} characters` })
  sku?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Products in this category or any of its descendants.',
  })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ description: 'true: active only; false: archived only; absent: both.' })
  @BooleanFromString()
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({
    enum: PRODUCT_SORTS,
    // Named in the OpenAPI document, so the generated client carries the list (the console's sorts).
    enumName: 'ProductSort',
    default: 'name',
    description: 'Field to sort by; a leading - sorts descending.',
  })
  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort?: ProductSort;

  @ApiPropertyOptional({
    enum: STOCK_STATUSES,
    enumName: 'StockStatus',
    description:
      'Products at this stock status: ok above the reorder level, low at or below it, out with nothing on hand (the status each row shows). The catalog keeps a copy of it from stock.status.changed events, so it may trail a movement by a moment.',
  })
  @IsOptional()
  @IsIn(STOCK_STATUSES, { message: `status must be one of ${STOCK_STATUSES.join(', ')}` })
  status?: StockStatus;
}

/**
 * `GET /products/export.csv`: the same filters as the list (no paging, no sort: the file is
 * in SKU order), so "export what I see" downloads the filtered list. Every filter of
 * `ListProductsQueryDto` is here too (a contracts spec checks it).
 */
export class ExportProductsQueryDto {
  @ApiPropertyOptional({
    example: 'esp32',
    maxLength: 100,
    description: 'As in GET /products: every word must match name, SKU, MPN or description.',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @IsSingleLine()
  search?: string;

  @ApiPropertyOptional({
    example: 'MCU-ARD-UNO',
    maxLength: SKU_MAX_LENGTH,
    description: 'As in GET /products: exactly this SKU (any case).',
  })
  @NormaliseSku()
  @IsOptional()
  @IsString()
  @MaxLength(SKU_MAX_LENGTH, { message: `sku must be at most ${SKU_MAX_LENGTH} characters` })
  sku?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Products in this category or any of its descendants.',
  })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ description: 'true: active only; false: archived only; absent: both.' })
  @BooleanFromString()
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({
    enum: STOCK_STATUSES,
    enumName: 'StockStatus',
    description:
      "As in GET /products: products at this stock status (the catalog's copy of it, which may trail a movement by a moment).",
  })
  @IsOptional()
  @IsIn(STOCK_STATUSES, { message: `status must be one of ${STOCK_STATUSES.join(', ')}` })
  status?: StockStatus;
}

export class ProductCategoryRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ESP32' })
  name!: string;

  @ApiProperty({ type: [String], example: ['Microcontrollers', 'ESP32'] })
  path!: string[];
}

/**
 * A product as every catalog read answers it. A superset of `ProductSummary` (id, sku,
 * name, active), which is what other services rely on.
 */
export class ProductDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'MCU-ARD-UNO' })
  sku!: string;

  @ApiProperty({ example: 'Arduino Uno R3' })
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  categoryId!: string | null;

  @ApiProperty({ type: ProductCategoryRefDto, nullable: true })
  category!: ProductCategoryRefDto | null;

  @ApiProperty({ type: String, nullable: true, example: '14.20' })
  unitCost!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '24.90' })
  salePrice!: string | null;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Arduino' })
  manufacturer!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'A000066' })
  mpn!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    example: PARAMETERS_EXAMPLE,
  })
  parameters!: ProductParameters;

  @ApiProperty({ description: 'false once archived: no new stock movements.' })
  active!: boolean;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  archivedAt!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A URL a browser can open (expires) of the primary image, if there is one.',
  })
  primaryImageUrl!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true, description: 'User id of who created it.' })
  createdBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, nullable: true, description: 'User id of who changed it last.' })
  updatedBy!: string | null;
}
