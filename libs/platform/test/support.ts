import { SQSClient } from '@aws-sdk/client-sqs';
import {
  createQueues,
  createTestDatabase,
  freePort,
  sqsStandIn,
  type StandIn,
  type TestDatabase,
} from '@inventory/local-stack';
import { DataSource } from 'typeorm';
import { createOutboxTable, storeOutboxEventParts } from '../src/outbox/outbox-schema';
import { createProcessedMessagesTable } from '../src/sqs/processed-messages';

export const AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
};

export interface MessagingFixture {
  database: TestDatabase;
  dataSource: DataSource;
  sqsStandIn: StandIn;
  sqs: SQSClient;
  queueUrls: Record<string, string>;
  close(): Promise<void>;
}

/** Real Postgres (own database) with an outbox in schema `relaytest`, and the SQS stand-in. */
export async function messagingFixture(): Promise<MessagingFixture> {
  const database = await createTestDatabase('platform');
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    schema: 'relaytest',
    poolSize: 10,
    extra: { options: '-c search_path=relaytest,public' },
  });
  await dataSource.initialize();
  await dataSource.query('CREATE SCHEMA relaytest');
  const runner = dataSource.createQueryRunner();
  await createOutboxTable(runner, 'relaytest');
  await storeOutboxEventParts(runner, 'relaytest');
  await createProcessedMessagesTable(runner, 'relaytest');
  await runner.release();

  const standIn = sqsStandIn(await freePort());
  await standIn.start();
  const queueUrls = await createQueues(standIn.endpoint, '', AWS);
  const sqs = new SQSClient({ ...AWS, endpoint: standIn.endpoint, maxAttempts: 1 });
  return {
    database,
    dataSource,
    sqsStandIn: standIn,
    sqs,
    queueUrls,
    async close() {
      sqs.destroy();
      await standIn.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

export { drainQueue as drain } from '@inventory/local-stack';

import { eventually, sleep } from '@inventory/local-stack';

export { eventually, sleep };
