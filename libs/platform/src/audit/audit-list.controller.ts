import { Controller, type Type } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type AuditEntryDto,
  type AuditSource,
  type BusRequestType,
  ListAuditRequestDto,
} from '@inventory/contracts';
import { DataSource } from 'typeorm';
import { AnswersRequest } from '../bus/answers-request';
import { AuditTrail } from './audit-trail';

/**
 * The message controller of `<service>.audit.list` for a service whose trail is only its
 * `audit_entries` table (catalog, notification): `auditListController(ListCatalogAudit,
 * Services.Catalog)`. Stock has its own: it adds the ledger's movements.
 */
export function auditListController(
  request: BusRequestType<ListAuditRequestDto, AuditEntryDto[]>,
  service: AuditSource,
): Type<unknown> {
  @Controller()
  class ListAuditMessageController {
    constructor(readonly dataSource: DataSource) {}

    @AnswersRequest(request)
    list(@Payload('data') filter: ListAuditRequestDto): Promise<AuditEntryDto[]> {
      return AuditTrail.list(this.dataSource.manager, service, filter);
    }
  }
  return ListAuditMessageController;
}
