import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import {
  DigestStatuses,
  EmailKinds,
  type DigestItem,
  type DigestRunResult,
  type StockLevel,
  ListLowStock,
  AuditActions,
  AuditEntityTypes,
} from '@inventory/contracts';
import { ServiceBus, UpstreamError, AuditTrail } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { AlertRecipientsRepository } from '../../database/alert-recipients.repository';
import { EmailLogRepository } from '../../database/email-log.repository';
import {
  DigestRunsRepository,
  type DigestRunStart,
  type DigestTrigger,
} from '../../database/digest-runs.repository';
import { EmailDelivery, EmailUnavailableError } from '../../email/email-delivery';
import { NotificationConfig, publicUrl } from '../../notification.config';
import { dayIn } from './digest-day';
import { digestEmail } from './digest.email';

/** Every instance runs the digest on its schedule; this lock lets one of them at a time in. */
/** The digest's name in logs (`task`), in the scheduler and on the command line. */
export const DIGEST_TASK = 'run-digest';
/** Unchanged from before the digest had one name, so old and new instances still exclude each other. */
const DIGEST_LOCK = 'notification:low-stock-digest';

export interface RunDigestRequest {
  force: boolean;
  trigger: DigestTrigger;
}

/** The digest was not sent. `permanent`: SES refused it (retrying would not help). */
export class DigestNotSentError extends UpstreamError {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * The daily low-stock digest: asks the stock service what is at or below its reorder level
 * and emails the list to the alert recipients, at most once a day unless forced.
 *
 * Several instances may run it at the same moment (each has the schedule): an advisory
 * lock serialises them, the second finds today's digest sent and stops, and a unique index
 * (one non-forced sent digest per day) holds even if the lock were bypassed.
 */
@Injectable()
export class RunDigestService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RunDigestService.name);
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly emailLog: EmailLogRepository,
    private readonly digestRuns: DigestRunsRepository,
    private readonly alertRecipients: AlertRecipientsRepository,
    private readonly bus: ServiceBus,
    private readonly delivery: EmailDelivery,
    private readonly config: NotificationConfig,
  ) {}

  run(request: RunDigestRequest): Promise<DigestRunResult> {
    const running = this.execute(request);
    this.inFlight.add(running);
    void running.catch(() => undefined).finally(() => this.inFlight.delete(running));
    return running;
  }

  /** A digest being sent when the service is asked to stop is finished first. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async execute({ force, trigger }: RunDigestRequest): Promise<DigestRunResult> {
    const startedAt = new Date();
    const timeZone = this.config.DIGEST_TIME_ZONE;
    const run: DigestRunStart = {
      id: randomUUID(),
      runDate: dayIn(timeZone, startedAt),
      timeZone,
      trigger,
      forced: force,
      startedAt,
    };
    const result: DigestRunResult = {
      runId: run.id,
      status: DigestStatuses.NothingLow,
      runDate: run.runDate,
      timeZone,
      forced: force,
      items: [],
      recipients: [],
      subject: null,
      sesMessageId: null,
      previouslySentAt: null,
    };

    let levels: StockLevel[];
    try {
      levels = await this.bus.send(ListLowStock, {});
    } catch (error) {
      await this.recordFailure(
        run,
        result,
        `stock levels unavailable: ${(error as Error).message}`,
      );
      throw error;
    }
    result.items = levels.filter((l) => l.onHand <= l.reorderLevel).map(toItem);

    let outcome: Awaited<ReturnType<EmailDelivery['deliver']>> | undefined;
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [DIGEST_LOCK]);
        const previous = force ? null : await this.digestRuns.sentOn(manager, run.runDate);
        if (previous) {
          result.status = DigestStatuses.AlreadySent;
          result.previouslySentAt = previous.toISOString();
        } else if (result.items.length === 0) {
          result.status = DigestStatuses.NothingLow;
        } else {
          result.recipients = (await this.alertRecipients.get(manager)).recipients;
          result.status =
            result.recipients.length === 0 ? DigestStatuses.NoRecipients : DigestStatuses.Sent;
        }
        const itemCount = result.items.length;
        // The run row first: the email log row refers to it.
        await this.digestRuns.add(manager, { ...run, status: result.status, itemCount });
        if (trigger === 'on_demand') {
          await AuditTrail.record(manager, {
            action: AuditActions.DigestRun,
            entityType: AuditEntityTypes.Digest,
            entityId: run.id,
            summary: `Ran the low-stock digest${force ? ' (forced)' : ''}: ${result.status}, ${itemCount} low`,
            changes: [],
          });
        }
        if (result.status !== DigestStatuses.Sent) return;

        const email = digestEmail(result.items, result.recipients, publicUrl(this.config));
        result.subject = email.subject;
        outcome = await this.delivery.deliver(manager, { email, digestRunId: run.id });
        if (outcome.outcome === 'sent') {
          result.sesMessageId = outcome.sent.messageId;
        } else if (outcome.outcome === 'failed') {
          await manager.query(
            `UPDATE digest_runs SET status = 'failed', error = $2 WHERE id = $1`,
            [run.id, outcome.reason],
          );
        }
      });
    } catch (error) {
      if (!(error instanceof EmailUnavailableError)) throw error;
      await this.recordFailure(run, result, error.message);
      throw new DigestNotSentError(
        `The low-stock digest could not be sent now (${error.message}); try again later`,
        false,
      );
    }

    if (outcome) this.delivery.report(outcome);
    if (outcome?.outcome === 'failed') {
      this.taskRun(run, result, 'failed', outcome.reason);
      throw new DigestNotSentError(`SES refused the low-stock digest: ${outcome.reason}`, true);
    }
    this.taskRun(run, result, result.status);
    return result;
  }

  /** A run that could not send: its row, and when an email was attempted its log row. */
  private async recordFailure(
    run: DigestRunStart,
    result: DigestRunResult,
    reason: string,
  ): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.digestRuns.add(manager, {
          ...run,
          status: 'failed',
          itemCount: result.items.length,
          error: reason.slice(0, 1000),
        });
        if (result.subject) {
          await this.emailLog.add(manager, {
            kind: EmailKinds.Digest,
            status: 'failed',
            recipients: result.recipients,
            subject: result.subject,
            digestRunId: run.id,
            error: reason.slice(0, 1000),
            at: new Date(),
          });
        }
      });
    } catch (error) {
      this.logger.warn(
        { event: 'task.record_failed', err: error },
        'could not record the failed digest run',
      );
    }
    this.taskRun(run, result, 'failed', reason);
  }

  /** The `task.run` line: what the run found, what it did, how long it took. */
  private taskRun(run: DigestRunStart, result: DigestRunResult, status: string, error?: string) {
    const fields = {
      event: 'task.run',
      task: DIGEST_TASK,
      runId: run.id,
      trigger: run.trigger,
      forced: run.forced,
      status,
      items: result.items.length,
      recipients: result.recipients.length,
      sesMessageId: result.sesMessageId,
      durationMs: Date.now() - run.startedAt.getTime(),
      ...(error ? { error } : {}),
    };
    if (error) this.logger.error(fields, 'low-stock digest failed');
    else this.logger.log(fields, `low-stock digest: ${status}`);
  }
}

const toItem = (level: StockLevel): DigestItem => ({
  productId: level.productId,
  sku: level.sku,
  name: level.name,
  onHand: level.onHand,
  reorderLevel: level.reorderLevel,
});
