/**
 * SQS queues carrying events. Each has a dead-letter queue named `<queue>-dlq`; the deployed
 * names get an environment prefix from configuration (QUEUE_PREFIX).
 */
export const Queues = {
  /** stock.low, stock.depleted, stock.replenished (stock.level.changed: accepted, no longer written) */
  StockEvents: 'stock-events',
  /** product.created, product.updated, product.archived, product.deleted */
  CatalogEvents: 'catalog-events',
  /** password reset and welcome emails requested by the gateway */
  NotificationRequests: 'notification-requests',
} as const;

export type QueueName = (typeof Queues)[keyof typeof Queues];

export const QUEUE_NAMES: readonly QueueName[] = Object.values(Queues);

export const deadLetterQueueName = (queue: string) => `${queue}-dlq`;

/** Receives before SQS moves a message to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;
