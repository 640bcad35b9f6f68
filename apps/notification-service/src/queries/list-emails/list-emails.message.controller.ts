import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { EmailLogQueryDto, ListEmails, type EmailLogEntry, type Page } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { ListEmailsQuery } from './list-emails.query';

@Controller()
export class ListEmailsMessageController {
  constructor(private readonly emails: ListEmailsQuery) {}

  /** The email log, newest first: every attempt, with SES's message id or its reason. */
  @AnswersRequest(ListEmails)
  list(@Payload('data') query: EmailLogQueryDto): Promise<Page<EmailLogEntry>> {
    return this.emails.list(query);
  }
}
