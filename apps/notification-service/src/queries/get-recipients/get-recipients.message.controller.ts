import { Controller } from '@nestjs/common';
import { GetAlertRecipients, type AlertRecipients } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { GetRecipientsQuery } from './get-recipients.query';

@Controller()
export class GetRecipientsMessageController {
  constructor(private readonly recipients: GetRecipientsQuery) {}

  @AnswersRequest(GetAlertRecipients)
  get(): Promise<AlertRecipients> {
    return this.recipients.get();
  }
}
