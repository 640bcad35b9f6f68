import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AlertRecipientsDto,
  SetAlertRecipients,
  type AlertRecipients,
  type RequestMeta,
} from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { SetRecipientsService } from './set-recipients.service';

@Controller()
export class SetRecipientsMessageController {
  constructor(private readonly service: SetRecipientsService) {}

  /** Replaces the list of alert recipients (validated addresses; duplicates dropped). */
  @AnswersRequest(SetAlertRecipients)
  set(
    @Payload('data') dto: AlertRecipientsDto,
    @Payload('meta') meta: RequestMeta,
  ): Promise<AlertRecipients> {
    return this.service.set(dto.recipients, meta?.actor?.userId ?? null);
  }
}
