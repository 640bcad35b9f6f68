import { Injectable } from '@nestjs/common';
import type { EmailLogEntryWithText } from '@inventory/contracts';
import { NotFoundError } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { EmailLogRepository } from '../../database/email-log.repository';

/** One attempt of the email log with the email's text, for an admin who opens it. */
@Injectable()
export class GetEmailQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly emailLog: EmailLogRepository,
  ) {}

  async get(id: string): Promise<EmailLogEntryWithText> {
    const entry = await this.emailLog.get(this.dataSource, id);
    if (!entry) throw new NotFoundError(`Email ${id} not found in the log`);
    return entry;
  }
}
