import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  EmailLogQueryDto,
  NotificationPatterns,
  type EmailLogEntry,
  type Page,
} from '@inventory/contracts';
import { DataSource } from 'typeorm';
import { EmailLog } from '../../database/email-log.repository';

@Controller()
export class ListEmailsMessageController {
  constructor(private readonly dataSource: DataSource) {}

  /** The email log, newest first: every attempt, with SES's message id or its reason. */
  @MessagePattern(NotificationPatterns.emailsList)
  list(@Payload('data') query: EmailLogQueryDto): Promise<Page<EmailLogEntry>> {
    return EmailLog.list(this.dataSource, query);
  }
}
