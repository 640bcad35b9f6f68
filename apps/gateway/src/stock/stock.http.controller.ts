import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  IDEMPOTENCY_KEY_PATTERN,
  IDEMPOTENCY_KEY_RULE,
  ListLowStockRequest,
  ListMovementsQueryDto,
  RecordMovementDto,
  RecordMovementResultDto,
  Role,
  StockLevelDto,
  StockSummaryDto,
  type Page,
  type RecordMovementRequest,
  type RecordMovementResult,
  type StockLevel,
  type StockSummary,
  type StockMovement,
  GetStockLevels,
  GetStockSummary,
  ListLowStock,
  ListMovements,
  RecordMovement,
} from '@inventory/contracts';
import { InvalidInputError, ServiceBus } from '@inventory/platform';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { UsersRepository } from '../users/database/users.repository';
import { MovementWithActorDto, MovementWithActorPageDto } from './dtos/movement-with-actor.dto';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** Stock movements and the low-stock list. */
@ApiTags('stock')
@Controller('stock')
export class StockHttpController {
  constructor(
    private readonly bus: ServiceBus,
    private readonly users: UsersRepository,
  ) {}

  @Post('movements')
  @HttpCode(201)
  @Roles(Role.Admin, Role.Staff)
  @ApiOperation({
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

  @Get('movements')
  @ApiOperation({
    summary: 'The movement ledger, newest first',
    description: 'Each row names who recorded it (`actorName`) and the product (SKU, name).',
  })
  @ApiOkResponse({ type: MovementWithActorPageDto })
  @ApiErrors(400, 401, 503, 504)
  async list(@Query() query: ListMovementsQueryDto): Promise<Page<MovementWithActorDto>> {
    const page = await this.bus.send(ListMovements, query);
    return { ...page, items: await this.withActorNames(page.items) };
  }

  /**
   * Names for the page's rows: one query for the people (a page holds at most 100 rows) and
   * one batched request for the products' SKU and name as the stock service knows them.
   */
  private async withActorNames(items: StockMovement[]): Promise<MovementWithActorDto[]> {
    if (items.length === 0) return [];
    const actorIds = [
      ...new Set(items.map((item) => item.actorUserId).filter((id) => id !== null)),
    ];
    const productIds = [...new Set(items.map((item) => item.productId))];
    const [names, products] = await Promise.all([
      this.users.displayNames(actorIds),
      this.bus.send(GetStockLevels, { productIds }),
    ]);
    const levels = new Map(products.map((level) => [level.productId, level]));
    return items.map((item) => ({
      ...item,
      actorName: item.actorUserId ? (names.get(item.actorUserId) ?? null) : null,
      productSku: levels.get(item.productId)?.sku ?? null,
      productName: levels.get(item.productId)?.name ?? null,
    }));
  }

  @Get('low')
  @ApiOperation({
    summary: 'Products at or below their reorder level',
    description:
      'Out of stock first, then the smallest share of the reorder level left. Only products with a reorder level: one with none set (0) and nothing on hand is not stocked, not out.',
  })
  @ApiOkResponse({ type: [StockLevelDto] })
  @ApiErrors(400, 401, 503, 504)
  low(@Query() query: ListLowStockRequest): Promise<StockLevel[]> {
    return this.bus.send(ListLowStock, query);
  }

  @Get('summary')
  @ApiOperation({
    summary: 'How many active products are in stock, low and out',
    description: 'The counts of the dashboard; one pass over the stock levels.',
  })
  @ApiOkResponse({ type: StockSummaryDto })
  @ApiErrors(401, 503, 504)
  summary(): Promise<StockSummary> {
    return this.bus.send(GetStockSummary, {});
  }
}
