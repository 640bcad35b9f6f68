import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `:id` path parameters: a UUID, or a 400 naming `id`. */
export class IdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** `/products/:id/media/:mediaId…`: both UUIDs, or a 400 naming the one that is not. */
export class MediaParamsDto extends IdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'mediaId must be a UUID' })
  mediaId!: string;
}

/** `/products/:id/media/uploads/:uploadId/complete`. */
export class UploadParamsDto extends IdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'uploadId must be a UUID' })
  uploadId!: string;
}
