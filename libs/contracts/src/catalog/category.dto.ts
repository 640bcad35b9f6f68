import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsSingleLine } from '../text';
import { Trim, TrimToNull } from './validation';

export const CATEGORY_NAME_MAX_LENGTH = 100;

/** `>` separates category names in CSV paths (`Microcontrollers > ESP32`). */
const NO_PATH_SEPARATOR = /^[^>]*$/;
const noSeparatorMessage = 'name must not contain ">" (it separates categories in CSV paths)';

/** `POST /categories`, `catalog.categories.create`. */
export class CreateCategoryDto {
  @ApiProperty({ example: 'ESP32', maxLength: CATEGORY_NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CATEGORY_NAME_MAX_LENGTH)
  @Matches(NO_PATH_SEPARATOR, { message: noSeparatorMessage })
  @IsSingleLine()
  name!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The parent category; absent or null for a top-level category.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}

/** `PATCH /categories/:id`: rename, describe, or move under another parent (null: to the top). */
export class UpdateCategoryDto {
  @ApiPropertyOptional({ example: 'ESP32 boards', maxLength: CATEGORY_NAME_MAX_LENGTH })
  @ValidateIf((_, value) => value !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CATEGORY_NAME_MAX_LENGTH)
  @Matches(NO_PATH_SEPARATOR, { message: noSeparatorMessage })
  @IsSingleLine()
  name?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Move under this category; null moves it to the top level.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}

/** `catalog.categories.update`: the category's id plus the changes. */
export class UpdateCategoryRequestDto extends UpdateCategoryDto {
  @IsUUID()
  id!: string;
}

/** `catalog.categories.get` / `.delete`. */
export class CategoryIdDto {
  @IsUUID()
  id!: string;
}

/** A category as every read answers it. */
export class CategoryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ESP32' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Wi-Fi + Bluetooth boards' })
  description!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  parentId!: string | null;

  @ApiProperty({
    type: [String],
    example: ['Microcontrollers', 'ESP32'],
    description: 'Names from the top of the tree down to this category.',
  })
  path!: string[];

  @ApiProperty({ example: 1, description: '0 for a top-level category.' })
  depth!: number;

  @ApiProperty({ example: 0, description: 'Direct subcategories.' })
  childCount!: number;

  @ApiProperty({
    example: 12,
    description: 'Products in this category and all its descendants, archived ones included.',
  })
  productCount!: number;

  @ApiProperty({
    example: 11,
    description: 'Active products in this category and its descendants.',
  })
  activeProductCount!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
