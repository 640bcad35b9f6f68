/**
 * SQS queues carrying events. Each has a dead-letter queue named `<queue>-dlq`; the deployed
 * names get an environment prefix from configuration (QUEUE_PREFIX). Each queue has one
 * consuming service: stock-events notification, catalog-events stock, notification-requests
 * notification, stock-status catalog.
 */
export const Queues = {
  /** stock.low, stock.depleted, stock.replenished (stock.level.changed: accepted, no longer written) */
  StockEvents: 'stock-events',
  /** product.created, product.updated, product.archived, product.deleted */
  CatalogEvents: 'catalog-events',
  /** password reset and welcome emails requested by the gateway */
  NotificationRequests: 'notification-requests',
  /** stock.status.changed, for the catalog's copy of each product's stock status */
  StockStatus: 'stock-status',
} as const;

export type QueueName = (typeof Queues)[keyof typeof Queues];

export const QUEUE_NAMES: readonly QueueName[] = Object.values(Queues);

export const deadLetterQueueName = (queue: string) => `${queue}-dlq`;

/** Receives before SQS moves a message to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;
