import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  EmailLogQueryDto,
  ListEmails,
  Role,
  type EmailLogEntry,
  type Page,
} from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { EmailLogPageDto } from '../../dtos/email-log.response.dto';

@ApiTags('alerts')
@Controller('alerts')
export class ListEmailsHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get('emails')
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'AlertsHttpController_listEmails',
    summary: 'The email log',
    description:
      "Every send attempt, newest first: stock alerts, digests and account emails, with SES's message id or its reason for refusing.",
  })
  @ApiOkResponse({ type: EmailLogPageDto })
  @ApiErrors(400, 401, 403, 503, 504)
  listEmails(@Query() query: EmailLogQueryDto): Promise<Page<EmailLogEntry>> {
    return this.bus.send(ListEmails, query);
  }
}
