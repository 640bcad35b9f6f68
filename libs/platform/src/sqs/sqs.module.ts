import { Module } from '@nestjs/common';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { AppBaseConfig } from '../config/base.config';
import { createSqsPoller, createSqsPublisher } from '../aws/aws-clients';
import { EventSubscriptions } from './event-subscriptions';
import { QueueConsumers } from './queue-consumer';
import { QueueDirectory } from './queue-directory';
import { SQS_POLLER, SQS_PUBLISHER } from './sqs.tokens';

/** SQS clients and queue lookup, shared by the outbox relay and the consumers. */
@Module({
  providers: [
    { provide: SQS_PUBLISHER, inject: [AppBaseConfig], useFactory: createSqsPublisher },
    { provide: SQS_POLLER, inject: [AppBaseConfig], useFactory: createSqsPoller },
    {
      provide: QueueDirectory,
      inject: [SQS_PUBLISHER, AppBaseConfig],
      useFactory: (sqs: SQSClient, config: AppBaseConfig) =>
        new QueueDirectory(sqs, config.QUEUE_PREFIX),
    },
    QueueConsumers,
    EventSubscriptions,
  ],
  exports: [SQS_PUBLISHER, SQS_POLLER, QueueDirectory, QueueConsumers, EventSubscriptions],
})
export class SqsModule {}
