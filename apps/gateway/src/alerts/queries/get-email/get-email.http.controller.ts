import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetEmail, Role, type EmailLogEntryWithText } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';
import { EmailLogEntryWithTextDto } from '../../dtos/email-log.response.dto';

@ApiTags('alerts')
@Controller('alerts')
export class GetEmailHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get('emails/:id')
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'AlertsHttpController_getEmail',
    summary: 'One email of the log, with its text',
  })
  @ApiOkResponse({ type: EmailLogEntryWithTextDto })
  @ApiErrors(400, 401, 403, 404, 503, 504)
  getEmail(@Param() { id }: IdParamDto): Promise<EmailLogEntryWithText> {
    return this.bus.send(GetEmail, { id });
  }
}
