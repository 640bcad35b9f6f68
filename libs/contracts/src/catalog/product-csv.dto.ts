import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { ExportProductsQueryDto } from './product.dto';
import { BooleanFromString } from './validation';

/**
 * Columns of the product CSV, in export order. Import needs `sku`; a column left out of the
 * header leaves that field unchanged on existing products; an empty cell clears it.
 */
export const PRODUCT_CSV_COLUMNS = [
  'sku',
  'name',
  'description',
  'category',
  'unitCost',
  'salePrice',
  'currency',
  'manufacturer',
  'mpn',
  'parameters',
  'active',
] as const;
export type ProductCsvColumn = (typeof PRODUCT_CSV_COLUMNS)[number];

/** The `category` column holds the path from the top: `Microcontrollers > ESP32`. */
export const CATEGORY_PATH_SEPARATOR = ' > ';

/**
 * Largest piece of CSV text carried by one bus message. NATS refuses messages over its
 * max_payload (1 MB by default): 200,000 characters stay below it even as 3-byte UTF-8 or
 * with JSON escaping. Bigger files travel as several parts (see docs/catalog.md).
 */
export const CSV_PART_MAX_CHARS = 200_000;
export const CSV_MAX_PARTS = 5000;

/** `catalog.products.importPart`: one piece of a CSV file, stored until the import runs. */
export class ImportPartDto {
  @IsUUID()
  importId!: string;

  @IsInt()
  @Min(0)
  @Max(CSV_MAX_PARTS - 1)
  index!: number;

  @IsString()
  @MaxLength(CSV_PART_MAX_CHARS)
  text!: string;
}

/**
 * `catalog.products.import`: either the whole file inline (`csv`, small files) or the id of
 * an import whose `parts` were sent with `catalog.products.importPart`.
 */
export class ImportProductsDto {
  @ValidateIf((dto: ImportProductsDto) => dto.importId === undefined)
  @IsString()
  @MaxLength(CSV_PART_MAX_CHARS)
  csv?: string;

  @ValidateIf((dto: ImportProductsDto) => dto.csv === undefined)
  @IsUUID()
  importId?: string;

  @ValidateIf((dto: ImportProductsDto) => dto.importId !== undefined)
  @IsInt()
  @Min(1)
  @Max(CSV_MAX_PARTS)
  parts?: number;

  @BooleanFromString()
  @IsOptional()
  @IsBoolean({ message: 'partial must be true or false' })
  partial?: boolean;
}

/** `POST /products/import?partial=true`. */
export class ImportQueryDto {
  @ApiPropertyOptional({
    default: false,
    description:
      'Import the valid rows even when others have errors. Without it, a file with any bad row changes nothing.',
  })
  @BooleanFromString()
  @IsOptional()
  @IsBoolean({ message: 'partial must be true or false' })
  partial?: boolean;
}

export class ImportRowErrorDto {
  @ApiProperty({ example: 7, description: 'Line in the file (the header is line 1).' })
  line!: number;

  @ApiProperty({ type: String, nullable: true, example: 'RES-10K' })
  sku!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'salePrice' })
  field!: string | null;

  @ApiProperty({ example: 'salePrice must be a decimal string …' })
  message!: string;
}

export const IMPORT_ERRORS_REPORTED = 1000;

/** What an import did. */
export class ImportResultDto {
  @ApiProperty({ example: 120, description: 'Data rows in the file.' })
  rows!: number;

  @ApiProperty({ example: 100 })
  created!: number;

  @ApiProperty({ example: 15 })
  updated!: number;

  @ApiProperty({ example: 3, description: 'Rows identical to the product already there.' })
  unchanged!: number;

  @ApiProperty({ example: 2, description: 'Rows with errors, not imported.' })
  rejected!: number;

  @ApiProperty({ type: [ImportRowErrorDto] })
  errors!: ImportRowErrorDto[];

  @ApiProperty({ description: `true when more than ${IMPORT_ERRORS_REPORTED} errors were found.` })
  errorsTruncated!: boolean;
}

/**
 * `catalog.products.export`: one page of the CSV, in SKU order, after the given SKU, of the
 * products that match the filters.
 */
export class ExportPageRequestDto extends ExportProductsQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  after?: string;
}

export class ExportPageDto {
  /** CSV text of this page; the first page starts with the header row. */
  csv!: string;
  rows!: number;
  /** Pass as `after` for the next page; null on the last page. */
  next!: string | null;
}
