import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AlertRecipientsDto,
  EmailLogQueryDto,
  Role,
  RunDigestDto,
  type AlertRecipients,
  type DigestRunResult,
  type EmailLogEntry,
  type EmailLogEntryWithText,
  type Page,
  GetAlertRecipients,
  GetEmail,
  ListEmails,
  RunDigest,
  SetAlertRecipients,
} from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../auth/auth.decorators';
import { IdParamDto } from '../http/id-param.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { AlertRecipientsResponseDto } from './dtos/alert-recipients.response.dto';
import { DigestRunResponseDto } from './dtos/digest-run.response.dto';
import { EmailLogEntryWithTextDto, EmailLogPageDto } from './dtos/email-log.response.dto';

/** A digest run waits for the stock service and SES: longer than an ordinary request. */
const DIGEST_RUN_TIMEOUT_MS = 60_000;

/** Low-stock alerts: who gets them, what was sent, and the digest on demand. Admins only. */
@ApiTags('alerts')
@Controller('alerts')
export class AlertsHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get('recipients')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Who gets stock alerts and the daily low-stock digest' })
  @ApiOkResponse({ type: AlertRecipientsResponseDto })
  @ApiErrors(401, 403, 503, 504)
  getRecipients(): Promise<AlertRecipients> {
    return this.bus.send(GetAlertRecipients, {});
  }

  @Put('recipients')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Replace the alert recipients',
    description:
      'The whole list, at most 50 addresses; duplicates are dropped. An empty list turns stock alerts and the digest off. An invalid address is refused with 400 naming it.',
  })
  @ApiOkResponse({ type: AlertRecipientsResponseDto })
  @ApiErrors(400, 401, 403, 503, 504)
  setRecipients(@Body() dto: AlertRecipientsDto): Promise<AlertRecipients> {
    return this.bus.send(SetAlertRecipients, dto);
  }

  @Get('emails')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'The email log',
    description:
      "Every send attempt, newest first: stock alerts, digests and account emails, with SES's message id or its reason for refusing.",
  })
  @ApiOkResponse({ type: EmailLogPageDto })
  @ApiErrors(400, 401, 403, 503, 504)
  listEmails(@Query() query: EmailLogQueryDto): Promise<Page<EmailLogEntry>> {
    return this.bus.send(ListEmails, query);
  }

  @Get('emails/:id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'One email of the log, with its text' })
  @ApiOkResponse({ type: EmailLogEntryWithTextDto })
  @ApiErrors(400, 401, 403, 404, 503, 504)
  getEmail(@Param() { id }: IdParamDto): Promise<EmailLogEntryWithText> {
    return this.bus.send(GetEmail, { id });
  }

  @Post('low-stock/run')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Run the low-stock digest now',
    description:
      'Emails every product at or below its reorder level to the alert recipients, like the daily run. It goes out once a day: a second run the same day sends again only with force.',
  })
  @ApiOkResponse({ type: DigestRunResponseDto })
  @ApiErrors(400, 401, 403, 502, 503, 504)
  runDigest(@Body() dto: RunDigestDto): Promise<DigestRunResult> {
    return this.bus.send(RunDigest, dto, {
      timeoutMs: DIGEST_RUN_TIMEOUT_MS,
    });
  }
}
