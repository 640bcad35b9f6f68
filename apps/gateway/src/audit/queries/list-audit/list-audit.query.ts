import { Injectable } from '@nestjs/common';
import {
  type AuditEntryDto,
  type AuditFilterDto,
  type AuditPageDto,
  type AuditSource,
  auditSources,
  ListCatalogAudit,
  ListNotificationAudit,
  ListStockAudit,
} from '@inventory/contracts';
import { AuditTrail, ServiceBus } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { UsersRepository } from '../../../users/database/users.repository';

/**
 * One page of the whole trail (docs/adr/0016). Each service keeps its own entries; the
 * gateway asks only the services that can hold entries matching the filter (by entity type
 * and action), each for its newest page × pageSize + 1, and merges them newest first. The
 * extra entry tells whether a next page exists.
 */
@Injectable()
export class ListAuditQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: ServiceBus,
    private readonly users: UsersRepository,
  ) {}

  async page(filter: AuditFilterDto, page: number, pageSize: number): Promise<AuditPageDto> {
    const limit = page * pageSize + 1;
    const request = { ...filter, limit };
    const lists = await Promise.all(
      auditSources(filter).map((source) => this.fromSource(source, request)),
    );
    const merged = lists
      .flat()
      .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
    const items = merged.slice((page - 1) * pageSize, page * pageSize);
    await this.addEmails(items);
    return { items, page, pageSize, hasMore: merged.length > page * pageSize };
  }

  private fromSource(
    source: AuditSource,
    request: AuditFilterDto & { limit: number },
  ): Promise<AuditEntryDto[]> {
    switch (source) {
      case 'gateway':
        return AuditTrail.list(this.dataSource.manager, 'gateway', request);
      case 'catalog':
        return this.bus.send(ListCatalogAudit, request);
      case 'stock':
        return this.bus.send(ListStockAudit, request);
      case 'notification':
        return this.bus.send(ListNotificationAudit, request);
    }
  }

  /** The ledger names its actor by id only: the user's email is looked up here. */
  private async addEmails(items: AuditEntryDto[]): Promise<void> {
    const missing = items.filter((item) => item.actor.userId && !item.actor.email);
    if (missing.length === 0) return;
    const emails = await this.users.emails([...new Set(missing.map((i) => i.actor.userId!))]);
    for (const item of missing) item.actor.email = emails.get(item.actor.userId!) ?? null;
  }
}
