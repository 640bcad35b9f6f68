import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, RunDigest, RunDigestDto, type DigestRunResult } from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { DigestRunResponseDto } from '../../dtos/digest-run.response.dto';

/** A digest run waits for the stock service and SES: longer than an ordinary request. */
const DIGEST_RUN_TIMEOUT_MS = 60_000;

@ApiTags('alerts')
@Controller('alerts')
export class RunDigestHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Post('low-stock/run')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOperation({
    operationId: 'AlertsHttpController_runDigest',
    summary: 'Run the low-stock digest now',
    description:
      'Emails every product at or below its reorder level to the alert recipients, like the daily run. It goes out once a day: a second run the same day sends again only with force.',
  })
  @ApiOkResponse({ type: DigestRunResponseDto })
  @ApiErrors(400, 401, 403, 502, 503, 504)
  runDigest(@Body() dto: RunDigestDto): Promise<DigestRunResult> {
    return this.bus.send(RunDigest, dto, { timeoutMs: DIGEST_RUN_TIMEOUT_MS });
  }
}
