import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditPageDto, Role } from '@inventory/contracts';
import type { AuthUser } from '../../../auth/session.service';
import { CurrentUser } from '../../../auth/current-user.decorator';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { ListAuditQueryDto } from './list-audit.dto';
import { ListAuditQuery } from './list-audit.query';

@ApiTags('audit')
@Controller('audit')
export class ListAuditHttpController {
  constructor(private readonly query: ListAuditQuery) {}

  @Get()
  @ApiOperation({
    summary: 'The audit trail: who changed what, when, from which request; newest first',
    description:
      'Every change made through the API (and by the boot, seed and scheduled jobs) across all services, with field changes and the correlation id of the request. Stock movements come from the ledger (`stock.movement.recorded`, with `movementId`). Admins read every entry; staff read only their own (`actorId` is set to them). An `action` ending in "." is a prefix (`product.`).',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiErrors(400)
  list(@Query() query: ListAuditQueryDto, @CurrentUser() user: AuthUser): Promise<AuditPageDto> {
    const { page = 1, pageSize = 20, ...filter } = query;
    if (user.role !== Role.Admin) filter.actorId = user.id;
    return this.query.page(filter, page, pageSize);
  }
}
