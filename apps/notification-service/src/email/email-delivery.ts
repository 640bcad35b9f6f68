import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EmailKind } from '@inventory/contracts';
import {
  MetricNames,
  MetricsService,
  RequestContext,
  type ConsumeOptions,
  type SubscriptionContext,
} from '@inventory/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { EmailLogRepository } from '../database/email-log.repository';
import type { Sql } from '../database/sql';
import { oneLine } from './email-layout';
import { EMAIL_SENDER } from './email.di-tokens';
import {
  EmailRejectedError,
  type EmailSender,
  type OutgoingEmail,
  type SentEmail,
} from './email-sender.port';

/**
 * Seconds before SQS delivers a failed event again, by receive count: 5, 15, 45, 135. An
 * SES outage of about three minutes is ridden out; a longer one leaves the events in the
 * dead-letter queue, from where they can be redriven (they are idempotent). Poison
 * messages skip the wait and reach the dead-letter queue within a second.
 */
export const eventRetryDelaySeconds = (receives: number) => Math.min(300, 5 * 3 ** (receives - 1));

/** How the service's subscriptions consume: ten at a time, retried at SES's pace. */
export const EMAIL_EVENTS_CONSUME_OPTIONS: ConsumeOptions = {
  batchSize: 10,
  retryDelaySeconds: eventRetryDelaySeconds,
};

/** An email one piece of work calls for, with what the log should say about it. */
export interface PlannedEmail {
  email: OutgoingEmail;
  productId?: string;
  digestRunId?: string;
  /** Set to record the email as deliberately not sent, with this reason. */
  skip?: string;
}

export type DeliveryOutcome =
  | { outcome: 'sent'; kind: EmailKind; sent: SentEmail; logId: string }
  | { outcome: 'failed'; kind: EmailKind; reason: string; logId: string }
  | { outcome: 'skipped'; kind: EmailKind; reason: string; logId: string }
  | { outcome: 'duplicate' };

/** The provider (SES, SMTP) could not take the email now (down, throttling, timeout, 4xx): the work is retried later. */
export class EmailUnavailableError extends Error {
  override name = 'EmailUnavailableError';
}

interface Cause {
  eventId?: string;
  eventType?: string;
  occurredAt?: Date;
  /** When SQS accepted the event from its producer's outbox relay (SentTimestamp). */
  queuedAt?: Date;
  /** When SQS first handed the event to a consumer (ApproximateFirstReceiveTimestamp). */
  receivedAt?: Date;
}

/** A message system attribute holding a time in ms since the epoch, as a Date. */
function attributeTime(value: string | undefined): Date | undefined {
  const ms = Number(value);
  return value && Number.isFinite(ms) ? new Date(ms) : undefined;
}

const between = (from: Date | undefined, to: Date | undefined) =>
  from && to ? to.getTime() - from.getTime() : undefined;

/**
 * Sends email and records every attempt in the email log.
 *
 * For an event (`onceForEvent`) one transaction holds it all: the event id is recorded in
 * processed_messages first (a concurrent redelivery of the same event waits on that row and
 * then finds it), then SES is asked, then the log row is written, then it commits. A
 * redelivered event therefore sends nothing the second time.
 *
 * The one window left: SES accepted the email, and the commit then failed (the database
 * went away, the process died between SES's answer and COMMIT). The event id is then not
 * recorded, SQS delivers the event again, and the email goes out a second time. SES has no
 * idempotency key to close it; it is kept as small as it can be by doing nothing between
 * SES's answer and COMMIT but one INSERT. We prefer an alert twice in that rare case to an
 * alert never (at-least-once). Such a failed commit is logged as `alert.commit_failed`
 * with the SES message id, so a duplicate can be recognised.
 */
@Injectable()
export class EmailDelivery {
  private readonly logger = new Logger('EmailDelivery');

  constructor(
    private readonly emailLog: EmailLogRepository,
    private readonly dataSource: DataSource,
    @Inject(EMAIL_SENDER) private readonly sender: EmailSender,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * The email caused by the event being handled, at most once per subscription. `plan` runs
   * inside the subscription's transaction (`context.once`) after the event id was recorded (it may read and write state); it returns
   * null when the event calls for no email at all. Throws `EmailUnavailableError` when SES
   * could not take it now, so that the event is delivered again later.
   */
  async onceForEvent(
    context: SubscriptionContext,
    plan: (manager: EntityManager) => Promise<PlannedEmail | null>,
  ): Promise<DeliveryOutcome | null> {
    const { envelope, message } = context;
    const cause: Cause = {
      eventId: envelope.id,
      eventType: envelope.type,
      occurredAt: new Date(envelope.occurredAt),
      queuedAt: attributeTime(message?.Attributes?.SentTimestamp),
      receivedAt: attributeTime(message?.Attributes?.ApproximateFirstReceiveTimestamp),
    };
    let accepted: { planned: PlannedEmail; sent: SentEmail } | undefined;
    let unavailable: { planned: PlannedEmail; error: unknown } | undefined;
    let result: DeliveryOutcome | null;
    try {
      const done = await context.once(async (manager): Promise<DeliveryOutcome | null> => {
        const planned = await plan(manager);
        if (!planned) return null;
        try {
          return await this.deliver(manager, planned, cause, (sent) => {
            accepted = { planned, sent };
          });
        } catch (error) {
          if (error instanceof EmailUnavailableError) unavailable = { planned, error: error.cause };
          throw error;
        }
      });
      result = done.duplicate ? { outcome: 'duplicate' } : done.result;
    } catch (error) {
      if (unavailable) {
        await this.recordRetry(unavailable.planned, unavailable.error, cause);
      } else if (accepted) {
        this.logger.error(
          {
            event: 'alert.commit_failed',
            kind: accepted.planned.email.kind,
            eventId: envelope.id,
            sesMessageId: accepted.sent.messageId,
            err: error,
          },
          'the email provider accepted the email but recording it failed: the event will be delivered again and the email may be sent twice',
        );
      }
      throw error;
    }
    if (result) this.report(result, cause);
    return result;
  }

  /**
   * Sends a planned email inside the caller's transaction and writes its log row there. A
   * permanent refusal is logged as failed (and returned, so the caller commits it); a
   * transient failure throws `EmailUnavailableError` and writes nothing.
   */
  async deliver(
    manager: Sql,
    planned: PlannedEmail,
    cause: Cause = {},
    onAccepted?: (sent: SentEmail) => void,
  ): Promise<DeliveryOutcome> {
    // Whatever a subject was built from (a product name from the catalog, an event), it
    // goes out as one line: a line break in it would end the header.
    planned = { ...planned, email: { ...planned.email, subject: oneLine(planned.email.subject) } };
    const kind = planned.email.kind;
    const row = {
      kind,
      recipients: planned.email.to,
      subject: planned.email.subject,
      text: planned.email.text,
      eventId: cause.eventId,
      digestRunId: planned.digestRunId,
      productId: planned.productId,
      correlationId: RequestContext.current()?.correlationId ?? null,
      occurredAt: cause.occurredAt,
    };
    if (planned.skip) {
      const logId = await this.emailLog.add(manager, {
        ...row,
        status: 'skipped',
        error: planned.skip,
        at: new Date(),
      });
      return { outcome: 'skipped', kind, reason: planned.skip, logId };
    }
    let sent: SentEmail;
    try {
      sent = await this.sender.send(planned.email);
    } catch (error) {
      if (error instanceof EmailRejectedError) {
        const logId = await this.emailLog.add(manager, {
          ...row,
          status: 'failed',
          error: error.reason,
          at: new Date(),
        });
        return { outcome: 'failed', kind, reason: error.reason, logId };
      }
      throw new EmailUnavailableError(describe(error), { cause: error });
    }
    onAccepted?.(sent);
    const logId = await this.emailLog.add(manager, {
      ...row,
      status: 'sent',
      sesMessageId: sent.messageId,
      at: sent.acceptedAt,
    });
    return { outcome: 'sent', kind, sent, logId };
  }

  /** A transient failure: its own log row (outside the rolled-back transaction). */
  private async recordRetry(planned: PlannedEmail, error: unknown, cause: Cause): Promise<void> {
    const reason = describe(error);
    const { kind } = planned.email;
    this.metrics.count(MetricNames.EmailsFailed, 1, { kind });
    this.logger.warn(
      { event: 'alert.retrying', kind, ...ids(cause), reason },
      'the email provider could not take the email now; the event will be delivered again',
    );
    await this.emailLog
      .add(this.dataSource, {
        kind,
        status: 'retrying',
        recipients: planned.email.to,
        subject: planned.email.subject,
        text: planned.email.text,
        eventId: cause.eventId,
        productId: planned.productId,
        correlationId: RequestContext.current()?.correlationId ?? null,
        occurredAt: cause.occurredAt,
        error: reason,
        at: new Date(),
      })
      .catch((logError: unknown) =>
        this.logger.warn(
          { event: 'alert.log_failed', err: logError },
          'could not record the failed attempt',
        ),
      );
  }

  /** The log line and metrics of a finished delivery (after its transaction committed). */
  report(result: DeliveryOutcome, cause: Cause = {}): void {
    if (result.outcome === 'duplicate') {
      this.logger.log(
        { event: 'alert.duplicate', ...ids(cause) },
        'event already handled: nothing sent',
      );
      return;
    }
    const { kind } = result;
    if (result.outcome === 'sent') {
      const { acceptedAt } = result.sent;
      const latencyMs = between(cause.occurredAt, acceptedAt);
      this.metrics.count(MetricNames.EmailsSent, 1, { kind });
      if (kind === 'low_stock' || kind === 'out_of_stock') {
        this.metrics.count(MetricNames.LowStockAlerts, 1, { kind });
      }
      if (latencyMs !== undefined) this.metrics.observe(MetricNames.EmailLatencyMs, latencyMs);
      this.logger.log(
        {
          event: 'alert.sent',
          kind,
          ...ids(cause),
          emailLogId: result.logId,
          sesMessageId: result.sent.messageId,
          latencyMs,
          // Where the latency went: outbox to SQS, waiting in SQS, handling up to SES's
          // answer; then SES's answer to the email log's commit.
          publishMs: between(cause.occurredAt, cause.queuedAt),
          queueMs: between(cause.queuedAt, cause.receivedAt),
          handleMs: between(cause.receivedAt, acceptedAt),
          commitMs: between(acceptedAt, new Date()),
        },
        'email sent',
      );
    } else if (result.outcome === 'failed') {
      this.metrics.count(MetricNames.EmailsFailed, 1, { kind });
      this.logger.error(
        {
          event: 'alert.failed',
          kind,
          ...ids(cause),
          emailLogId: result.logId,
          reason: result.reason,
        },
        'the email provider refused the email for good: not retried',
      );
    } else {
      this.logger.log(
        { event: 'alert.skipped', kind, ...ids(cause), reason: result.reason },
        'email not sent',
      );
    }
  }
}

const ids = (cause: Cause) => ({ eventId: cause.eventId, eventType: cause.eventType });

const describe = (error: unknown): string => {
  const { name, message } = (error ?? {}) as { name?: string; message?: string };
  return `${name ?? 'Error'}: ${message || 'no reason given'}`.slice(0, 1000);
};
