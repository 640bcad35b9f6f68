import { Injectable } from '@nestjs/common';
import type { AlertRecipients } from '@inventory/contracts';
import { DataSource } from 'typeorm';
import { AlertRecipientsRepository } from '../../database/alert-recipients.repository';

/** The stored list of alert recipients, with who changed it last. */
@Injectable()
export class GetRecipientsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alertRecipients: AlertRecipientsRepository,
  ) {}

  get(): Promise<AlertRecipients> {
    return this.alertRecipients.get(this.dataSource);
  }
}
