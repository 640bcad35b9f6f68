import { Injectable, Logger } from '@nestjs/common';
import { AuditActions, AuditEntityTypes, type AlertRecipients } from '@inventory/contracts';
import { AuditTrail } from '@inventory/platform';
import { DataSource } from 'typeorm';
import {
  AlertRecipientsRepository,
  normaliseRecipients,
} from '../../database/alert-recipients.repository';

/** Replaces the list of alert recipients, with an audit entry saying who was added or removed. */
@Injectable()
export class SetRecipientsService {
  private readonly logger = new Logger('AlertRecipients');

  constructor(
    private readonly dataSource: DataSource,
    private readonly alertRecipients: AlertRecipientsRepository,
  ) {}

  /** Validated addresses; duplicates (compared without case) are dropped. */
  async set(addresses: string[], updatedBy: string | null): Promise<AlertRecipients> {
    const recipients = normaliseRecipients(addresses);
    const saved = await this.dataSource.transaction(async (manager) => {
      const before = await this.alertRecipients.get(manager);
      const after = await this.alertRecipients.set(manager, recipients, updatedBy);
      const added = after.recipients.filter((r) => !before.recipients.includes(r));
      const removed = before.recipients.filter((r) => !after.recipients.includes(r));
      if (added.length > 0 || removed.length > 0 || before.updatedAt === null) {
        await AuditTrail.record(manager, {
          action: AuditActions.AlertRecipientsChanged,
          entityType: AuditEntityTypes.AlertRecipients,
          entityId: 'low-stock',
          summary:
            [
              added.length ? `added ${added.join(', ')}` : '',
              removed.length ? `removed ${removed.join(', ')}` : '',
            ]
              .filter(Boolean)
              .join('; ')
              .replace(/^./, (c) => c.toUpperCase()) || 'Alert recipients confirmed',
          changes: [{ field: 'recipients', from: before.recipients, to: after.recipients }],
        });
      }
      return after;
    });
    this.logger.log(
      { event: 'alert.recipients_changed', count: recipients.length, by: saved.updatedBy },
      'alert recipients changed',
    );
    return saved;
  }
}
