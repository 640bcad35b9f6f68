import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetAlertRecipients, Role, type AlertRecipients } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { AlertRecipientsResponseDto } from '../../dtos/alert-recipients.response.dto';

@ApiTags('alerts')
@Controller('alerts')
export class GetRecipientsHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get('recipients')
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'AlertsHttpController_getRecipients',
    summary: 'Who gets stock alerts and the daily low-stock digest',
  })
  @ApiOkResponse({ type: AlertRecipientsResponseDto })
  @ApiErrors(401, 403, 503, 504)
  getRecipients(): Promise<AlertRecipients> {
    return this.bus.send(GetAlertRecipients, {});
  }
}
