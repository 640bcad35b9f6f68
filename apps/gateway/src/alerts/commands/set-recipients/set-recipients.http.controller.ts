import { Body, Controller, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AlertRecipientsDto,
  Role,
  SetAlertRecipients,
  type AlertRecipients,
} from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { AlertRecipientsResponseDto } from '../../dtos/alert-recipients.response.dto';

@ApiTags('alerts')
@Controller('alerts')
export class SetRecipientsHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Put('recipients')
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'AlertsHttpController_setRecipients',
    summary: 'Replace the alert recipients',
    description:
      'The whole list, at most 50 addresses; duplicates are dropped. An empty list turns stock alerts and the digest off. An invalid address is refused with 400 naming it.',
  })
  @ApiOkResponse({ type: AlertRecipientsResponseDto })
  @ApiErrors(400, 401, 403, 503, 504)
  setRecipients(@Body() dto: AlertRecipientsDto): Promise<AlertRecipients> {
    return this.bus.send(SetAlertRecipients, dto);
  }
}
