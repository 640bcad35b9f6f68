import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { AuditFilterDto, PageQueryDto } from '@inventory/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The deepest page: the gateway asks each service for page × pageSize entries. */
export const AUDIT_MAX_PAGE = 100;

/** `GET /audit?entityType=&entityId=&actorId=&action=&from=&to=&page=&pageSize=`. */
export class ListAuditQueryDto extends IntersectionType(
  AuditFilterDto,
  OmitType(PageQueryDto, ['page']),
) {
  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_MAX_PAGE, {
    message: `page must not be greater than ${AUDIT_MAX_PAGE}: narrow the filter (from, to) instead`,
  })
  page?: number;
}
