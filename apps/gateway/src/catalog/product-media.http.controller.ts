import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CompleteUploadDto,
  MediaDto,
  RequestUploadDto,
  Role,
  UploadTicketDto,
  CompleteMediaUpload,
  DeleteMedia,
  ListMedia,
  RequestMediaUpload,
  SetPrimaryMedia,
} from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../auth/auth.decorators';
import { IdParamDto, MediaParamsDto, UploadParamsDto } from '../http/id-param.dto';
import { ApiErrors } from '../http/api-errors.decorator';

/**
 * Images and datasheets of a product. Files never pass through the API: the client asks
 * for an upload, PUTs the file straight to storage, then completes the upload.
 */
@ApiTags('product media')
@Controller('products/:id/media')
export class ProductMediaHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Post('uploads')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Ask to upload an image (JPEG, PNG, WebP) or a datasheet (PDF)',
    description:
      'Answers a presigned URL: PUT the file there with the given headers before `expiresAt`, then call …/uploads/{uploadId}/complete. Files over the size limit are refused here (400).',
  })
  @ApiCreatedResponse({ type: UploadTicketDto })
  @ApiErrors(400, 401, 403, 404, 502, 503, 504)
  requestUpload(
    @Param() { id: productId }: IdParamDto,
    @Body() body: RequestUploadDto,
  ): Promise<UploadTicketDto> {
    return this.bus.send(RequestMediaUpload, { ...body, productId });
  }

  @Post('uploads/:uploadId/complete')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Attach an uploaded file',
    description:
      'The file must be in storage with the announced size and its first bytes must match the announced type; otherwise it is deleted and refused (422). 409 while it has not been uploaded.',
  })
  @ApiCreatedResponse({ type: MediaDto })
  @ApiErrors(400, 401, 403, 404, 409, 422, 502, 503, 504)
  complete(
    @Param() { id: productId, uploadId }: UploadParamsDto,
    @Body() body: CompleteUploadDto,
  ): Promise<MediaDto> {
    return this.bus.send(CompleteMediaUpload, {
      ...body,
      productId,
      uploadId,
    });
  }

  @Get()
  @ApiOperation({
    summary: 'A product’s images (primary first) and datasheets, with URLs a browser can open',
  })
  @ApiOkResponse({ type: [MediaDto] })
  @ApiErrors(400, 401, 404, 502, 503, 504)
  list(@Param() { id: productId }: IdParamDto): Promise<MediaDto[]> {
    return this.bus.send(ListMedia, { productId });
  }

  @Post(':mediaId/primary')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Make an image the primary one (shown in lists and on the part page first)',
    description: 'The previous primary image stays attached. A datasheet cannot be primary (400).',
  })
  @ApiOkResponse({ type: MediaDto })
  @ApiErrors(400, 401, 403, 404, 502, 503, 504)
  setPrimary(@Param() { id: productId, mediaId }: MediaParamsDto): Promise<MediaDto> {
    return this.bus.send(SetPrimaryMedia, { productId, mediaId });
  }

  @Delete(':mediaId')
  @Roles(Role.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an image or datasheet, and its file in storage' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 401, 403, 404, 502, 503, 504)
  async delete(@Param() { id: productId, mediaId }: MediaParamsDto): Promise<void> {
    await this.bus.send(DeleteMedia, { productId, mediaId });
  }
}
