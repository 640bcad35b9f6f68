import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * An HTTP double of the CloudWatch Logs JSON API (`Logs_20140328.*`, awsJson1_1), for tests:
 * the real `@aws-sdk/client-cloudwatch-logs` client talks to it through
 * `AWS_ENDPOINT_URL_CLOUDWATCH_LOGS` (or `endpoint`). It keeps what it received and checks
 * every PutLogEvents call against the service's limits the way CloudWatch does (too many
 * events or bytes, not chronological, more than 24 hours: the call is refused; events too
 * old or too new are rejected one by one), so a test can trust what it reads back.
 *
 * Faults are switched on per test: `throttle(n)` answers the next n PutLogEvents calls with
 * ThrottlingException, `hang` leaves requests unanswered, `denyCreate` refuses
 * CreateLogGroup/CreateLogStream with AccessDeniedException, and `stop()` closes the port.
 */
export interface LogsDouble {
  readonly port: number;
  readonly endpoint: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Every call received, in order, with its outcome. */
  readonly calls: LogsCall[];
  /** Answer CreateLogGroup/CreateLogStream with AccessDeniedException. */
  denyCreate: boolean;
  /** Accept requests but never answer them (a CloudWatch that hangs). */
  hang: boolean;
  /** Answer the next `count` PutLogEvents calls with ThrottlingException. */
  throttle(count: number): void;
  /** Answer the next `count` calls of any kind with ServiceUnavailableException (HTTP 503). */
  unavailable(count: number): void;
  createLogGroup(name: string): void;
  createLogStream(group: string, stream: string): void;
  groups(): string[];
  streams(group: string): string[];
  /** Events stored in one stream (or every stream of the group), in the order accepted. */
  events(group: string, stream?: string): StoredLogEvent[];
  /** The stored messages parsed as JSON (lines that are not JSON are skipped). */
  records<T = Record<string, unknown>>(group: string, stream?: string): T[];
}

export interface StoredLogEvent {
  stream: string;
  timestamp: number;
  message: string;
}

export interface LogsCall {
  action: string;
  status: number;
  error?: string;
  /** PutLogEvents only: what the batch looked like. */
  batch?: { events: number; bytes: number; firstTimestamp: number; lastTimestamp: number };
}

/** PutLogEvents limits, as documented for the API. */
export const PUT_LOG_EVENTS_LIMITS = {
  maxEvents: 10_000,
  maxBytes: 1_048_576,
  perEventOverhead: 26,
  maxEventBytes: 262_144,
  maxSpanMs: 24 * 60 * 60 * 1000,
  maxAgeMs: 14 * 24 * 60 * 60 * 1000,
  maxAheadMs: 2 * 60 * 60 * 1000,
} as const;

class LogsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

interface PutLogEventsRequest {
  logGroupName?: string;
  logStreamName?: string;
  logEvents?: { timestamp?: number; message?: string }[];
}

export function cloudWatchLogsDouble(port: number, host = '127.0.0.1'): LogsDouble {
  const store = new Map<string, Map<string, StoredLogEvent[]>>();
  const calls: LogsCall[] = [];
  const hanging = new Set<ServerResponse>();
  let throttled = 0;
  let unavailable = 0;
  let server: Server | undefined;
  const sockets = new Set<Socket>();

  const group = (name: string | undefined) => {
    const streams = name === undefined ? undefined : store.get(name);
    if (!streams) {
      throw new LogsError('ResourceNotFoundException', 'The specified log group does not exist.');
    }
    return streams;
  };

  const handlers: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {
    CreateLogGroup(body) {
      if (double.denyCreate) throw accessDenied('logs:CreateLogGroup');
      const name = String(body.logGroupName ?? '');
      if (store.has(name)) {
        throw new LogsError('ResourceAlreadyExistsException', 'The specified log group already exists');
      }
      store.set(name, new Map());
      return {};
    },
    CreateLogStream(body) {
      if (double.denyCreate) throw accessDenied('logs:CreateLogStream');
      const streams = group(body.logGroupName as string);
      const name = String(body.logStreamName ?? '');
      if (streams.has(name)) {
        throw new LogsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
      }
      streams.set(name, []);
      return {};
    },
    PutLogEvents(body) {
      const request = body as PutLogEventsRequest;
      if (throttled > 0) {
        throttled--;
        throw new LogsError('ThrottlingException', 'Rate exceeded');
      }
      const streams = group(request.logGroupName);
      const events = streams.get(String(request.logStreamName));
      if (!events) {
        throw new LogsError('ResourceNotFoundException', 'The specified log stream does not exist.');
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
    const call: LogsCall = { action: action || target || 'unknown', status: 200 };
    calls.push(call);
    if (double.hang) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    let status = 200;
    let payload: Record<string, unknown>;
    try {
      if (unavailable > 0) {
        unavailable--;
        throw new LogsError('ServiceUnavailableException', 'The service is unavailable', 503);
      }
      const handler = handlers[action];
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

  const double: LogsDouble = {
    port,
    endpoint: `http://${host}:${port}`,
    calls,
    denyCreate: false,
    hang: false,
    async start() {
      if (server?.listening) return;
      server = createServer((req, res) => {
        handle(req, res).catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
      });
      server.keepAliveTimeout = 60_000;
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => {
          server!.off('error', reject);
          resolve();
        });
      });
    },
    async stop() {
      if (!server?.listening) return;
      const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      hanging.clear();
      await closing;
    },
    throttle(count) {
      throttled = count;
    },
    unavailable(count) {
      unavailable = count;
    },
    createLogGroup(name) {
      if (!store.has(name)) store.set(name, new Map());
    },
    createLogStream(groupName, stream) {
      double.createLogGroup(groupName);
      const streams = store.get(groupName)!;
      if (!streams.has(stream)) streams.set(stream, []);
    },
    groups: () => [...store.keys()],
    streams: (groupName) => [...(store.get(groupName)?.keys() ?? [])],
    events(groupName, stream) {
      const streams = store.get(groupName);
      if (!streams) return [];
      if (stream !== undefined) return [...(streams.get(stream) ?? [])];
      return [...streams.values()].flat();
    },
    records<T>(groupName: string, stream?: string): T[] {
      return double.events(groupName, stream).flatMap((event) => {
        try {
          return [JSON.parse(event.message) as T];
        } catch {
          return [];
        }
      });
    },
  };
  return double;
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

/** The batch-level rules CloudWatch Logs refuses a whole call for. */
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
      throw new LogsError('InvalidParameterException', `log event ${i} needs a timestamp and a message`);
    }
    const size = eventBytes(message);
    if (size > limits.maxEventBytes) {
      throw new LogsError('InvalidParameterException', `Log event ${i} is too large (${size} bytes)`);
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
