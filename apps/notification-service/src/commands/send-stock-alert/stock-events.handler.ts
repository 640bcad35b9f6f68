import { Injectable } from '@nestjs/common';
import { Queues, STOCK_EVENT_TYPES, StockEventDto, StockEvents } from '@inventory/contracts';
import type {
  ConsumeOptions,
  Subscription,
  SubscriptionContext,
  SubscriptionHandler,
} from '@inventory/platform';
import { EMAIL_EVENTS_CONSUME_OPTIONS } from '../../email/email-delivery';
import { NotificationConfig } from '../../notification.config';
import { SendStockAlertService } from './send-stock-alert.service';

/** Everything that arrives on the stock-events queue. */
@Injectable()
export class StockEventsHandler implements SubscriptionHandler<StockEventDto> {
  constructor(
    private readonly alerts: SendStockAlertService,
    private readonly config: NotificationConfig,
  ) {}

  async handle(event: StockEventDto, context: SubscriptionContext): Promise<void> {
    switch (event.type) {
      case StockEvents.LevelChanged:
        // One per movement, by far the most frequent: validated, then acknowledged. Crossings
        // come as their own events.
        return;
      case StockEvents.Low:
      case StockEvents.Depleted:
        return this.alerts.alert(context, event);
      case StockEvents.Replenished:
        return this.alerts.replenished(context.envelope, event);
    }
  }

  consumeOptions(): ConsumeOptions {
    return { pollers: this.config.STOCK_EVENTS_POLLERS };
  }
}

/** Stock crossings become alert emails (send-stock-alert). */
export const sendStockAlerts: Subscription<StockEventDto> = {
  name: 'notification.stock-alerts',
  queue: Queues.StockEvents,
  events: [{ types: STOCK_EVENT_TYPES, dto: StockEventDto }],
  handler: StockEventsHandler,
  options: EMAIL_EVENTS_CONSUME_OPTIONS,
};
