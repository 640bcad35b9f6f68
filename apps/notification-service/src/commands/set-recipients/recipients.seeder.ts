import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AlertRecipientsRepository,
  normaliseRecipients,
} from '../../database/alert-recipients.repository';
import { NotificationConfig, splitAddresses } from '../../notification.config';

/**
 * Fills the stored recipient list from ALERT_RECIPIENTS the first time the service starts.
 * Once there is a list (even one an admin emptied on purpose) it is left alone.
 */
@Injectable()
export class RecipientsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('AlertRecipients');

  constructor(
    private readonly alertRecipients: AlertRecipientsRepository,
    private readonly dataSource: DataSource,
    private readonly config: NotificationConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const recipients = normaliseRecipients(splitAddresses(this.config.ALERT_RECIPIENTS));
    if (await this.alertRecipients.seed(this.dataSource, recipients)) {
      this.logger.log(
        { event: 'alert.recipients_seeded', count: recipients.length },
        'alert recipients taken from ALERT_RECIPIENTS',
      );
    }
  }
}
