import { type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { Inject, Injectable, Logger, type OnApplicationShutdown, Optional } from '@nestjs/common';
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
}

/** A message that can never succeed (bad JSON, bad envelope, unknown type): retried at once. */
export class PoisonMessageError extends Error {
  override name = 'PoisonMessageError';
}

/**
 * Long-polls a queue and hands each event to its handler inside the event's correlation
 * context. A message is deleted only when the handler resolved. A failing message becomes
 * visible again after a back-off growing with its receive count; after MAX_RECEIVE_COUNT
 * receives SQS moves it to the dead-letter queue, and other messages keep flowing meanwhile.
 */
@Injectable()
export class QueueConsumers implements OnApplicationShutdown {
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
    const poison = new Set<string>();
    const visibilityTimeout = options.visibilityTimeout ?? 30;
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
        terminateVisibilityTimeout: (messages) => {
          const message = messages[0];
          if (message?.MessageId && poison.delete(message.MessageId)) return 0;
          return Math.min(60, 2 ** receiveCount(message));
        },
        handleMessage: async (message) => {
          const envelope = await parseEnvelope(message).catch((error: unknown) => {
            if (message.MessageId) poison.add(message.MessageId);
            throw error;
          });
          await RequestContext.run({ correlationId: envelope.correlationId }, () =>
            handler(envelope, message),
          );
          return message;
        },
      });
      consumer.on('processing_error', (error, message) => this.failed(queue, error, message));
      consumer.on('timeout_error', (error, message) => this.failed(queue, error, message));
      consumer.on('error', (error) => {
        // Stopping aborts the long poll on purpose: not worth a warning.
        if (this.stopping && /aborted/i.test(error.message)) return;
        this.logger.warn(
          { event: 'queue.receive_failed', queue, err: error },
          `cannot receive from ${queue}`,
        );
      });
      consumer.start();
      this.consumers.push(consumer);
    }
  }

  private failed(queue: string, error: Error, message: Message): void {
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

  /** Stops polling, waits for messages in flight to finish, then returns. */
  async onApplicationShutdown(): Promise<void> {
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

function receiveCount(message: Message | undefined): number {
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
