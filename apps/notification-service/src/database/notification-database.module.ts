import { Global, Module } from '@nestjs/common';
import { AlertRecipientsRepository } from './alert-recipients.repository';
import { AlertStateRepository } from './alert-state.repository';
import { DigestRunsRepository } from './digest-runs.repository';
import { EmailLogRepository } from './email-log.repository';

const repositories = [
  AlertRecipientsRepository,
  AlertStateRepository,
  DigestRunsRepository,
  EmailLogRepository,
];

/** The notification service's repositories, for every module of the app. */
@Global()
@Module({ providers: repositories, exports: repositories })
export class NotificationDatabaseModule {}
