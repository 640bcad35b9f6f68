/**
 * The pino transport that ships log lines to CloudWatch Logs.
 *
 * pino runs it in a worker thread and loads it by file path: `dist/logging/cloudwatch-transport.mjs`
 * when an app runs from its build, this very file under Node's type stripping when tests run
 * the sources. So it stands alone: packages and `import type` only, no relative imports, and
 * only TypeScript that type stripping can erase.
 *
 * What it guarantees:
 * - The app's main thread never waits for CloudWatch: it copies each line into pino's shared
 *   buffer and goes on. Here, lines are read as fast as they come and queued; sending happens
 *   beside that, one PutLogEvents call at a time, so the stream stays in order.
 * - Every call respects PutLogEvents' limits: at most 10,000 events and 1,048,576 bytes
 *   (message bytes + 26 per event), chronological, spanning less than 24 hours, nothing older
 *   than 14 days (such lines are counted and dropped) and nothing in the future.
 * - Lines go out every couple of seconds, at once when a full call is waiting, and on close
 *   (shutdown) within a deadline.
 * - CloudWatch slow, throttling or unreachable: the call is retried with exponential back-off
 *   and jitter. The queue is bounded in bytes: past the limit the oldest lines are dropped,
 *   counted, announced once on stderr, and reported in the stream as `logs.dropped` when
 *   shipping resumes.
 * - The group and the stream are created when missing and allowed; when creating is not
 *   allowed (AccessDenied) the transport ships to them on the assumption that they exist.
 */
import { writeSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import build from 'pino-abstract-transport';

export interface CloudWatchTransportOptions {
  logGroupName: string;
  logStreamName: string;
  region: string;
  /** Written into the `logs.dropped` line this transport adds after an outage. */
  service: string;
  instance: string;
  /** Most bytes of log lines kept while CloudWatch is not accepting them. */
  maxBufferBytes: number;
  /** How often queued lines are sent. */
  flushIntervalMs?: number;
  /** How long closing may take to send what is left. Below pino's own 10 s limit. */
  shutdownFlushMs?: number;
  /** First retry delay; doubles per failed call up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Longest a single CloudWatch call may take. */
  requestTimeoutMs?: number;
  /** Emit `cloudwatch:stats` events to the main thread (tests and diagnostics). */
  reportStats?: boolean;
}

export interface CloudWatchTransportStats {
  received: number;
  shipped: number;
  /** Oldest lines dropped because the queue was full. */
  dropped: number;
  /** Lines older than CloudWatch accepts (14 days), dropped. */
  expired: number;
  /** Lines CloudWatch refused one by one. */
  rejected: number;
  truncated: number;
  calls: number;
  failedCalls: number;
  queued: number;
  queuedBytes: number;
  /** This worker's JavaScript heap in use. */
  heapUsed: number;
}

/** PutLogEvents limits (CloudWatch Logs API reference). */
export const PUT_LOG_EVENTS = {
  maxEvents: 10_000,
  maxBytes: 1_048_576,
  eventOverhead: 26,
  /** Largest single event, overhead included. */
  maxEventBytes: 262_144,
  /** A call must span less than 24 hours. */
  maxSpanMs: 24 * 60 * 60 * 1000 - 1,
  /** Events older than 14 days are refused; a little margin for the time the call takes. */
  maxAgeMs: 14 * 24 * 60 * 60 * 1000 - 10 * 60 * 1000,
} as const;

interface LogEvent {
  timestamp: number;
  message: string;
  /** Bytes counted against the call's size: UTF-8 length + 26. */
  size: number;
}

const TRUNCATED = ' …[truncated]';
const TIME = /"time":(?:"([^"]{1,40})"|(\d{1,16}))/;

/** When the line says it was logged; never later than now (CloudWatch refuses the future). */
export function eventTime(line: string, now: number): number {
  const match = TIME.exec(line.length > 512 ? line.slice(0, 512) : line);
  const time = match ? (match[1] !== undefined ? Date.parse(match[1]) : Number(match[2])) : NaN;
  return Number.isFinite(time) && time <= now ? time : now;
}

/**
 * Lines waiting to be sent, oldest first, bounded in bytes. `take` cuts the next call's
 * worth from the front within every PutLogEvents rule.
 */
export class LogQueue {
  bytes = 0;
  dropped = 0;
  expired = 0;
  private items: (LogEvent | undefined)[] = [];
  private head = 0;
  private readonly maxBytes: number;
  private readonly onDrop: () => void;

  constructor(maxBytes: number, onDrop: () => void = () => undefined) {
    this.maxBytes = maxBytes;
    this.onDrop = onDrop;
  }

  get length(): number {
    return this.items.length - this.head;
  }

  /** A full call is waiting: worth sending now rather than at the next tick. */
  get fullCallWaiting(): boolean {
    return this.length >= PUT_LOG_EVENTS.maxEvents || this.bytes >= PUT_LOG_EVENTS.maxBytes;
  }

  push(event: LogEvent): void {
    this.items.push(event);
    this.bytes += event.size;
    this.trim();
  }

  /** Puts a call that failed back in front, so it goes first next time. */
  restore(batch: LogEvent[]): void {
    this.items = (batch as (LogEvent | undefined)[]).concat(this.items.slice(this.head));
    this.head = 0;
    for (const event of batch) this.bytes += event.size;
    this.trim();
  }

  take(now: number): LogEvent[] {
    const batch: LogEvent[] = [];
    let bytes = 0;
    const oldestAccepted = now - PUT_LOG_EVENTS.maxAgeMs;
    while (this.length > 0) {
      const next = this.items[this.head]!;
      if (next.timestamp < oldestAccepted) {
        this.shift();
        this.expired++;
        continue;
      }
      if (batch.length === PUT_LOG_EVENTS.maxEvents) break;
      if (bytes + next.size > PUT_LOG_EVENTS.maxBytes) break;
      if (batch.length > 0) {
        // In order within a call, and less than 24 hours from first to last.
        if (next.timestamp < batch[batch.length - 1].timestamp) break;
        if (next.timestamp - batch[0].timestamp > PUT_LOG_EVENTS.maxSpanMs) break;
      }
      batch.push(this.shift());
      bytes += next.size;
    }
    return batch;
  }

  private trim(): void {
    while (this.bytes > this.maxBytes && this.length > 0) {
      this.shift();
      if (this.dropped++ === 0) this.onDrop();
    }
  }

  private shift(): LogEvent {
    const event = this.items[this.head]!;
    this.items[this.head] = undefined;
    this.head++;
    this.bytes -= event.size;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 4096 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return event;
  }
}

/** Turns one line into an event, cutting a line too large for CloudWatch. */
export function toLogEvent(line: string, now: number): { event: LogEvent; truncated: boolean } {
  const timestamp = eventTime(line, now);
  const bytes = Buffer.byteLength(line, 'utf8');
  if (bytes + PUT_LOG_EVENTS.eventOverhead <= PUT_LOG_EVENTS.maxEventBytes) {
    return {
      event: { timestamp, message: line, size: bytes + PUT_LOG_EVENTS.eventOverhead },
      truncated: false,
    };
  }
  // Cut by bytes with room for a character split in half (it becomes U+FFFD, 3 bytes).
  const room = PUT_LOG_EVENTS.maxEventBytes - PUT_LOG_EVENTS.eventOverhead - 16;
  const message =
    Buffer.from(line, 'utf8')
      .subarray(0, room - Buffer.byteLength(TRUNCATED))
      .toString('utf8') + TRUNCATED;
  return {
    event: {
      timestamp,
      message,
      size: Buffer.byteLength(message, 'utf8') + PUT_LOG_EVENTS.eventOverhead,
    },
    truncated: true,
  };
}

const errorName = (error: unknown) => String((error as { name?: string })?.name ?? 'Error');
const describe = (error: unknown) =>
  `${errorName(error)}: ${String((error as { message?: string })?.message ?? error)}`;
const isAccessDenied = (error: unknown) => /AccessDenied/i.test(errorName(error));
/** Errors about the call itself: sending it again cannot help. */
const isRefusedCall = (error: unknown) =>
  errorName(error) === 'InvalidParameterException' || errorName(error) === 'SerializationException';

/** Ships queued lines to one log stream. */
export class CloudWatchShipper {
  readonly queue: LogQueue;
  private readonly options: Required<CloudWatchTransportOptions>;
  private readonly client: CloudWatchLogsClient;
  private readonly abort = new AbortController();
  private readonly stats = {
    received: 0,
    shipped: 0,
    rejected: 0,
    truncated: 0,
    calls: 0,
    failedCalls: 0,
  };
  private streamReady = false;
  private sending: Promise<boolean> | undefined;
  private draining = false;
  private closing = false;
  private failures = 0;
  private retryAt = 0;
  private outage: string | undefined;
  private droppedReported = 0;
  /** When a flush last ended with lines still queued (the deadline passed). */
  private gaveUpAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly warned = new Set<string>();

  constructor(options: CloudWatchTransportOptions) {
    this.options = {
      flushIntervalMs: 2000,
      shutdownFlushMs: 4000,
      retryBaseMs: 500,
      retryMaxMs: 30_000,
      requestTimeoutMs: 10_000,
      reportStats: false,
      ...options,
    };
    this.queue = new LogQueue(this.options.maxBufferBytes, () =>
      this.warn(
        'dropped',
        `CloudWatch Logs has not taken lines fast enough and ${Math.round(this.options.maxBufferBytes / 1024 / 1024)} MB are waiting: ` +
          'dropping the oldest lines from now on (said once; the count is logged as event "logs.dropped" when shipping resumes)',
      ),
    );
    this.client = new CloudWatchLogsClient({
      region: this.options.region,
      // Retries are ours: with back-off, and never past the shutdown deadline.
      maxAttempts: 1,
      requestHandler: {
        connectionTimeout: Math.min(3000, this.options.requestTimeoutMs),
        requestTimeout: this.options.requestTimeoutMs,
        // Without it the SDK only warns, and a hung call would stop shipping for good.
        throwOnRequestTimeout: true,
      },
    });
  }

  start(): void {
    this.timer = setInterval(() => {
      this.kick();
      this.report();
    }, this.options.flushIntervalMs);
    this.timer.unref();
  }

  add(line: string): void {
    if (line.length === 0) return;
    const { event, truncated } = toLogEvent(line, Date.now());
    this.stats.received++;
    if (truncated) this.stats.truncated++;
    this.queue.push(event);
    if (this.queue.fullCallWaiting) this.kick();
  }

  /** Sends everything queued now (pino's `logger.flush()`), giving up at the shutdown deadline. */
  async flush(): Promise<void> {
    await this.drain(this.options.shutdownFlushMs);
    this.report();
  }

  /** The end of the stream (the app is stopping): sends what is left within the deadline. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.timer);
    clearTimeout(this.retryTimer);
    // A flush that just ran out of time (the platform flushes before it ends the stream)
    // was the shutdown's chance: stopping does not wait a second time.
    const justGaveUp = Date.now() - this.gaveUpAt < this.options.shutdownFlushMs;
    if (!justGaveUp) await this.drain(this.options.shutdownFlushMs);
    this.abort.abort();
    if (this.queue.length > 0) {
      this.warn(
        'unshipped',
        `${this.queue.length} log line(s) could not be shipped before the shutdown deadline (${this.outage ?? 'timed out'})`,
      );
    }
    this.report();
    this.client.destroy();
  }

  snapshot(): CloudWatchTransportStats {
    return {
      ...this.stats,
      dropped: this.queue.dropped,
      expired: this.queue.expired,
      queued: this.queue.length,
      queuedBytes: this.queue.bytes,
      heapUsed: getHeapStatistics().used_heap_size,
    };
  }

  /** Starts sending unless a call is under way, the queue is empty or a retry is not due. */
  private kick(): void {
    if (this.sending || this.draining || this.closing || this.queue.length === 0) return;
    if (Date.now() < this.retryAt) return;
    this.sending = this.pump(this.abort.signal).finally(() => {
      this.sending = undefined;
      this.report();
      if (this.queue.fullCallWaiting) this.kick();
    });
  }

  /** Sends until the queue is empty, retrying after failures, but never past the deadline. */
  private async drain(timeoutMs: number): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    const deadline = Date.now() + timeoutMs;
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(timeoutMs)]);
    const untilDeadline = () => sleep(deadline - Date.now(), signal);
    try {
      // A call already under way goes first (it keeps the stream in order).
      if (this.sending) await Promise.race([this.sending, untilDeadline()]);
      if (this.sending) return;
      while (this.queue.length > 0 && !signal.aborted) {
        const sent = this.pump(signal);
        this.sending = sent;
        const done = await sent.finally(() => (this.sending = undefined));
        if (!done) await sleep(Math.min(this.retryAt, deadline) - Date.now(), signal);
      }
    } finally {
      this.draining = false;
      if (this.queue.length > 0) this.gaveUpAt = Date.now();
    }
  }

  /** Sends calls until the queue is empty (true) or CloudWatch fails one (false). */
  private async pump(signal: AbortSignal): Promise<boolean> {
    while (this.queue.length > 0) {
      const batch = this.queue.take(Date.now());
      if (batch.length === 0) continue;
      try {
        await this.put(batch, signal);
      } catch (error) {
        if (isRefusedCall(error)) {
          this.stats.rejected += batch.length;
          this.warn(
            'refused',
            `CloudWatch Logs refused a call of ${batch.length} line(s): ${describe(error)}`,
          );
          continue;
        }
        this.queue.restore(batch);
        this.failed(error);
        return false;
      }
      this.succeeded();
    }
    return true;
  }

  private async put(batch: LogEvent[], signal: AbortSignal): Promise<void> {
    const { logGroupName, logStreamName } = this.options;
    if (!this.streamReady) await this.ensureStream(signal);
    this.stats.calls++;
    const answer = await this.client.send(
      new PutLogEventsCommand({
        logGroupName,
        logStreamName,
        logEvents: batch.map(({ timestamp, message }) => ({ timestamp, message })),
      }),
      { abortSignal: this.callSignal(signal) },
    );
    const rejected = answer.rejectedLogEventsInfo;
    let refused = 0;
    if (rejected) {
      const tooOld = rejected.tooOldLogEventEndIndex ?? rejected.expiredLogEventEndIndex;
      if (tooOld !== undefined) refused += tooOld + 1;
      if (rejected.tooNewLogEventStartIndex !== undefined) {
        refused += batch.length - rejected.tooNewLogEventStartIndex;
      }
      this.stats.rejected += refused;
    }
    this.stats.shipped += batch.length - refused;
  }

  /** Creates the stream (and the group) when missing and allowed. */
  private async ensureStream(signal: AbortSignal): Promise<void> {
    try {
      await this.createStream(signal);
    } catch (error) {
      if (errorName(error) !== 'ResourceNotFoundException') throw error;
      await this.create(
        new CreateLogGroupCommand({ logGroupName: this.options.logGroupName }),
        signal,
      );
      await this.createStream(signal);
    }
    this.streamReady = true;
  }

  private async createStream(signal: AbortSignal): Promise<void> {
    const { logGroupName, logStreamName } = this.options;
    try {
      await this.create(new CreateLogStreamCommand({ logGroupName, logStreamName }), signal);
    } catch (error) {
      if (!isAccessDenied(error)) throw error;
      // Not allowed to create streams: ship to it on the assumption that it exists.
      this.warn(
        'create-denied',
        `not allowed to create log stream ${logGroupName}/${logStreamName} (${describe(error)}); shipping to it as it is`,
      );
    }
  }

  /** A create call for which "already exists" is success. */
  private async create(
    command: CreateLogGroupCommand | CreateLogStreamCommand,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      this.stats.calls++;
      await this.client.send(command as CreateLogStreamCommand, {
        abortSignal: this.callSignal(signal),
      });
    } catch (error) {
      if (errorName(error) !== 'ResourceAlreadyExistsException') throw error;
    }
  }

  /** One call's signal: aborted with the transport, or when the call takes too long. */
  private callSignal(signal: AbortSignal): AbortSignal {
    return AbortSignal.any([signal, AbortSignal.timeout(this.options.requestTimeoutMs + 500)]);
  }

  private failed(error: unknown): void {
    this.stats.failedCalls++;
    this.failures++;
    if (errorName(error) === 'ResourceNotFoundException') this.streamReady = false;
    const ceiling = Math.min(
      this.options.retryMaxMs,
      this.options.retryBaseMs * 2 ** Math.min(this.failures - 1, 20),
    );
    const delay = Math.round(ceiling * (0.5 + Math.random() / 2));
    this.retryAt = Date.now() + delay;
    if (!this.closing && !this.draining) {
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.kick(), delay);
      this.retryTimer.unref();
    }
    if (this.outage === undefined) {
      this.outage = describe(error);
      this.say(
        `cannot ship to ${this.options.logGroupName} (${this.outage}); retrying with back-off, ` +
          `keeping up to ${Math.round(this.options.maxBufferBytes / 1024 / 1024)} MB of lines`,
      );
    }
  }

  private succeeded(): void {
    if (this.outage !== undefined) {
      this.say(
        `shipping to ${this.options.logGroupName} again after ${this.failures} failed call(s)`,
      );
      this.outage = undefined;
    }
    this.failures = 0;
    this.retryAt = 0;
    const dropped = this.queue.dropped - this.droppedReported;
    if (dropped > 0) {
      this.droppedReported = this.queue.dropped;
      this.add(
        JSON.stringify({
          level: 'warn',
          time: new Date().toISOString(),
          service: this.options.service,
          instance: this.options.instance,
          event: 'logs.dropped',
          dropped,
          msg: `${dropped} log line(s) were dropped while CloudWatch Logs was not accepting them`,
        }),
      );
    }
  }

  /** A warning said once per kind (stderr and, for tests, an event). */
  private warn(kind: string, text: string): void {
    if (this.warned.has(kind)) return;
    this.warned.add(kind);
    this.say(text, kind);
  }

  private say(text: string, kind = 'status'): void {
    try {
      // Straight to the file descriptor: the main thread may be busy or about to exit.
      writeSync(2, `cloudwatch-logs: ${text}\n`);
    } catch {
      // stderr closed: nothing else to tell
    }
    parentPort?.postMessage({ code: 'EVENT', name: 'cloudwatch:warning', args: [{ kind, text }] });
  }

  private report(): void {
    if (!this.options.reportStats) return;
    parentPort?.postMessage({ code: 'EVENT', name: 'cloudwatch:stats', args: [this.snapshot()] });
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/**
 * pino's entry point: `pino.transport({ target: <this file>, options })`. Each line is
 * queued as soon as the worker reads it (flowing mode: nothing waits on CloudWatch); the
 * stream's `flush` (pino's `logger.flush()`, the platform's shutdown) sends the queue now,
 * its end (the process exiting) sends what is left.
 */
export default async function cloudWatchTransport(options: CloudWatchTransportOptions) {
  const shipper = new CloudWatchShipper(options);
  shipper.start();
  const stream = build(
    (source) => {
      source.on('data', (line: string) => shipper.add(line));
    },
    { parse: 'lines', close: () => shipper.close() },
  );
  return Object.assign(stream, { flush: () => shipper.flush() });
}
