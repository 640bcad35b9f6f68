export * from './event-subscriptions';
export * from './processed-messages';
export * from './queue-consumer';
export * from './queue-directory';
export * from './sqs.module';
export * from './sqs.tokens';
