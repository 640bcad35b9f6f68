import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompleteMediaUpload, CompleteUploadDto, MediaDto, Role } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { UploadParamsDto } from '../../../http/id-param.dto';

@ApiTags('product media')
@Controller('products/:id/media')
export class CompleteUploadHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Post('uploads/:uploadId/complete')
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'ProductMediaHttpController_complete',
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
    return this.bus.send(CompleteMediaUpload, { ...body, productId, uploadId });
  }
}
