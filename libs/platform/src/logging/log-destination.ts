import type { EventEmitter } from 'node:events';
import { join } from 'node:path';
import pino, { type DestinationStream } from 'pino';
import type { AppBaseConfig } from '../config/base.config';
import type { CloudWatchTransportOptions } from './cloudwatch-transport.mjs';
import type { LoggingIdentity } from './pino-options';
import { usePrettyLogs } from './pino-options';

/** A stream pino runs in a worker thread (`pino.transport`). */
export interface WorkerStream extends DestinationStream, EventEmitter {
  end(): void;
  flush(callback: (error?: Error) => void): void;
  flushSync(): void;
  readonly closed: boolean;
  readonly destroyed: boolean;
  readonly writableEnded: boolean;
}

export type LogDestinationConfig = Pick<
  AppBaseConfig,
  | 'LOG_FORMAT'
  | 'NODE_ENV'
  | 'SERVICE_INSTANCE'
  | 'AWS_REGION'
  | 'CLOUDWATCH_LOG_GROUP'
  | 'CLOUDWATCH_BUFFER_MB'
>;

/**
 * The CloudWatch transport's file. pino loads a transport by path in a worker thread: the
 * compiled `.mjs` next to this file when the app runs from `dist/`, the `.mts` source (run
 * by Node's type stripping) when tests run the sources.
 */
export const CLOUDWATCH_TRANSPORT_FILE = join(
  __dirname,
  __filename.endsWith('.ts') ? 'cloudwatch-transport.mts' : 'cloudwatch-transport.mjs',
);

const FLUSH_GUARD_MS = 10_000;
const STDOUT_FLUSH_GUARD_MS = 2_000;

/** For tests: another console (a sink), other transport timings. */
export interface LogDestinationOverrides {
  console?: DestinationStream;
  cloudWatch?: Partial<CloudWatchTransportOptions>;
}

/** One stream per process: `<service>/<instance>/<start time>` (no `:` or `*`, as CloudWatch wants). */
export function logStreamName(service: string, instance: string, startedAt = new Date()): string {
  const safe = (text: string) => text.replace(/[:*]/g, '-');
  return `${safe(service)}/${safe(instance)}/${startedAt.toISOString().replace(/:/g, '-')}`.slice(
    0,
    512,
  );
}

/**
 * Where an app's log lines go. Always the console: JSON lines on stdout, or pretty lines
 * (pino-pretty in a worker thread) in development. With `CLOUDWATCH_LOG_GROUP` set, also
 * CloudWatch Logs, through the transport in `cloudwatch-transport.mts`, in a worker thread
 * of its own.
 *
 * A stopping process calls `flush()` (each worker prints or ships what it holds, within the
 * transport's deadline, while the event loop keeps running) and then `close()` (ends the
 * workers; blocking, for the few lines logged in between). pino's own exit handler does
 * the blocking part too, for a process that exits some other way.
 */
export class LogDestination {
  /** The destination created last in this process (an app has one). */
  static active: LogDestination | undefined;
  private closed = false;

  private constructor(
    /** The stream pino writes to; undefined: pino's own stdout destination. */
    readonly stream: DestinationStream | undefined,
    /** The CloudWatch worker, when shipping is on (tests listen to its events). */
    readonly cloudWatch: WorkerStream | undefined,
    private readonly workers: WorkerStream[],
    /** The asynchronous stdout stream, when lines go to stdout as JSON. */
    private readonly stdout?: ReturnType<typeof pino.destination>,
  ) {}

  static create(
    config: LogDestinationConfig,
    identity: LoggingIdentity,
    overrides: LogDestinationOverrides = {},
  ): LogDestination {
    const destination = LogDestination.build(config, identity, overrides);
    LogDestination.active = destination;
    return destination;
  }

  private static build(
    config: LogDestinationConfig,
    identity: LoggingIdentity,
    overrides: LogDestinationOverrides,
  ): LogDestination {
    const workers: WorkerStream[] = [];
    const console = overrides.console
      ? { stream: overrides.console }
      : usePrettyLogs(config)
        ? watch(
            pino.transport({
              target: 'pino-pretty',
              options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,instance' },
            }) as unknown as WorkerStream,
            'the pretty console printer',
            workers,
          )
        : undefined;
    // JSON lines on stdout are written asynchronously: a busy service must not wait for a
    // write() system call per line (the pipe of the local stack, journald in production).
    // Lines still buffered are written by flush()/close() when the process stops.
    const stdout = console
      ? undefined
      : pino.destination({ fd: process.stdout.fd ?? 1, sync: false });
    // Writing to a closed pipe (EPIPE) must not take the app down nor stop it from exiting.
    stdout?.on('error', () => undefined);
    if (!config.CLOUDWATCH_LOG_GROUP)
      return new LogDestination(console?.stream ?? stdout, undefined, workers, stdout);

    const options: CloudWatchTransportOptions = {
      logGroupName: config.CLOUDWATCH_LOG_GROUP,
      logStreamName: logStreamName(identity.service, config.SERVICE_INSTANCE),
      region: config.AWS_REGION,
      service: identity.service,
      instance: config.SERVICE_INSTANCE,
      maxBufferBytes: config.CLOUDWATCH_BUFFER_MB * 1024 * 1024,
      ...overrides.cloudWatch,
    };
    const cloudWatch = watch(
      pino.transport({
        target: CLOUDWATCH_TRANSPORT_FILE,
        options,
        // The SDK in the worker reads credentials and AWS_ENDPOINT_URL_CLOUDWATCH_LOGS from
        // this process's environment as it is now.
        worker: { env: { ...process.env } },
      }) as unknown as WorkerStream,
      'CloudWatch Logs shipping',
      workers,
    );
    const stream = pino.multistream([
      {
        level: 'trace',
        stream: console?.stream ?? stdout!,
      },
      { level: 'trace', stream: cloudWatch.stream },
    ]);
    return new LogDestination(stream, cloudWatch.worker, workers, stdout);
  }

  /** Waits until every worker has printed or shipped what it was given so far. */
  async flush(): Promise<void> {
    await this.flushStdout();
    const live = this.workers.filter((worker) => !worker.destroyed && !worker.closed);
    await Promise.all(
      live.map(
        (worker) =>
          new Promise<void>((resolve) => {
            // The transport gives up at its own deadline; this only guards against a stuck worker.
            const guard = setTimeout(resolve, FLUSH_GUARD_MS);
            worker.flush(() => {
              clearTimeout(guard);
              resolve();
            });
          }),
      ),
    );
  }

  /**
   * Waits until the JSON lines on stdout are written (not the CloudWatch worker): what keeps
   * the console and the local stack's log file in order, without waiting on CloudWatch.
   */
  async flushStdout(): Promise<void> {
    await new Promise<void>((resolve) => {
      const stdout = this.stdout;
      if (!stdout) return resolve();
      // A stdout nobody reads any more (the parent is gone) never confirms a flush.
      // sonic-boom's flush(cb) calls back at once when it buffers nothing (minLength 0), even
      // with a write still in flight or waiting to retry after EAGAIN (a full pipe: the local
      // stack reading slowly). close() would then write later lines first. 'drain' comes when
      // everything handed to it has been written.
      const boom = stdout as unknown as { _writing?: boolean };
      if (!boom._writing) return resolve();
      const guard = setTimeout(resolve, STDOUT_FLUSH_GUARD_MS);
      guard.unref();
      stdout.once('drain', () => {
        clearTimeout(guard);
        resolve();
      });
    });
  }

  /** Hands every worker what is buffered, ends it and waits until each is done (or gave up). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.stdout?.flushSync();
    } catch {
      // nothing buffered, or stdout already gone
    }
    for (const worker of this.workers) {
      if (worker.destroyed || worker.closed) continue;
      try {
        // flushSync first: end() alone returns at once while an asynchronous write is pending.
        worker.flushSync();
        worker.end();
      } catch (error) {
        process.stderr.write(
          `logging: could not flush a log worker: ${(error as Error).message}\n`,
        );
      }
    }
  }
}

/**
 * A worker stream that can fail without taking the app with it: its `error` is said once on
 * stderr, and writes after that are dropped instead of throwing.
 */
function watch(worker: WorkerStream, what: string, workers: WorkerStream[]) {
  workers.push(worker);
  let alive = true;
  worker.on('error', (error: Error) => {
    if (!alive) return;
    alive = false;
    // After close(), lines logged by the very last steps of an exit have nowhere to go.
    if (worker.writableEnded) return;
    process.stderr.write(`logging: ${what} stopped: ${error.message}\n`);
  });
  const stream: DestinationStream = {
    write: (line: string) => {
      if (alive && !worker.writableEnded) worker.write(line);
    },
  };
  return { worker, stream };
}
