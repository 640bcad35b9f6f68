import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppBaseConfig } from '../config/base.config';
import { MetricsService } from '../metrics/metrics.service';
import { SqsModule } from '../sqs/sqs.module';
import { QueueDirectory } from '../sqs/queue-directory';
import { SQS_PUBLISHER } from '../sqs/sqs.tokens';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { Outbox } from './outbox';
import { type OutboxRelayOptions, OutboxRelay } from './outbox-relay';

export interface OutboxModuleOptions {
  /** The service writing the events; becomes each envelope's `source`. */
  source: string;
  relay?: Partial<OutboxRelayOptions>;
}

/** `Outbox` to record events inside a transaction, and the relay that publishes them. */
@Module({})
export class OutboxModule {
  static forRoot(options: OutboxModuleOptions): DynamicModule {
    return {
      module: OutboxModule,
      global: true,
      imports: [SqsModule],
      providers: [
        {
          provide: Outbox,
          inject: [OutboxRelay],
          useFactory: (relay: OutboxRelay) => new Outbox(options.source, relay),
        },
        {
          provide: OutboxRelay,
          inject: [
            DataSource,
            SQS_PUBLISHER,
            QueueDirectory,
            AppBaseConfig,
            { token: MetricsService, optional: true },
          ],
          useFactory: (
            dataSource: DataSource,
            sqs: SQSClient,
            queues: QueueDirectory,
            config: AppBaseConfig,
            metrics?: MetricsService,
          ) =>
            new OutboxRelay(dataSource, sqs, queues, config.DATABASE_URL, options.relay, metrics),
        },
      ],
      exports: [Outbox, OutboxRelay],
    };
  }
}
