import { Injectable } from '@nestjs/common';
import {
  STOCK_EVENT_TYPES,
  StockEventDto,
  StockEvents,
  type EventEnvelope,
} from '@inventory/contracts';
import { validatedEvent } from '../../consumers/validated-event';
import { SendStockAlertService } from './send-stock-alert.service';

/** Everything that arrives on the stock-events queue. */
@Injectable()
export class StockEventsHandler {
  constructor(private readonly alerts: SendStockAlertService) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    const event = await validatedEvent(StockEventDto, STOCK_EVENT_TYPES, envelope);
    switch (event.type) {
      case StockEvents.LevelChanged:
        // One per movement, by far the most frequent: validated, then acknowledged. Crossings
        // come as their own events.
        return;
      case StockEvents.Low:
      case StockEvents.Depleted:
        return this.alerts.alert(envelope, event);
      case StockEvents.Replenished:
        return this.alerts.replenished(envelope, event);
    }
  }
}
