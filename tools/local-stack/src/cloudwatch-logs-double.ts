import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type {
  LogsCall,
  StoredLogEvent,
  createLogsDouble,
} from './cloudwatch-logs-double-server.mjs';

export type { LogsCall, StoredLogEvent } from './cloudwatch-logs-double-server.mjs';

/** PutLogEvents limits, as documented for the API (the double enforces them). */
export const PUT_LOG_EVENTS_LIMITS = {
  maxEvents: 10_000,
  maxBytes: 1_048_576,
  perEventOverhead: 26,
  maxEventBytes: 262_144,
  maxSpanMs: 24 * 60 * 60 * 1000,
  maxAgeMs: 14 * 24 * 60 * 60 * 1000,
  maxAheadMs: 2 * 60 * 60 * 1000,
} as const;

/**
 * An HTTP double of the CloudWatch Logs JSON API (`Logs_20140328.*`, awsJson1_1), for tests:
 * the real `@aws-sdk/client-cloudwatch-logs` client reaches it through
 * `AWS_ENDPOINT_URL_CLOUDWATCH_LOGS`. It keeps what it received and checks every
 * PutLogEvents call against the service's limits the way CloudWatch does (too many events or
 * bytes, not in order, more than 24 hours: the whole call is refused; events older than 14
 * days or more than 2 hours ahead are rejected one by one), so what a test reads back is
 * what CloudWatch would have stored.
 *
 * It runs in a worker thread of its own, like a remote service: the test's thread may be
 * busy serving the app being measured, or blocked while pino ends its transports. Its
 * methods answer synchronously all the same.
 *
 * Faults per test: `throttle(n)` (ThrottlingException for the next n PutLogEvents calls),
 * `unavailable(n)` (HTTP 503), `hang` (requests are never answered), `denyCreate`
 * (AccessDeniedException for CreateLogGroup/CreateLogStream), `stop()` (the port closes;
 * the stored events stay for `start()`).
 */
export interface LogsDouble {
  readonly port: number;
  readonly endpoint: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Every call received, in order, with its outcome (status 0: never answered). */
  readonly calls: LogsCall[];
  denyCreate: boolean;
  hang: boolean;
  throttle(count: number): void;
  unavailable(count: number): void;
  createLogGroup(name: string): void;
  createLogStream(group: string, stream: string): void;
  groups(): string[];
  streams(group: string): string[];
  /** Events stored in one stream (or in every stream of the group), in the order accepted. */
  events(group: string, stream?: string): StoredLogEvent[];
  /** The stored messages parsed as JSON (messages that are not JSON are left out). */
  records<T = Record<string, unknown>>(group: string, stream?: string): T[];
}

const SERVER_FILE = join(
  __dirname,
  __filename.endsWith('.ts')
    ? 'cloudwatch-logs-double-server.mts'
    : 'cloudwatch-logs-double-server.mjs',
);

type Server = ReturnType<typeof createLogsDouble>;

export function cloudWatchLogsDouble(port: number, host = '127.0.0.1'): LogsDouble {
  const { port1: rpc, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(SERVER_FILE, {
    workerData: { cloudWatchLogsDouble: { port, host, rpc: port2, signal } },
    transferList: [port2],
  });
  worker.unref();
  let failed: Error | undefined;
  worker.on('error', (error) => (failed = error));
  let sequence = 0;

  function call<M extends keyof Server>(
    method: M,
    ...args: Parameters<Server[M]>
  ): Awaited<ReturnType<Server[M]>> {
    if (failed) throw failed;
    const id = ++sequence;
    rpc.postMessage({ id, method, args });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const seen = Atomics.load(signal, 0);
      const received = receiveMessageOnPort(rpc);
      if (received) {
        const answer = received.message as { id: number; result?: unknown; error?: string };
        if (answer.id !== id) continue;
        if (answer.error !== undefined) throw new Error(answer.error);
        return answer.result as Awaited<ReturnType<Server[M]>>;
      }
      if (failed) throw failed;
      if (Date.now() > deadline)
        throw new Error(`the CloudWatch Logs double did not answer ${method}`);
      Atomics.wait(signal, 0, seen, 100);
    }
  }

  return {
    port,
    endpoint: `http://${host}:${port}`,
    start: async () => call('start'),
    stop: async () => call('stop'),
    get calls() {
      return call('calls');
    },
    get denyCreate() {
      return call('getFault', 'denyCreate');
    },
    set denyCreate(value: boolean) {
      call('setFault', 'denyCreate', value);
    },
    get hang() {
      return call('getFault', 'hang');
    },
    set hang(value: boolean) {
      call('setFault', 'hang', value);
    },
    throttle: (count) => call('throttle', count),
    unavailable: (count) => call('unavailable', count),
    createLogGroup: (name) => call('createLogGroup', name),
    createLogStream: (group, stream) => call('createLogStream', group, stream),
    groups: () => call('groups'),
    streams: (group) => call('streams', group),
    events: (group, stream) => call('events', group, stream),
    records: <T>(group: string, stream?: string) => call('records', group, stream) as T[],
  };
}
