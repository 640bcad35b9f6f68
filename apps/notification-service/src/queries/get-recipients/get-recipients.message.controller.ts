import { Controller } from '@nestjs/common';
import { type AlertRecipients, GetAlertRecipients } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { AlertRecipientsRepository } from '../../database/alert-recipients.repository';

@Controller()
export class GetRecipientsMessageController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alertRecipients: AlertRecipientsRepository,
  ) {}

  @AnswersRequest(GetAlertRecipients)
  get(): Promise<AlertRecipients> {
    return this.alertRecipients.get(this.dataSource);
  }
}
