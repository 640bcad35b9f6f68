import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
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
import { setTimeout as sleep } from 'node:timers/promises';
import { RequestContext } from '../context/request-context';
import { validationDetails } from '../errors/validation';
import { MetricNames, MetricsService } from '../metrics/metrics.service';
import { QueueDirectory } from './queue-directory';
import { MAX_BATCH_ENTRIES, SettleBatches, type BatchEntry } from './settle-batches';
import { SQS_POLLER } from './sqs.tokens';

export type EventHandler = (envelope: EventEnvelope, message: Message) => Promise<void>;

export interface ConsumeOptions {
  /** Most messages one receive asks for (1–10). */
  batchSize?: number;
  /** Independent long polls on the queue. */
  pollers?: number;
  /**
   * Most messages of the queue handled at once, across its pollers: a poller receives again
   * as soon as there is room, not when the slowest message of its last receive is done.
   * Default batchSize × pollers.
   */
  maxInFlight?: number;
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
/** SQS's longest long poll. */
const WAIT_TIME_SECONDS = 20;
/** How long settled messages wait for others to share their batch request. */
const SETTLE_LINGER_MS = 20;
/** How long a poller waits for more room to free up when only a little is free. */
const RECEIVE_LINGER_MS = 20;
/** How long stopping waits for handlers still running before it gives up on them. */
const STOP_WAIT_MS = 30_000;

type SettleStep = 'delete' | 'back-off' | 'heartbeat';

interface VisibilityChange {
  message: Message;
  /** Seconds from now. */
  seconds: number;
  step: Exclude<SettleStep, 'delete'>;
}

/**
 * Long-polls queues and hands each event to its handler inside the event's correlation
 * context, up to `maxInFlight` messages of a queue at once: a poller receives again as soon
 * as there is room, so one slow message holds back nothing but itself. Each message is
 * settled as its handler finishes: deleted when it resolved, made visible again after a
 * back-off growing with its receive count when it threw. Settling stays batched: finished
 * messages wait a few milliseconds (or until 10 of them are there) and go out in one
 * DeleteMessageBatch, failed ones in one ChangeMessageVisibilityBatch. After
 * MAX_RECEIVE_COUNT receives SQS moves a failing message to the dead-letter queue, and
 * other messages keep flowing meanwhile. A handler that runs long has its message's
 * visibility extended every third of the visibility timeout.
 *
 * Deletes and visibility changes are not tied to the pollers' abort signal: on shutdown
 * the long polls are cut at once, while messages already in hand finish and are settled.
 * (ADR 0019.)
 */
@Injectable()
export class QueueConsumers implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly consumers: QueueConsumer[] = [];
  private readonly logger = new Logger(QueueConsumers.name);

  constructor(
    @Inject(SQS_POLLER) private readonly sqs: SQSClient,
    private readonly queues: QueueDirectory,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  async consume(queue: string, handler: EventHandler, options: ConsumeOptions = {}): Promise<void> {
    const queueUrl = await this.queues.url(queue);
    const consumer = new QueueConsumer(
      this.sqs,
      queue,
      queueUrl,
      handler,
      options,
      this.logger,
      this.metrics,
    );
    consumer.start();
    this.consumers.push(consumer);
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

  /** Stops polling, waits for messages in flight to finish (and be settled), then returns. */
  async stop(): Promise<void> {
    const stopping = this.consumers.splice(0);
    await Promise.all(stopping.map((consumer) => consumer.stop()));
  }
}

/** One queue's pollers, the messages they have in hand, and its settle batches. */
class QueueConsumer {
  private readonly abort = new AbortController();
  private readonly polls: Promise<void>[] = [];
  private readonly inHand = new Set<Promise<void>>();
  private readonly room: Room;
  private readonly deletes: SettleBatches<Message>;
  private readonly visibility: SettleBatches<VisibilityChange>;
  /** Most messages one receive asks for: the batch size, or less when fewer fit in hand. */
  private readonly receiveMost: number;
  private readonly pollers: number;
  private readonly visibilityTimeout: number;
  private readonly retryDelay: (receives: number) => number;
  /** Receives that failed in a row, across the queue's pollers. */
  private failures = 0;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly sqs: SQSClient,
    private readonly queue: string,
    private readonly queueUrl: string,
    private readonly handler: EventHandler,
    options: ConsumeOptions,
    private readonly logger: Logger,
    private readonly metrics?: MetricsService,
  ) {
    const batchSize = Math.max(1, Math.min(MAX_BATCH_ENTRIES, options.batchSize ?? 10));
    this.pollers = Math.max(1, options.pollers ?? 1);
    this.visibilityTimeout = options.visibilityTimeout ?? 30;
    this.retryDelay = options.retryDelaySeconds ?? defaultRetryDelaySeconds;
    const maxInFlight = Math.max(1, options.maxInFlight ?? batchSize * this.pollers);
    this.room = new Room(maxInFlight);
    this.receiveMost = Math.min(batchSize, maxInFlight);
    this.abort.signal.addEventListener('abort', () => this.room.wakeAll(), { once: true });
    this.deletes = new SettleBatches((messages) => this.delete(messages), SETTLE_LINGER_MS);
    this.visibility = new SettleBatches(
      (changes) => this.changeVisibility(changes),
      SETTLE_LINGER_MS,
    );
  }

  start(): void {
    for (let i = 0; i < this.pollers; i++) this.polls.push(this.poll());
  }

  /** Cuts the long polls, lets the messages in hand finish, sends what they settled. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.abort.abort();
      await Promise.all(this.polls);
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), STOP_WAIT_MS);
      });
      const finished = (async () => {
        while (this.inHand.size > 0) await Promise.all([...this.inHand]);
        return false;
      })();
      if (await Promise.race([finished, gaveUp])) {
        this.logger.warn(
          { event: 'queue.stop_timed_out', queue: this.queue, inHand: this.inHand.size },
          `stopped consuming ${this.queue} with handlers still running; their messages will be delivered again`,
        );
      }
      clearTimeout(timer);
      await Promise.all([this.deletes.drain(), this.visibility.drain()]);
    })();
    return this.stopped;
  }

  private async poll(): Promise<void> {
    const { signal } = this.abort;
    while (!signal.aborted) {
      // With messages still in hand, room frees up one place at a time: take a few together.
      const room = await this.room.take(
        this.receiveMost,
        signal,
        this.inHand.size > 0 ? RECEIVE_LINGER_MS : 0,
      );
      if (room === 0) break;
      let messages: Message[];
      try {
        messages = await this.receive(room, signal);
      } catch (error) {
        this.room.give(room);
        if (signal.aborted) break; // stopping cuts the long poll on purpose
        await this.receiveFailed(error, signal);
        continue;
      }
      this.receiveRecovered();
      this.room.give(room - messages.length);
      for (const message of messages) {
        const task = this.process(message).finally(() => {
          this.inHand.delete(task);
          this.room.give(1);
        });
        this.inHand.add(task);
      }
    }
  }

  private async receive(most: number, signal: AbortSignal): Promise<Message[]> {
    const answer = await this.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: this.queueUrl,
        MaxNumberOfMessages: most,
        WaitTimeSeconds: WAIT_TIME_SECONDS,
        VisibilityTimeout: this.visibilityTimeout,
        // Both spellings: SQS reads MessageSystemAttributeNames, older stand-ins only AttributeNames.
        AttributeNames: ['All'],
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: signal },
    );
    return answer.Messages ?? [];
  }

  /**
   * SQS unreachable: poll again after a growing pause instead of at once, and say so once,
   * not once per attempt.
   */
  private async receiveFailed(error: unknown, signal: AbortSignal): Promise<void> {
    this.failures++;
    if (this.failures === 1 || this.failures % 20 === 0) {
      this.logger.warn(
        { event: 'queue.receive_failed', queue: this.queue, failures: this.failures, err: error },
        `cannot receive from ${this.queue}; retrying with back-off`,
      );
    }
    const pause = Math.min(10_000, 250 * 2 ** Math.min(this.failures, 6));
    await sleep(pause, undefined, { signal }).catch(() => undefined);
  }

  private receiveRecovered(): void {
    if (this.failures === 0) return;
    this.logger.log(
      { event: 'queue.receive_recovered', queue: this.queue, failures: this.failures },
      `receiving from ${this.queue} again`,
    );
    this.failures = 0;
  }

  /** Handles one message and hands it to the settle batches; never throws. */
  private async process(message: Message): Promise<void> {
    const stopHeartbeat = this.heartbeat(message);
    const retryInSeconds = await this.handle(message);
    await stopHeartbeat();
    if (retryInSeconds === undefined) this.deletes.add(message);
    else this.visibility.add({ message, seconds: retryInSeconds, step: 'back-off' });
  }

  /**
   * Extends the message's visibility every third of the timeout while its handler runs.
   * The returned function ends that, waiting for an extension already sent, so that it
   * cannot land after (and undo) the message's back-off.
   */
  private heartbeat(message: Message): () => Promise<void> {
    let last: BatchEntry<VisibilityChange> | undefined;
    const timer = setInterval(
      () => {
        if (last) this.visibility.withdraw(last);
        last = this.visibility.add({
          message,
          seconds: this.visibilityTimeout,
          step: 'heartbeat',
        });
      },
      Math.max(1, Math.floor(this.visibilityTimeout / 3)) * 1000,
    );
    return async () => {
      clearInterval(timer);
      if (last && !this.visibility.withdraw(last)) await last.done;
    };
  }

  /** Runs one message's handler; undefined when it succeeded, else seconds until retry. */
  private async handle(message: Message): Promise<number | undefined> {
    try {
      const envelope = await parseEnvelope(message);
      await RequestContext.run({ correlationId: envelope.correlationId }, () =>
        this.handler(envelope, message),
      );
      return undefined;
    } catch (error) {
      this.failed(error, message);
      const retryInSeconds =
        error instanceof PoisonMessageError ? 0 : this.retryDelay(receiveCount(message));
      return Math.max(0, Math.min(MAX_VISIBILITY_SECONDS, Math.round(retryInSeconds)));
    }
  }

  private async delete(messages: Message[]): Promise<void> {
    try {
      const answer = await this.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: messages.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle,
          })),
        }),
      );
      if (answer.Failed?.length) this.settleFailed('delete', answer.Failed);
    } catch (error) {
      this.settleFailed('delete', error);
    }
  }

  private async changeVisibility(changes: VisibilityChange[]): Promise<void> {
    const steps = (entries: VisibilityChange[]) => [...new Set(entries.map((c) => c.step))];
    try {
      const answer = await this.sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: changes.map(({ message, seconds }, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle,
            VisibilityTimeout: seconds,
          })),
        }),
      );
      const failed = answer.Failed ?? [];
      for (const step of steps(failed.map((f) => changes[Number(f.Id)]).filter(Boolean))) {
        this.settleFailed(
          step,
          failed.filter((f) => changes[Number(f.Id)]?.step === step),
        );
      }
    } catch (error) {
      for (const step of steps(changes)) this.settleFailed(step, error);
    }
  }

  /**
   * A handled message that could not be deleted comes back after its visibility timeout and
   * finds its event already processed; a failed one whose back-off could not be set simply
   * comes back after the visibility timeout; one whose visibility could not be extended may
   * be delivered again while its handler still runs.
   */
  private settleFailed(step: SettleStep, cause: unknown): void {
    const queue = this.queue;
    this.logger.warn(
      { event: 'queue.settle_failed', queue, step, err: cause },
      step === 'delete'
        ? `handled messages could not be deleted from ${queue}; they will be delivered again`
        : step === 'back-off'
          ? `failed messages of ${queue} keep their visibility timeout instead of the back-off`
          : `messages of ${queue} in hand could not be kept hidden; they may be delivered again meanwhile`,
    );
  }

  private failed(error: unknown, message: Message): void {
    const receives = receiveCount(message);
    const fields = {
      queue: this.queue,
      messageId: message.MessageId,
      receiveCount: receives,
      eventType: message.MessageAttributes?.type?.StringValue,
      err: error,
    };
    if (receives >= MAX_RECEIVE_COUNT) {
      this.metrics?.count(MetricNames.MessagesDeadLettered, 1, { Queue: this.queue });
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
}

/** Room for messages in hand on one queue, shared by its pollers. */
class Room {
  private waiting: (() => void)[] = [];

  constructor(private free: number) {}

  /**
   * Waits until there is room, then takes up to `most` of it; 0 once `signal` is aborted.
   * With less than `most` free, waits up to `lingerMs` for more to free up first: under load
   * places free one at a time, and receiving each alone would cost a request per message.
   */
  async take(most: number, signal: AbortSignal, lingerMs = 0): Promise<number> {
    const lingerUntil = Date.now() + lingerMs;
    for (;;) {
      if (signal.aborted) return 0;
      const lingering = Date.now() < lingerUntil;
      if (this.free >= most || (this.free > 0 && !lingering)) break;
      await new Promise<void>((resolve) => {
        const timer =
          this.free > 0 ? setTimeout(() => this.wakeAll(), lingerUntil - Date.now()) : undefined;
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const taken = Math.min(most, this.free);
    this.free -= taken;
    return taken;
  }

  give(count: number): void {
    if (count <= 0) return;
    this.free += count;
    this.wakeAll();
  }

  wakeAll(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
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
