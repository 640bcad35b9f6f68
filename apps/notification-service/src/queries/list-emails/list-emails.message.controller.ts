import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  EmailLogIdDto,
  EmailLogQueryDto,
  type EmailLogEntry,
  type EmailLogEntryWithText,
  type Page,
  GetEmail,
  ListEmails,
} from '@inventory/contracts';
import { NotFoundError, AnswersRequest } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { EmailLogRepository } from '../../database/email-log.repository';

@Controller()
export class ListEmailsMessageController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly emailLog: EmailLogRepository,
  ) {}

  /** The email log, newest first: every attempt, with SES's message id or its reason. */
  @AnswersRequest(ListEmails)
  list(@Payload('data') query: EmailLogQueryDto): Promise<Page<EmailLogEntry>> {
    return this.emailLog.list(this.dataSource, query);
  }

  /** One attempt with the email's text, for an admin who opens it from the log. */
  @AnswersRequest(GetEmail)
  async get(@Payload('data') dto: EmailLogIdDto): Promise<EmailLogEntryWithText> {
    const entry = await this.emailLog.get(this.dataSource, dto.id);
    if (!entry) throw new NotFoundError(`Email ${dto.id} not found in the log`);
    return entry;
  }
}
