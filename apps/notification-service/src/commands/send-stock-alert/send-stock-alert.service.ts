import { Injectable, Logger } from '@nestjs/common';
import { StockEvents, type EventEnvelope, type StockEventDto } from '@inventory/contracts';
import type { SubscriptionContext } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { AlertRecipientsRepository } from '../../database/alert-recipients.repository';
import { AlertStateRepository } from '../../database/alert-state.repository';
import { EmailDelivery } from '../../email/email-delivery';
import { NotificationConfig, publicUrl } from '../../notification.config';
import { lowStockAlertEmail, outOfStockEmail } from './stock-alert.email';

/**
 * Stock crossings become emails to the alert recipients: stock.low → "Low Stock Alert",
 * stock.depleted → "Critical: out of stock". The stock service emits one such event per
 * crossing; this service sends one email per event id, once.
 *
 * - A stock.low that already reports 0 on hand sends nothing: the same movement also
 *   produced a stock.depleted, and one "Critical" email says it all.
 * - stock.replenished sends nothing; it records the product as back above its reorder
 *   level.
 * - SQS does not keep order: a crossing's event may arrive after a later one of the same
 *   product. It is still sent — every crossing gets its one email, and the email gives the
 *   level at the time of that crossing — and logged as `late`.
 */
@Injectable()
export class SendStockAlertService {
  private readonly logger = new Logger('StockAlerts');

  constructor(
    private readonly alertRecipients: AlertRecipientsRepository,
    private readonly alertState: AlertStateRepository,
    private readonly dataSource: DataSource,
    private readonly delivery: EmailDelivery,
    private readonly config: NotificationConfig,
  ) {}

  async alert(context: SubscriptionContext, event: StockEventDto): Promise<void> {
    const { envelope } = context;
    const { payload } = event;
    if (event.type === StockEvents.Low && payload.after === 0) {
      this.logger.debug(
        { event: 'alert.skipped', eventId: envelope.id, productId: payload.productId },
        'stock.low at 0 on hand: the stock.depleted of the same movement alerts',
      );
      return;
    }
    const depleted = event.type === StockEvents.Depleted;
    await this.delivery.onceForEvent(context, async (manager) => {
      const current = await this.alertState.record(manager, envelope.id, payload);
      const { recipients } = await this.alertRecipients.get(manager);
      const base = publicUrl(this.config);
      const email = depleted
        ? outOfStockEmail(payload, recipients, base)
        : lowStockAlertEmail(payload, recipients, base);
      const planned = { email, productId: payload.productId };
      if (!current) {
        this.logger.log(
          {
            event: 'alert.late',
            eventId: envelope.id,
            productId: payload.productId,
            at: payload.at,
          },
          'a later stock event of this product was handled first; alerting for this crossing anyway',
        );
      }
      if (recipients.length === 0) {
        return { ...planned, skip: 'no alert recipients are configured' };
      }
      return planned;
    });
  }

  /** stock.replenished: back above the reorder level. No email. */
  async replenished(envelope: EventEnvelope, event: StockEventDto): Promise<void> {
    const current = await this.alertState.record(this.dataSource, envelope.id, event.payload);
    this.logger.log(
      {
        event: 'alert.cleared',
        eventId: envelope.id,
        productId: event.payload.productId,
        onHand: event.payload.after,
        stale: !current,
      },
      'stock back above its reorder level',
    );
  }
}
