export * from './outbox';
export * from './outbox-relay';
export * from './outbox-schema';
export * from './outbox.module';
