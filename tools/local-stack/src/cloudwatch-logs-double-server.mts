/**
 * The CloudWatch Logs double's server, run in a worker thread by `cloudWatchLogsDouble()`
 * (cloudwatch-logs-double.ts): the test's own thread may block (pino ends its transports
 * synchronously) or be busy serving the app under test, and CloudWatch is on neither.
 * Loaded by path, from dist/ as .mjs or from src/ as .mts under Node's type stripping, so it
 * stands alone: node: modules only, erasable TypeScript only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { type MessagePort, workerData } from 'node:worker_threads';

export interface StoredLogEvent {
  stream: string;
  timestamp: number;
  message: string;
}

export interface LogsCall {
  action: string;
  status: number;
  error?: string;
  /** PutLogEvents only: what the call held. */
  batch?: { events: number; bytes: number; firstTimestamp: number; lastTimestamp: number };
}

/** PutLogEvents limits, as documented for the API (the facade exports the same). */
const PUT_LOG_EVENTS_LIMITS = {
  maxEvents: 10_000,
  maxBytes: 1_048_576,
  perEventOverhead: 26,
  maxEventBytes: 262_144,
  maxSpanMs: 24 * 60 * 60 * 1000,
  maxAgeMs: 14 * 24 * 60 * 60 * 1000,
  maxAheadMs: 2 * 60 * 60 * 1000,
} as const;

class LogsError extends Error {
  readonly type: string;
  readonly status: number;

  constructor(type: string, message: string, status = 400) {
    super(message);
    this.type = type;
    this.status = status;
  }
}

interface PutLogEventsRequest {
  logGroupName?: string;
  logStreamName?: string;
  logEvents?: { timestamp?: number; message?: string }[];
}

/** The double's state and controls; the facade calls these by name. */
export function createLogsDouble(port: number, host: string) {
  const store = new Map<string, Map<string, StoredLogEvent[]>>();
  const calls: LogsCall[] = [];
  const hanging = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  const faults = { denyCreate: false, hang: false, throttled: 0, unavailable: 0 };
  let server: Server | undefined;

  const group = (name: string | undefined) => {
    const streams = name === undefined ? undefined : store.get(name);
    if (!streams) {
      throw new LogsError('ResourceNotFoundException', 'The specified log group does not exist.');
    }
    return streams;
  };

  const actions: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {
    CreateLogGroup(body) {
      if (faults.denyCreate) throw accessDenied('logs:CreateLogGroup');
      const name = String(body.logGroupName ?? '');
      if (store.has(name)) {
        throw new LogsError(
          'ResourceAlreadyExistsException',
          'The specified log group already exists',
        );
      }
      store.set(name, new Map());
      return {};
    },
    CreateLogStream(body) {
      if (faults.denyCreate) throw accessDenied('logs:CreateLogStream');
      const streams = group(body.logGroupName as string);
      const name = String(body.logStreamName ?? '');
      if (streams.has(name)) {
        throw new LogsError(
          'ResourceAlreadyExistsException',
          'The specified log stream already exists',
        );
      }
      streams.set(name, []);
      return {};
    },
    PutLogEvents(body) {
      const request = body as PutLogEventsRequest;
      if (faults.throttled > 0) {
        faults.throttled--;
        throw new LogsError('ThrottlingException', 'Rate exceeded');
      }
      const streams = group(request.logGroupName);
      const events = streams.get(String(request.logStreamName));
      if (!events) {
        throw new LogsError(
          'ResourceNotFoundException',
          'The specified log stream does not exist.',
        );
      }
      const batch = request.logEvents ?? [];
      checkBatch(batch);
      const now = Date.now();
      let tooOld: number | undefined;
      let tooNew: number | undefined;
      batch.forEach((event, index) => {
        const timestamp = Number(event.timestamp);
        if (timestamp < now - PUT_LOG_EVENTS_LIMITS.maxAgeMs) tooOld = index;
        else if (timestamp > now + PUT_LOG_EVENTS_LIMITS.maxAheadMs) tooNew ??= index;
        else {
          events.push({
            stream: String(request.logStreamName),
            timestamp,
            message: String(event.message),
          });
        }
      });
      const answer: Record<string, unknown> = { nextSequenceToken: String(calls.length) };
      if (tooOld !== undefined || tooNew !== undefined) {
        answer.rejectedLogEventsInfo = {
          ...(tooOld !== undefined ? { tooOldLogEventEndIndex: tooOld } : {}),
          ...(tooNew !== undefined ? { tooNewLogEventStartIndex: tooNew } : {}),
        };
      }
      return answer;
    },
    DescribeLogStreams(body) {
      const streams = group(body.logGroupName as string);
      const prefix = String(body.logStreamNamePrefix ?? '');
      return {
        logStreams: [...streams.keys()]
          .filter((name) => name.startsWith(prefix))
          .map((logStreamName) => ({ logStreamName })),
      };
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '');
    const action = target.startsWith('Logs_20140328.') ? target.slice('Logs_20140328.'.length) : '';
    const call: LogsCall = { action: action || target || 'unknown', status: 0 };
    calls.push(call);
    if (faults.hang) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    let status = 200;
    let payload: Record<string, unknown>;
    try {
      if (faults.unavailable > 0) {
        faults.unavailable--;
        throw new LogsError('ServiceUnavailableException', 'The service is unavailable', 503);
      }
      const handler = actions[action];
      if (!handler) throw new LogsError('UnknownOperationException', `Unknown operation ${target}`);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      if (action === 'PutLogEvents') call.batch = describeBatch(body as PutLogEventsRequest);
      payload = handler(body);
    } catch (error) {
      const failure =
        error instanceof LogsError
          ? error
          : new LogsError('InvalidParameterException', (error as Error).message);
      status = failure.status;
      call.error = failure.type;
      payload = { __type: failure.type, message: failure.message };
      res.setHeader('x-amzn-errortype', failure.type);
    }
    call.status = status;
    const text = JSON.stringify(payload);
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': `double-${calls.length}`,
    });
    res.end(text);
  }

  const events = (groupName: string, stream?: string): StoredLogEvent[] => {
    const streams = store.get(groupName);
    if (!streams) return [];
    if (stream !== undefined) return [...(streams.get(stream) ?? [])];
    return [...streams.values()].flat();
  };

  return {
    async start(): Promise<void> {
      if (server?.listening) return;
      const next = createServer((req, res) => {
        handle(req, res).catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
      });
      next.keepAliveTimeout = 60_000;
      next.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve, reject) => {
        next.once('error', reject);
        next.listen(port, host, () => {
          next.off('error', reject);
          resolve();
        });
      });
      server = next;
    },
    async stop(): Promise<void> {
      const current = server;
      if (!current?.listening) return;
      const closing = new Promise<void>((resolve) => current.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      hanging.clear();
      await closing;
    },
    setFault(name: 'denyCreate' | 'hang', value: boolean) {
      faults[name] = value;
    },
    getFault: (name: 'denyCreate' | 'hang') => faults[name],
    throttle(count: number) {
      faults.throttled = count;
    },
    unavailable(count: number) {
      faults.unavailable = count;
    },
    createLogGroup(name: string) {
      if (!store.has(name)) store.set(name, new Map());
    },
    createLogStream(groupName: string, stream: string) {
      if (!store.has(groupName)) store.set(groupName, new Map());
      const streams = store.get(groupName)!;
      if (!streams.has(stream)) streams.set(stream, []);
    },
    calls: () => calls.map((call) => ({ ...call })),
    groups: () => [...store.keys()],
    streams: (groupName: string) => [...(store.get(groupName)?.keys() ?? [])],
    events,
    /** Only the messages, parsed where they are JSON: what most tests read. */
    records(groupName: string, stream?: string): unknown[] {
      return events(groupName, stream).flatMap((event) => {
        try {
          return [JSON.parse(event.message)];
        } catch {
          return [];
        }
      });
    },
  };
}

function accessDenied(action: string): LogsError {
  return new LogsError(
    'AccessDeniedException',
    `User: arn:aws:iam::000000000000:user/test is not authorized to perform: ${action}`,
  );
}

const eventBytes = (message: string) =>
  Buffer.byteLength(message, 'utf8') + PUT_LOG_EVENTS_LIMITS.perEventOverhead;

function describeBatch(request: PutLogEventsRequest): LogsCall['batch'] {
  const events = request.logEvents ?? [];
  return {
    events: events.length,
    bytes: events.reduce((sum, event) => sum + eventBytes(String(event.message ?? '')), 0),
    firstTimestamp: Number(events[0]?.timestamp),
    lastTimestamp: Number(events[events.length - 1]?.timestamp),
  };
}

/** The call-level rules for which CloudWatch Logs refuses a whole PutLogEvents call. */
function checkBatch(events: { timestamp?: number; message?: string }[]): void {
  const limits = PUT_LOG_EVENTS_LIMITS;
  if (events.length === 0) {
    throw new LogsError('InvalidParameterException', 'logEvents must contain at least 1 event');
  }
  if (events.length > limits.maxEvents) {
    throw new LogsError(
      'InvalidParameterException',
      `logEvents holds ${events.length} events, more than ${limits.maxEvents}`,
    );
  }
  let bytes = 0;
  for (let i = 0; i < events.length; i++) {
    const { timestamp, message } = events[i];
    if (typeof timestamp !== 'number' || typeof message !== 'string' || message === '') {
      throw new LogsError(
        'InvalidParameterException',
        `log event ${i} needs a timestamp and a message`,
      );
    }
    const size = eventBytes(message);
    if (size > limits.maxEventBytes) {
      throw new LogsError(
        'InvalidParameterException',
        `Log event ${i} is too large (${size} bytes)`,
      );
    }
    bytes += size;
    if (i > 0 && timestamp < events[i - 1].timestamp!) {
      throw new LogsError(
        'InvalidParameterException',
        'Log events in a single PutLogEvents request must be in chronological order.',
      );
    }
  }
  if (bytes > limits.maxBytes) {
    throw new LogsError(
      'InvalidParameterException',
      `The batch is ${bytes} bytes, more than ${limits.maxBytes}`,
    );
  }
  if (events[events.length - 1].timestamp! - events[0].timestamp! > limits.maxSpanMs) {
    throw new LogsError(
      'InvalidParameterException',
      'A batch of log events in a single request cannot span more than 24 hours.',
    );
  }
}

/**
 * In the worker: serve the facade's calls. Each answer is posted, then announced through
 * the shared `signal` so the facade, waiting with Atomics.wait, can read it synchronously.
 */
interface DoubleWorkerData {
  cloudWatchLogsDouble: { port: number; host: string; rpc: MessagePort; signal: Int32Array };
}

const setup = (workerData as DoubleWorkerData | undefined)?.cloudWatchLogsDouble;
if (setup) {
  const double = createLogsDouble(setup.port, setup.host) as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  setup.rpc.on(
    'message',
    async ({ id, method, args }: { id: number; method: string; args: unknown[] }) => {
      let answer: { id: number; result?: unknown; error?: string };
      try {
        answer = { id, result: await double[method](...args) };
      } catch (error) {
        answer = { id, error: (error as Error).message };
      }
      setup.rpc.postMessage(answer);
      Atomics.store(setup.signal, 0, id);
      Atomics.notify(setup.signal, 0);
    },
  );
}
