import { Controller } from '@nestjs/common';
import { type AlertRecipients, GetAlertRecipients } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { AlertRecipientsStore } from '../../database/alert-recipients.repository';

@Controller()
export class GetRecipientsMessageController {
  constructor(private readonly dataSource: DataSource) {}

  @AnswersRequest(GetAlertRecipients)
  get(): Promise<AlertRecipients> {
    return AlertRecipientsStore.get(this.dataSource);
  }
}
