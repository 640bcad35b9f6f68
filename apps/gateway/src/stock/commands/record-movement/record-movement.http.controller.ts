import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  IDEMPOTENCY_KEY_PATTERN,
  IDEMPOTENCY_KEY_RULE,
  RecordMovement,
  RecordMovementDto,
  RecordMovementResultDto,
  Role,
  type RecordMovementRequest,
  type RecordMovementResult,
} from '@inventory/contracts';
import { InvalidInputError, ServiceBus } from '@inventory/platform';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

@ApiTags('stock')
@Controller('stock')
export class RecordMovementHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Post('movements')
  @HttpCode(201)
  @Roles(Role.Admin, Role.Staff)
  @ApiOperation({
    operationId: 'StockHttpController_record',
    summary: 'Record a stock movement',
    description:
      'receive adds, issue takes away (refused with 409 when more than on hand), adjust ' +
      'corrects by a signed quantity with a reason, stocktake sets the counted quantity. ' +
      'Send an Idempotency-Key to retry safely: a retry answers the first result (with ' +
      '`Idempotent-Replayed: true`) and records nothing more. Keys are kept at least 24 hours.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Makes the request safe to retry: same key and body → the original answer, nothing recorded twice; ' +
      'same key, different body → 422. 1 to 200 visible ASCII characters; a UUID is a good choice.',
    example: '0e9c3b1e-7a53-4d5f-9d3a-9f1f2b1c6f10',
  })
  @ApiCreatedResponse({
    type: RecordMovementResultDto,
    description: 'Recorded (or, for a retried Idempotency-Key, the first answer)',
  })
  @ApiErrors(400, 401, 403, 404, 409, 422, 503, 504)
  async record(
    @Body() body: RecordMovementDto,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordMovementResult> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw new InvalidInputError('Invalid request: Idempotency-Key', [
        { field: 'Idempotency-Key', message: IDEMPOTENCY_KEY_RULE },
      ]);
    }
    const request: RecordMovementRequest = { ...body, idempotencyKey };
    const { replayed, ...result } = await this.bus.send(RecordMovement, request);
    if (replayed) void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return result;
  }
}
