import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AlertRecipientsDto,
  type AlertRecipients,
  type RequestMeta,
  SetAlertRecipients,
  AuditActions,
  AuditEntityTypes,
} from '@inventory/contracts';
import { AnswersRequest, AuditTrail } from '@inventory/platform';
import { DataSource } from 'typeorm';
import {
  AlertRecipientsRepository,
  normaliseRecipients,
} from '../../database/alert-recipients.repository';

@Controller()
export class SetRecipientsMessageController {
  private readonly logger = new Logger('AlertRecipients');

  constructor(
    private readonly dataSource: DataSource,
    private readonly alertRecipients: AlertRecipientsRepository,
  ) {}

  /** Replaces the list of alert recipients (validated addresses; duplicates dropped). */
  @AnswersRequest(SetAlertRecipients)
  async set(
    @Payload('data') dto: AlertRecipientsDto,
    @Payload('meta') meta: RequestMeta,
  ): Promise<AlertRecipients> {
    const recipients = normaliseRecipients(dto.recipients);
    const saved = await this.dataSource.transaction(async (manager) => {
      const before = await this.alertRecipients.get(manager);
      const after = await this.alertRecipients.set(
        manager,
        recipients,
        meta?.actor?.userId ?? null,
      );
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
