import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestMediaUpload, RequestUploadDto, Role, UploadTicketDto } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';

/**
 * Files never pass through the API: the client asks for an upload here, PUTs the file
 * straight to storage, then completes the upload (complete-upload).
 */
@ApiTags('product media')
@Controller('products/:id/media')
export class RequestUploadHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Post('uploads')
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'ProductMediaHttpController_requestUpload',
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
}
