import { Injectable } from '@nestjs/common';
import type { EmailLogEntry, EmailLogQueryDto, Page } from '@inventory/contracts';
import { DataSource } from 'typeorm';
import { EmailLogRepository } from '../../database/email-log.repository';

/** The email log, newest first: every attempt, with SES's message id or its reason. */
@Injectable()
export class ListEmailsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly emailLog: EmailLogRepository,
  ) {}

  list(query: EmailLogQueryDto): Promise<Page<EmailLogEntry>> {
    return this.emailLog.list(this.dataSource, query);
  }
}
