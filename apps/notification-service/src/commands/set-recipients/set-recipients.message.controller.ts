import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AlertRecipientsDto,
  type AlertRecipients,
  type RequestMeta,
  SetAlertRecipients,
} from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
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
    const saved = await this.alertRecipients.set(
      this.dataSource,
      recipients,
      meta?.actor?.userId ?? null,
    );
    this.logger.log(
      { event: 'alert.recipients_changed', count: recipients.length, by: saved.updatedBy },
      'alert recipients changed',
    );
    return saved;
  }
}
