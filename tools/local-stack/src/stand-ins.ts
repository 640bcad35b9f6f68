import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import S3rver from 's3rver';
import { createRequestHandler } from 'local-aws-sqs';
import sesServer from 'aws-ses-v2-local';
import * as sesStore from 'aws-ses-v2-local/dist/store';
import { type Email, getStoreReadonly } from 'aws-ses-v2-local/dist/store';
import { type Answer, exchange, type Handler, readBody } from './http-exchange';
import { durableQueues, type StandInService } from './sqs-durable';
import type { JournalOptions } from './sqs-journal';

/**
 * A local stand-in for one AWS service. `stop()` closes its port and drops open connections
 * while keeping its state, so `start()` brings back the same queues, objects and mail: that
 * is how tests take a "service down" and bring it back.
 */
export interface StandIn {
  readonly name: 's3' | 'sqs' | 'ses';
  readonly port: number;
  readonly endpoint: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** SQS only: the requests answered so far, by action (`ReceiveMessage`: 12), for benchmarks. */
  requests?(): Record<string, number>;
}

const HOST = '127.0.0.1';

/** Keeps track of sockets so stop() can cut long-polls and keep-alives at once. */
function trackSockets(server: Server): () => void {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return () => sockets.forEach((socket) => socket.destroy());
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server | undefined, dropSockets: (() => void) | undefined): Promise<void> {
  if (!server?.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    dropSockets?.();
  });
}

/**
 * `local-aws-sqs`: JSON protocol, redrive policies. Its queues live in this process's
 * memory; given a `directory`, they are also written down there as they change (a journal,
 * ADR 0014) and come back from it when a new process starts the stand-in on that folder:
 * messages not yet deleted, with their receive counts, dead-lettered ones in their DLQ.
 */
export function sqsStandIn(
  port: number,
  options: { directory?: string; journal?: JournalOptions } = {},
): StandIn {
  const { requestHandler: plain, service } = createRequestHandler({
    port,
    hostname: HOST,
    emulateQueueCreationLifecycle: false,
    emulateLazyQueues: false,
  });
  const durable = options.directory
    ? durableQueues(service as unknown as StandInService, plain, options.directory, options.journal)
    : undefined;
  // Read at each look: the stand-in replaces its list when a queue is deleted.
  const requestHandler = withEarlyLongPollReturn(durable?.handler ?? plain, (url) =>
    visibleMessages((service as unknown as StandInService).Queues, url),
  );
  let server: Server | undefined;
  let drop: (() => void) | undefined;
  const requests: Record<string, number> = {};
  return {
    name: 'sqs',
    requests: () => ({ ...requests }),
    port,
    endpoint: `http://${HOST}:${port}`,
    async start() {
      await durable?.load();
      server = createServer((req, res) => {
        const action = String(req.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
        requests[action] = (requests[action] ?? 0) + 1;
        void requestHandler(req, res);
      });
      drop = trackSockets(server);
      await listen(server, port);
    },
    stop: async () => {
      await close(server, drop);
      durable?.journal()?.sync();
    },
  };
}

/** Requests after which a queue may have messages to hand out: they wake its long polls. */
const WAKING_TARGETS = new Set([
  'AmazonSQS.SendMessage',
  'AmazonSQS.SendMessageBatch',
  'AmazonSQS.ChangeMessageVisibility',
  'AmazonSQS.ChangeMessageVisibilityBatch',
]);
/**
 * How often a waiting long poll looks again with no request to wake it: messages also come
 * back on their own when a visibility timeout or a delay ends (or move to a dead-letter queue).
 */
const RECHECK_MS = 1000;

/**
 * Real SQS answers a long poll (WaitTimeSeconds > 0) as soon as any message is there.
 * local-aws-sqs instead waits until the batch is full or the wait is over, and even a
 * short receive (WaitTimeSeconds 0) takes 40 ms unless the batch fills: up to 20 s (and
 * then tens of milliseconds) added to every event's way through the system. Long polls
 * are therefore served here: a waiting poll looks at the queue's visible count when a send
 * (or a visibility change) for that queue passes through, and once a second besides, and
 * once messages are there, receives just as many as are visible, so that the stand-in hands
 * them over at its next 10 ms tick. Looking only when something happened keeps an idle
 * stack idle: polling the count every few milliseconds cost 15 % of a core with the
 * consumers of a quiet system waiting.
 */
function withEarlyLongPollReturn(
  inner: Handler,
  visibleCount: (queueUrl: string | undefined) => number | undefined,
): Handler {
  /** Waiting polls by queue name, oldest first, with how many messages each takes. */
  const waiting = new Map<string, Map<() => void, number>>();
  /**
   * Wakes as many of the queue's waiting polls as its visible messages fill (at least one),
   * oldest first, as SQS hands a message to one receive: waking every poll for every send
   * had each of them look, and all but one find nothing.
   */
  const wake = (queueUrl: string | undefined) => {
    const polls = waiting.get(queueName(queueUrl));
    if (!polls) return;
    let visible = visibleCount(queueUrl) ?? Infinity;
    for (const [resume, wanted] of [...polls]) {
      resume();
      visible -= wanted;
      if (visible <= 0) break;
    }
  };
  /** Resolves at the next wake-up of the queue, after `ms`, or when the caller hangs up. */
  const nextLook = (
    queueUrl: string | undefined,
    wanted: number,
    ms: number,
    res: ServerResponse,
  ) =>
    new Promise<void>((resolve) => {
      // Hung up already (its 'close' has passed): it must not wait for, nor take, a wake-up.
      if (res.destroyed) return resolve();
      const name = queueName(queueUrl);
      const polls = waiting.get(name) ?? new Map<() => void, number>();
      waiting.set(name, polls);
      const done = () => {
        clearTimeout(timer);
        polls.delete(done);
        if (polls.size === 0 && waiting.get(name) === polls) waiting.delete(name);
        res.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      polls.set(done, wanted);
      res.once('close', done);
    });

  return async (req, res) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    if (target !== 'AmazonSQS.ReceiveMessage' && !WAKING_TARGETS.has(target)) {
      return inner(req, res);
    }
    const body = await readBody(req);
    const request = JSON.parse(body || '{}') as {
      QueueUrl?: string;
      WaitTimeSeconds?: number;
      MaxNumberOfMessages?: number;
    };
    let answer: Answer;
    if (target !== 'AmazonSQS.ReceiveMessage') {
      answer = await exchange(inner, req.headers, body);
      // After the stand-in's own zero-delay timer that makes a new message visible.
      setTimeout(() => wake(request.QueueUrl), 0);
    } else {
      const deadline = Date.now() + Number(request.WaitTimeSeconds ?? 0) * 1000;
      const wanted = Math.max(1, Number(request.MaxNumberOfMessages ?? 1));
      for (;;) {
        // The caller hung up (a consumer stopping aborts its long poll): receiving now would
        // hide messages from every other poll for a visibility timeout, for nobody.
        if (res.destroyed) return;
        const visible = visibleCount(request.QueueUrl);
        const last = Date.now() >= deadline;
        if (visible !== 0 || last) {
          const take = visible === undefined ? wanted : Math.min(wanted, Math.max(1, visible));
          answer = await exchange(
            inner,
            req.headers,
            JSON.stringify({ ...request, WaitTimeSeconds: 0, MaxNumberOfMessages: take }),
          );
          const empty = answer.status === 200 && !answer.body.includes('"Messages"');
          if (!empty || last || Date.now() >= deadline) break;
        }
        await nextLook(
          request.QueueUrl,
          wanted,
          Math.min(RECHECK_MS, Math.max(0, deadline - Date.now())),
          res,
        );
      }
    }
    if (res.destroyed) return;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };
}

/** The queue's name, the last part of its URL (the host in a URL may be spelt differently). */
function queueName(queueUrl: string | undefined): string {
  return (queueUrl ?? '').split('/').pop() ?? '';
}

/**
 * Messages in the queue that a receive would return now, read from the stand-in's queue
 * object (a GetQueueAttributes request through the stand-in for every look cost a parse and
 * an answer each time); undefined when it cannot be told.
 */
function visibleMessages(
  queues: StandInService['Queues'],
  queueUrl: string | undefined,
): number | undefined {
  const name = queueName(queueUrl);
  const queue = name ? queues.find((q) => q.QueueName === name) : undefined;
  if (!queue) return undefined;
  const attributes = queue.getAttributes([
    'ApproximateNumberOfMessages',
    'ApproximateNumberOfMessagesNotVisible',
  ]);
  // The stand-in counts messages in flight in ApproximateNumberOfMessages too.
  return (
    Number(attributes.ApproximateNumberOfMessages ?? 0) -
    Number(attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
}

/**
 * `aws-ses-v2-local`: accepts SESv2 SendEmail, lists mail at /store and on its web page.
 * It keeps every email in memory: `keepLast` bounds that to the newest ones (the local stack
 * keeps 1,000), so a stack left running for weeks does not grow without end. Tests that
 * count every email leave it unbounded. Given a `directory`, the mail is also kept in a file
 * there (one JSON line per email, written as each is accepted) and a new process starting
 * the stand-in on that folder lists it again: the mail page outlives a restart.
 */
export function sesStandIn(
  port: number,
  options: { keepLast?: number; directory?: string } = {},
): StandIn {
  let server: Server | undefined;
  let drop: (() => void) | undefined;
  let fresh = true;
  const file = options.directory ? join(options.directory, 'mail.jsonl') : undefined;
  /** Lines in the file: it is rewritten with the kept mail once it has twice as many. */
  let lines = 0;
  const rewrite = (emails: readonly Email[]) => {
    if (!file) return;
    writeFileSync(`${file}.next`, emails.map((email) => `${JSON.stringify(email)}\n`).join(''));
    renameSync(`${file}.next`, file);
    lines = emails.length;
  };
  // Written as the stand-in stores the email, before it answers SendEmail.
  const save = (email: Email) => {
    if (!file) return;
    appendFileSync(file, `${JSON.stringify(email)}\n`);
    lines++;
  };
  const listener: MailListener = { saved: save, cleared: () => rewrite([]) };
  const afterRequest = () => {
    const { emails } = getStoreReadonly();
    if (options.keepLast !== undefined && emails.length > options.keepLast) {
      emails.splice(0, emails.length - options.keepLast);
    }
    if (!file) return;
    // Emails trimmed from memory leave the file too, now and then.
    if (lines > 2 * Math.max(emails.length, 500)) rewrite(emails);
  };
  return {
    name: 'ses',
    port,
    endpoint: `http://${HOST}:${port}`,
    async start() {
      server = await sesServer({ host: HOST, port });
      drop = trackSockets(server);
      server.on('request', (_req: IncomingMessage, res: ServerResponse) =>
        res.once('finish', afterRequest),
      );
      // aws-ses-v2-local keeps sent mail in module memory, shared by every server in the
      // process: a new stand-in starts with an empty mailbox (or the one in its folder), a
      // restarted one keeps its mail.
      if (fresh) {
        fresh = false;
        // Read before clearing: clearing empties the file too.
        const kept = file ? readMail(file).slice(-(options.keepLast ?? Infinity)) : [];
        await fetch(`http://${HOST}:${port}/clear-store`, { method: 'POST' });
        if (file) {
          mkdirSync(options.directory!, { recursive: true });
          const { emails } = getStoreReadonly();
          emails.push(...kept);
          rewrite(emails);
        }
      }
      // Only while it runs: a stopped stand-in's folder may be gone (a test stack's).
      if (file) watchMail(listener);
    },
    stop: async () => {
      mailListeners.delete(listener);
      await close(server, drop);
    },
  };
}

interface MailListener {
  saved(email: Email): void;
  cleared(): void;
}
const mailListeners = new Set<MailListener>();
let watching = false;
/**
 * Tells `listener` of every email the SES stand-ins of this process store, as they store it
 * (before SendEmail is answered), and of every clearing: aws-ses-v2-local's server calls its
 * store's `saveEmail` and `clearStore` through the module's exports, so wrapping those
 * exports sees every call.
 */
function watchMail(listener: MailListener): void {
  if (!watching) {
    watching = true;
    const { saveEmail, clearStore } = sesStore;
    Object.assign(sesStore, {
      saveEmail: (email: Email) => {
        saveEmail(email);
        mailListeners.forEach((each) => each.saved(email));
      },
      clearStore: () => {
        clearStore();
        mailListeners.forEach((each) => each.cleared());
      },
    });
  }
  mailListeners.add(listener);
}

/** The emails in a mail file; a last line cut short by a crash is left out. */
function readMail(file: string): Email[] {
  if (!existsSync(file)) return [];
  const emails: Email[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      emails.push(JSON.parse(line) as Email);
    } catch {
      // the line being written when the process died
    }
  }
  return emails;
}

/** `s3rver`: objects on disk under `directory`, so they outlive a restart of the stack. */
export function s3StandIn(port: number, directory: string, buckets: string[]): StandIn {
  mkdirSync(directory, { recursive: true });
  let s3: S3rver | undefined;
  return {
    name: 's3',
    port,
    endpoint: `http://${HOST}:${port}`,
    async start() {
      s3 = new S3rver({
        port,
        address: HOST,
        directory,
        silent: true,
        configureBuckets: buckets.map((name) => ({ name, configs: [CORS_ANY_ORIGIN] })),
      });
      await s3.run();
    },
    async stop() {
      await s3?.close();
      s3 = undefined;
    },
  };
}

/** Browsers upload straight to the bucket with presigned URLs, so the bucket answers CORS. */
const CORS_ANY_ORIGIN = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;
