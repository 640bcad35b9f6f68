import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { EventEnvelopeDto, MAX_RECEIVE_COUNT, type EventEnvelope } from '@inventory/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Consumer } from 'sqs-consumer';
import { RequestContext } from '../context/request-context';
import { validationDetails } from '../errors/validation';
import { MetricNames, MetricsService } from '../metrics/metrics.service';
import { QueueDirectory } from './queue-directory';
import { SQS_POLLER } from './sqs.tokens';

export type EventHandler = (envelope: EventEnvelope, message: Message) => Promise<void>;

export interface ConsumeOptions {
  /** Messages per receive (1–10); they are handled concurrently. */
  batchSize?: number;
  /** Independent pollers on the queue; concurrency is batchSize × pollers. */
  pollers?: number;
  /** Seconds a received message stays hidden; extended while the handler runs. */
  visibilityTimeout?: number;
  /**
   * Seconds before a failed message is delivered again, given how many times it has been
   * received (1 for the first failure). Default: 2, 4, 8, 16 … capped at 60.
   */
  retryDelaySeconds?: (receiveCount: number) => number;
}

/** A message that can never succeed (bad JSON, bad envelope, unknown type): retried at once. */
export class PoisonMessageError extends Error {
  override name = 'PoisonMessageError';
}

export const defaultRetryDelaySeconds = (receives: number) => Math.min(60, 2 ** receives);

/** SQS allows at most 12 hours of visibility timeout. */
const MAX_VISIBILITY_SECONDS = 12 * 3600;

interface Outcome {
  message: Message;
  /** Undefined when handled; otherwise seconds until SQS delivers it again. */
  retryInSeconds?: number;
}

/**
 * Long-polls a queue and hands each event to its handler inside the event's correlation
 * context. The messages of one receive are handled concurrently; those whose handler
 * resolved are then deleted together (one DeleteMessageBatch), and those that failed are
 * made visible again after a back-off growing with their receive count (one
 * ChangeMessageVisibilityBatch). After MAX_RECEIVE_COUNT receives SQS moves a failing
 * message to the dead-letter queue, and other messages keep flowing meanwhile.
 *
 * Deletes and visibility changes are not tied to the poller's abort signal: on shutdown the
 * long poll is cut at once, while messages already in hand finish and are deleted.
 */
@Injectable()
export class QueueConsumers implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly consumers: Consumer[] = [];
  private readonly logger = new Logger(QueueConsumers.name);
  private stopping = false;

  constructor(
    @Inject(SQS_POLLER) private readonly sqs: SQSClient,
    private readonly queues: QueueDirectory,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  async consume(queue: string, handler: EventHandler, options: ConsumeOptions = {}): Promise<void> {
    const queueUrl = await this.queues.url(queue);
    const visibilityTimeout = options.visibilityTimeout ?? 30;
    const retryDelay = options.retryDelaySeconds ?? defaultRetryDelaySeconds;
    for (let i = 0; i < (options.pollers ?? 1); i++) {
      const consumer = Consumer.create({
        queueUrl,
        sqs: this.sqs,
        batchSize: options.batchSize ?? 10,
        waitTimeSeconds: 20,
        visibilityTimeout,
        heartbeatInterval: Math.max(1, Math.floor(visibilityTimeout / 3)),
        pollingCompleteWaitTimeMs: 30_000,
        // Both spellings: SQS reads MessageSystemAttributeNames, older stand-ins only AttributeNames.
        attributeNames: ['All'],
        messageSystemAttributeNames: ['ApproximateReceiveCount'],
        messageAttributeNames: ['All'],
        handleMessageBatch: async (messages) => {
          const outcomes = await Promise.all(
            messages.map((message) => this.handle(queue, message, handler, retryDelay)),
          );
          await this.settle(queue, queueUrl, outcomes);
          // Settled here already: nothing left for sqs-consumer to delete.
          return [];
        },
      });
      // SQS unreachable: poll again after a growing pause instead of at once, and say so once,
      // not once per attempt; say when it works again.
      let failures = 0;
      consumer.on('error', (error) => {
        // Stopping aborts the long poll (and any heartbeat in flight) on purpose.
        if (this.stopping && /abort/i.test(`${error.name} ${error.message}`)) return;
        failures++;
        consumer.updateOption(
          'pollingWaitTimeMs',
          Math.min(10_000, 250 * 2 ** Math.min(failures, 6)),
        );
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(
            { event: 'queue.receive_failed', queue, failures, err: error },
            `cannot receive from ${queue}; retrying with back-off`,
          );
        }
      });
      const recovered = () => {
        if (failures === 0) return;
        this.logger.log(
          { event: 'queue.receive_recovered', queue, failures },
          `receiving from ${queue} again`,
        );
        failures = 0;
        consumer.updateOption('pollingWaitTimeMs', 0);
      };
      consumer.on('empty', recovered);
      consumer.on('response_processed', recovered);
      consumer.start();
      this.consumers.push(consumer);
    }
  }

  /** Runs one message's handler; never throws. */
  private async handle(
    queue: string,
    message: Message,
    handler: EventHandler,
    retryDelay: (receives: number) => number,
  ): Promise<Outcome> {
    try {
      const envelope = await parseEnvelope(message);
      await RequestContext.run({ correlationId: envelope.correlationId }, () =>
        handler(envelope, message),
      );
      return { message };
    } catch (error) {
      this.failed(queue, error, message);
      const retryInSeconds =
        error instanceof PoisonMessageError ? 0 : retryDelay(receiveCount(message));
      return {
        message,
        retryInSeconds: Math.max(0, Math.min(MAX_VISIBILITY_SECONDS, Math.round(retryInSeconds))),
      };
    }
  }

  /** Deletes what was handled and schedules the rest for another delivery. */
  private async settle(queue: string, queueUrl: string, outcomes: Outcome[]): Promise<void> {
    const done = outcomes.filter((o) => o.retryInSeconds === undefined);
    const failed = outcomes.filter((o) => o.retryInSeconds !== undefined);
    await Promise.all([
      done.length > 0 &&
        this.sqs
          .send(
            new DeleteMessageBatchCommand({
              QueueUrl: queueUrl,
              Entries: done.map(({ message }, index) => ({
                Id: String(index),
                ReceiptHandle: message.ReceiptHandle,
              })),
            }),
          )
          .then((answer) => {
            if (answer.Failed?.length) this.settleFailed(queue, 'delete', answer.Failed);
          })
          .catch((error: unknown) => this.settleFailed(queue, 'delete', error)),
      failed.length > 0 &&
        this.sqs
          .send(
            new ChangeMessageVisibilityBatchCommand({
              QueueUrl: queueUrl,
              Entries: failed.map(({ message, retryInSeconds }, index) => ({
                Id: String(index),
                ReceiptHandle: message.ReceiptHandle,
                VisibilityTimeout: retryInSeconds,
              })),
            }),
          )
          .then((answer) => {
            if (answer.Failed?.length) this.settleFailed(queue, 'back-off', answer.Failed);
          })
          .catch((error: unknown) => this.settleFailed(queue, 'back-off', error)),
    ]);
  }

  /**
   * A handled message that could not be deleted comes back after its visibility timeout and
   * finds its event already processed; a failed one whose back-off could not be set simply
   * comes back after the visibility timeout.
   */
  private settleFailed(queue: string, step: 'delete' | 'back-off', cause: unknown): void {
    this.logger.warn(
      { event: 'queue.settle_failed', queue, step, err: cause },
      step === 'delete'
        ? `handled messages could not be deleted from ${queue}; they will be delivered again`
        : `failed messages of ${queue} keep their visibility timeout instead of the back-off`,
    );
  }

  private failed(queue: string, error: unknown, message: Message): void {
    const receives = receiveCount(message);
    const fields = {
      queue,
      messageId: message.MessageId,
      receiveCount: receives,
      eventType: message.MessageAttributes?.type?.StringValue,
      err: error,
    };
    if (receives >= MAX_RECEIVE_COUNT) {
      this.metrics?.count(MetricNames.MessagesDeadLettered, 1, { Queue: queue });
      this.logger.error(
        { event: 'message.dead_lettered', ...fields },
        'message failed for the last time: SQS moves it to the dead-letter queue',
      );
    } else {
      this.logger.warn(
        { event: 'message.failed', ...fields },
        'message failed; SQS will deliver it again',
      );
    }
  }

  /**
   * Stops polling before the rest of the application (database, bus clients) shuts down, so
   * that messages in hand can still finish.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Stops polling, waits for messages in flight to finish (and be deleted), then returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.consumers.map(
        (consumer) =>
          new Promise<void>((resolve) => {
            if (!consumer.status.isRunning) return resolve();
            consumer.once('stopped', () => resolve());
            consumer.stop({ abort: true });
          }),
      ),
    );
    this.consumers.length = 0;
    this.stopping = false;
  }
}

export function receiveCount(message: Message | undefined): number {
  return Number(message?.Attributes?.ApproximateReceiveCount ?? 1);
}

export async function parseEnvelope(message: Message): Promise<EventEnvelope> {
  let body: unknown;
  try {
    body = JSON.parse(message.Body ?? '');
  } catch {
    throw new PoisonMessageError('message body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new PoisonMessageError('message body is not an event envelope');
  }
  const envelope = plainToInstance(EventEnvelopeDto, body);
  const errors = await validate(envelope, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const fields = validationDetails(errors).map((d) => d.message);
    throw new PoisonMessageError(`invalid event envelope: ${fields.join('; ')}`);
  }
  return envelope;
}
