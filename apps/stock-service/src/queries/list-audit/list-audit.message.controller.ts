import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ListAuditRequestDto, ListStockAudit } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { ListAuditQuery } from './list-audit.query';

@Controller()
export class ListAuditMessageController {
  constructor(private readonly query: ListAuditQuery) {}

  @AnswersRequest(ListStockAudit)
  list(@Payload('data') filter: ListAuditRequestDto) {
    return this.query.list(filter);
  }
}
