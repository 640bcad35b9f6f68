import { IsSingleLine } from '../text';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Trim } from './validation';

export const MEDIA_KINDS = ['image', 'datasheet'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** What each kind of media may be. The service checks the file's first bytes against it. */
export const MEDIA_CONTENT_TYPES: Record<MediaKind, readonly string[]> = {
  image: ['image/jpeg', 'image/png', 'image/webp'],
  datasheet: ['application/pdf'],
};

export const ALL_MEDIA_CONTENT_TYPES = Object.values(MEDIA_CONTENT_TYPES).flat();

/** `POST /products/:id/media/uploads`: what the client is about to upload. */
export class RequestUploadDto {
  @ApiProperty({ enum: MEDIA_KINDS, example: 'image' })
  @IsIn(MEDIA_KINDS)
  kind!: MediaKind;

  @ApiProperty({
    example: 'arduino-uno-front.png',
    maxLength: 255,
    description: 'Shown to people; reduced to safe characters for the storage key.',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  @IsSingleLine()
  filename!: string;

  @ApiProperty({ enum: ALL_MEDIA_CONTENT_TYPES, example: 'image/png' })
  @IsIn(ALL_MEDIA_CONTENT_TYPES, {
    message: `contentType must be one of ${ALL_MEDIA_CONTENT_TYPES.join(', ')}`,
  })
  contentType!: string;

  @ApiProperty({ example: 184_322, description: 'Exact size of the file in bytes.' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  size!: number;
}

/** `catalog.media.requestUpload`. */
export class RequestUploadRequestDto extends RequestUploadDto {
  @IsUUID()
  productId!: string;
}

/** Where and how to upload the file: straight to storage, before the URL expires. */
export class UploadTicketDto {
  @ApiProperty({ format: 'uuid', description: 'Confirm with …/uploads/{uploadId}/complete.' })
  uploadId!: string;

  @ApiProperty({ description: 'Presigned URL to send the file to.' })
  url!: string;

  @ApiProperty({ example: 'PUT' })
  method!: 'PUT';

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'Content-Type': 'image/png' },
    description: 'Headers the upload must carry exactly (they are part of the signature).',
  })
  headers!: Record<string, string>;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

/** `POST /products/:id/media/uploads/:uploadId/complete`. */
export class CompleteUploadDto {
  @ApiPropertyOptional({
    description:
      'Images only: make this the primary image. The first image of a product is primary anyway.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  primary?: boolean;
}

/** `catalog.media.completeUpload`. */
export class CompleteUploadRequestDto extends CompleteUploadDto {
  @IsUUID()
  productId!: string;

  @IsUUID()
  uploadId!: string;
}

/** `catalog.media.list`. */
export class ProductMediaListDto {
  @IsUUID()
  productId!: string;
}

/** `catalog.media.delete`, `catalog.media.setPrimary`. */
export class MediaIdDto {
  @IsUUID()
  productId!: string;

  @IsUUID()
  mediaId!: string;
}

/** An image or datasheet attached to a product. */
export class MediaDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  productId!: string;

  @ApiProperty({ enum: MEDIA_KINDS })
  kind!: MediaKind;

  @ApiProperty({ example: 'arduino-uno-front.png' })
  filename!: string;

  @ApiProperty({ example: 'image/png' })
  contentType!: string;

  @ApiProperty({ example: 184_322 })
  size!: number;

  @ApiProperty({ description: 'The product’s primary image (at most one per product).' })
  primary!: boolean;

  @ApiProperty({ description: 'A URL a browser can open.' })
  url!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When `url` stops working; null for a public URL.',
  })
  urlExpiresAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  createdBy!: string | null;
}
