import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { EmailLogIdDto, GetEmail, type EmailLogEntryWithText } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { GetEmailQuery } from './get-email.query';

@Controller()
export class GetEmailMessageController {
  constructor(private readonly email: GetEmailQuery) {}

  /** One attempt with the email's text, for an admin who opens it from the log. */
  @AnswersRequest(GetEmail)
  get(@Payload('data') dto: EmailLogIdDto): Promise<EmailLogEntryWithText> {
    return this.email.get(dto.id);
  }
}
