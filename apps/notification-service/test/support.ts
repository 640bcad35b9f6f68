import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { Controller, Module, type INestApplication, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  type EventEnvelope,
  type StockLevel,
  ListLowStock,
  type AnyBusRequestType,
} from '@inventory/contracts';
import {
  createQueues,
  createTestDatabase,
  freePort,
  sesStandIn,
  sqsStandIn,
  type StandIn,
  type TestDatabase,
} from '@inventory/local-stack';
import {
  BusContextInterceptor,
  busServerOptions,
  createValidationPipe,
  loadConfig,
  migrateSchema,
  RequestContext,
  ServiceBus,
  ServiceExceptionFilter,
  SQS_POLLER,
  SQS_PUBLISHER,
} from '@inventory/platform';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configOptions } from '../src/config-options';
import { notificationDatabase } from '../src/database/notification.database';
import { SESV2_CLIENT } from '../src/email/email.di-tokens';
import { NotificationConfig } from '../src/notification.config';

export const AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
};

import { eventually, sleep } from '@inventory/local-stack';

export { eventually, sleep };

/** One email as the SES stand-in lists it at GET /store. */
export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/**
 * A "stock service" for the digest: a real Nest TCP microservice answering
 * stock.levels.low with whatever the test puts in `levels` (a double at the bus boundary).
 * `stop()` and `start()` take it away and bring it back on the same port.
 */
export interface StockDouble {
  url: string;
  levels: StockLevel[];
  requests: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startStockDouble(): Promise<StockDouble> {
  const port = await freePort();
  let app: INestMicroservice | undefined;
  const double: StockDouble = {
    url: `tcp://127.0.0.1:${port}`,
    levels: [],
    requests: 0,
    async start() {
      app = await NestFactory.createMicroservice<MicroserviceOptions>(StockDoubleModule, {
        transport: Transport.TCP,
        options: { host: '127.0.0.1', port },
        logger: false,
      });
      await app.listen();
    },
    async stop() {
      await app?.close();
      app = undefined;
    },
  };
  @Controller()
  class StockLevelsController {
    @MessagePattern(ListLowStock.pattern)
    low(): StockLevel[] {
      double.requests++;
      return double.levels;
    }
  }
  @Module({ controllers: [StockLevelsController] })
  class StockDoubleModule {}
  await double.start();
  return double;
}

export const stockLevel = (fields: Partial<StockLevel> & { name: string; sku: string }) => ({
  productId: randomUUID(),
  onHand: 1,
  reorderLevel: 5,
  status: 'low' as const,
  location: null,
  lastMovementAt: null,
  ...fields,
});

/**
 * An SES "sandbox" in front of the SES stand-in: like SES before production access, it
 * refuses mail to addresses that are not verified with SES's own answer (400
 * MessageRejected), and passes everything else on. It can also be made slow, and counts
 * the SendEmail requests it saw.
 */
export interface SesSandbox {
  endpoint: string;
  verified: Set<string>;
  delayMs: number;
  requests: { to: string[] }[];
  /** Called when a SendEmail request arrives (before any delay). */
  onRequest?: () => void;
  close(): Promise<void>;
}

export async function startSesSandbox(target: string, verified: string[]): Promise<SesSandbox> {
  const port = await freePort();
  const sandbox: SesSandbox = {
    endpoint: `http://127.0.0.1:${port}`,
    verified: new Set(verified.map((v) => v.toLowerCase())),
    delayMs: 0,
    requests: [],
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.method === 'POST' && req.url === '/v2/email/outbound-emails') {
        const request = JSON.parse(body) as { Destination?: { ToAddresses?: string[] } };
        const to = request.Destination?.ToAddresses ?? [];
        sandbox.requests.push({ to });
        sandbox.onRequest?.();
        const unverified = to.filter((address) => !sandbox.verified.has(address.toLowerCase()));
        if (unverified.length > 0) {
          res.writeHead(400, {
            'content-type': 'application/json',
            'x-amzn-errortype': 'MessageRejected',
          });
          res.end(
            JSON.stringify({
              message: `Email address is not verified. The following identities failed the check in region US-EAST-1: ${unverified.join(', ')}`,
            }),
          );
          return;
        }
        if (sandbox.delayMs > 0) await sleep(sandbox.delayMs);
      }
      const answer = await fetch(`${target}${req.url}`, {
        method: req.method,
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(
            (entry): entry is [string, string] =>
              typeof entry[1] === 'string' && !['host', 'content-length'].includes(entry[0]),
          ),
        ),
        body: ['GET', 'HEAD'].includes(req.method ?? 'GET') ? undefined : body,
      });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
      res.end(await answer.text());
    })().catch((error: unknown) => {
      res.writeHead(502);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  sandbox.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return sandbox;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

export interface ServiceOptions {
  env?: Record<string, string>;
  /** Where the SES client sends to (default: the SES stand-in). */
  sesEndpoint?: string;
}

/**
 * Real Postgres (a database of its own), the SQS and SES stand-ins, a stock double on the
 * bus, and the notification service itself: the same AppModule as production, its bus on
 * a free TCP port, its AWS clients pointed at the stand-ins.
 */
export class NotificationFixture {
  app!: INestApplication;
  config!: NotificationConfig;
  /** The environment the service was started with (for running its CLI against it). */
  env!: Record<string, string>;
  /** A client of the service's bus, as the gateway would use it. */
  bus!: ServiceBus;
  private started = false;

  private constructor(
    readonly database: TestDatabase,
    readonly db: DataSource,
    readonly sqsStandIn: StandIn,
    readonly sesStandIn: StandIn,
    readonly sqs: SQSClient,
    readonly queueUrls: Record<string, string>,
    readonly stock: StockDouble,
  ) {}

  static async create(options: ServiceOptions = {}): Promise<NotificationFixture> {
    const database = await createTestDatabase('notification');
    const sqs = sqsStandIn(await freePort());
    const ses = sesStandIn(await freePort());
    await Promise.all([sqs.start(), ses.start()]);
    const queueUrls = await createQueues(sqs.endpoint, '', AWS);
    const sqsClient = new SQSClient({
      ...AWS,
      endpoint: sqs.endpoint,
      requestHandler: { requestTimeout: 30_000 },
    });
    const stock = await startStockDouble();
    const db = new DataSource({
      type: 'postgres',
      url: database.url,
      poolSize: 4,
      extra: { options: '-c search_path=notification,public' },
    });
    const fixture = new NotificationFixture(database, db, sqs, ses, sqsClient, queueUrls, stock);
    await fixture.start(options);
    await db.initialize();
    return fixture;
  }

  /** Starts (or restarts) the service on the same database and stand-ins. */
  async start(options: ServiceOptions = {}): Promise<void> {
    if (this.started) await this.stop();
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: this.database.url,
      BUS_HOST: '127.0.0.1',
      BUS_PORT: String(await freePort()),
      HEALTH_PORT: String(await freePort()),
      STOCK_SERVICE_URL: this.stock.url,
      SES_FROM: 'alerts@inventory.test',
      PUBLIC_URL: 'http://inventory.test',
      ALERT_RECIPIENTS: 'stores@inventory.test, lab@inventory.test',
      DIGEST_ENABLED: 'false',
      ...options.env,
    };
    const config = loadConfig(NotificationConfig, env, configOptions);
    config.NOTIFICATION_SERVICE_URL = `tcp://127.0.0.1:${config.BUS_PORT}`;
    this.env = env;
    await migrateSchema(config, notificationDatabase);
    const ses = new SESv2Client({
      ...AWS,
      endpoint: options.sesEndpoint ?? this.sesStandIn.endpoint,
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 2000, requestTimeout: 5000 },
    });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
      .overrideProvider(SQS_POLLER)
      .useValue(this.sqs)
      .overrideProvider(SQS_PUBLISHER)
      .useValue(this.sqs)
      .overrideProvider(SESV2_CLIENT)
      .useValue(ses)
      .compile();
    const app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: ['error'] });
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new ServiceExceptionFilter('notification'));
    app.useGlobalInterceptors(new BusContextInterceptor());
    app.connectMicroservice(busServerOptions(config, 'notification'), { inheritAppConfig: true });
    app.enableShutdownHooks();
    await app.startAllMicroservices();
    await app.listen(config.HEALTH_PORT, '127.0.0.1');
    this.app = app;
    this.config = config;
    this.bus = new ServiceBus(config);
    this.started = true;
    await eventually('the service to consume both queues', async () => {
      const health = await fetch(`http://127.0.0.1:${config.HEALTH_PORT}/health`);
      return health.status === 200;
    });
  }

  /** Stops the service the way SIGTERM does (graceful shutdown). */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.bus.onApplicationShutdown();
    await this.app.close();
  }

  async close(): Promise<void> {
    await this.stop();
    this.sqs.destroy();
    await this.stock.stop();
    await Promise.all([this.sqsStandIn.stop(), this.sesStandIn.stop()]);
    await this.db.destroy();
    await this.database.drop();
  }

  /** Puts an event (or any body, for poison tests) on a queue. */
  async publish(queue: string, body: EventEnvelope | string): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrls[queue],
        MessageBody: typeof body === 'string' ? body : JSON.stringify(body),
        ...(typeof body === 'string'
          ? {}
          : { MessageAttributes: { type: { DataType: 'String', StringValue: body.type } } }),
      }),
    );
  }

  async publishMany(queue: string, events: EventEnvelope[]): Promise<void> {
    for (let i = 0; i < events.length; i += 10) {
      await this.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrls[queue],
          Entries: events.slice(i, i + 10).map((event, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify(event),
            MessageAttributes: { type: { DataType: 'String', StringValue: event.type } },
          })),
        }),
      );
    }
  }

  /** Reads (and deletes) what is visible in a queue right now. */
  async drain(queueUrl: string): Promise<Message[]> {
    const all: Message[] = [];
    for (;;) {
      const { Messages = [] } = await this.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
        }),
      );
      if (Messages.length === 0) return all;
      all.push(...Messages);
      await this.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
        }),
      );
    }
  }

  /** Mail the SES stand-in accepted, oldest first. */
  async sentMail(): Promise<StoredEmail[]> {
    const answer = await fetch(`${this.sesStandIn.endpoint}/store`);
    const { emails } = (await answer.json()) as { emails: StoredEmail[] };
    return emails;
  }

  async clearMail(): Promise<void> {
    await fetch(`${this.sesStandIn.endpoint}/clear-store`, { method: 'POST' });
  }

  /** Sends a bus request to the service as an admin signed in at the gateway would. */
  ask<T>(
    request: AnyBusRequestType,
    data: unknown,
    actor = { userId: randomUUID(), role: 'admin' },
  ) {
    return RequestContext.run(
      { correlationId: `test-${randomUUID()}`, actor: actor as never },
      () => this.bus.send(request, data, { timeoutMs: 20_000 }) as Promise<T>,
    );
  }

  /** The email log as stored, oldest first. */
  emailLog(): Promise<
    {
      kind: string;
      status: string;
      recipients: string[];
      subject: string;
      event_id: string | null;
      ses_message_id: string | null;
      error: string | null;
      correlation_id: string | null;
    }[]
  > {
    return this.db.query('SELECT * FROM email_log ORDER BY at, id');
  }
}

/** An event envelope as a producer's outbox writes it. */
export function envelope<T>(
  type: string,
  payload: T,
  fields: Partial<Omit<EventEnvelope, 'payload'>> = {},
): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'stock',
    correlationId: `corr-${randomUUID()}`,
    payload,
    ...fields,
  };
}
