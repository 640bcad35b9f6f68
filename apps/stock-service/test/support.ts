import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  MessagePattern,
  type MicroserviceOptions,
  Payload,
  Transport,
} from '@nestjs/microservices';
import {
  Queues,
  type Actor,
  type EventEnvelope,
  type ProductSummary,
  Role,
  type StockLevelEventPayload,
  GetProduct,
  type AnyBusRequestType,
} from '@inventory/contracts';
import {
  BusContextInterceptor,
  busServerOptions,
  createValidationPipe,
  loadConfig,
  migrateSchema,
  NotFoundError,
  RequestContext,
  ServiceBus,
  ServiceError,
  ServiceExceptionFilter,
} from '@inventory/platform';
import {
  createQueues,
  createTestDatabase,
  freePort,
  sqsStandIn,
  type StandIn,
  type TestDatabase,
} from '@inventory/local-stack';
import { Logger } from 'nestjs-pino';
import { Pool } from 'pg';
import { AppModule } from '../src/app.module';
import { configOptions } from '../src/config-options';
import { stockDatabase } from '../src/database/stock.database';
import { StockConfig } from '../src/stock.config';

const AWS = { region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' };

export const STAFF: Actor = { userId: 'user-staff-1', role: Role.Staff };
export const ADMIN: Actor = { userId: 'user-admin-1', role: Role.Admin };

/**
 * Stands in for the catalog service on the bus: answers `catalog.products.get` from a map,
 * and can be stopped and started again to play "catalog unreachable".
 */
export class CatalogStandIn {
  readonly products = new Map<string, ProductSummary>();
  /** How many times the stock service asked about each product. */
  readonly lookups = new Map<string, number>();
  private app?: INestMicroservice;

  constructor(readonly port: number) {}

  add(product: Partial<ProductSummary> = {}): ProductSummary {
    const id = product.id ?? randomUUID();
    const summary: ProductSummary = {
      id,
      sku: product.sku ?? `SKU-${id.slice(0, 8)}`,
      name: product.name ?? `Part ${id.slice(0, 8)}`,
      active: product.active ?? true,
    };
    this.products.set(id, summary);
    return summary;
  }

  /** The answer to `catalog.products.get`. */
  get(id: string): ProductSummary {
    this.lookups.set(id, (this.lookups.get(id) ?? 0) + 1);
    const product = this.products.get(id);
    if (!product) throw new NotFoundError(`Product ${id} not found`);
    return product;
  }

  async start(): Promise<void> {
    const answer = (id: string) => this.get(id);
    @Controller()
    class CatalogController {
      @MessagePattern(GetProduct.pattern)
      get(@Payload('data') data: { id: string }): ProductSummary {
        return answer(data.id);
      }
    }
    @Module({ controllers: [CatalogController] })
    class CatalogStandInModule {}
    this.app = await NestFactory.createMicroservice(CatalogStandInModule, {
      transport: Transport.TCP,
      options: { host: '127.0.0.1', port: this.port },
      logger: false,
    });
    this.app.useGlobalFilters(new ServiceExceptionFilter('catalog'));
    await this.app.listen();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
  }
}

export interface StockFixture {
  database: TestDatabase;
  config: StockConfig;
  /** Direct access to the service's tables, for assertions. */
  db: Pool;
  sqsStandIn: StandIn;
  sqs: SQSClient;
  queueUrls: Record<string, string>;
  catalog: CatalogStandIn;
  app: INestMicroservice;
  /** Sends a bus request to the stock service the way the gateway does. */
  send<T>(request: AnyBusRequestType, data: unknown, actor?: Actor): Promise<T>;
  /** Like `send`, but resolves with the `ServiceError` it failed with. */
  sendExpectingError(
    request: AnyBusRequestType,
    data: unknown,
    actor?: Actor,
  ): Promise<ServiceError>;
  close(): Promise<void>;
}

/**
 * The stock service as it runs (its real AppModule as a Nest microservice on a free TCP
 * port, with the validation, error filter and correlation context of `runService`) on a
 * database of its own, with the SQS stand-in and a catalog stand-in on the bus.
 */
export async function stockFixture(
  env: Record<string, string> = {},
  label = 'stock',
): Promise<StockFixture> {
  const database = await createTestDatabase(label);
  const sqsServer = sqsStandIn(await freePort());
  await sqsServer.start();
  const queueUrls = await createQueues(sqsServer.endpoint, '', {
    region: AWS.region,
    credentials: { accessKeyId: AWS.accessKeyId, secretAccessKey: AWS.secretAccessKey },
  });
  // The SDK reads the endpoint and credentials from the environment, as in production.
  process.env.AWS_ENDPOINT_URL_SQS = sqsServer.endpoint;
  process.env.AWS_ACCESS_KEY_ID = AWS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = AWS.secretAccessKey;

  const catalog = new CatalogStandIn(await freePort());
  await catalog.start();
  const busPort = await freePort();
  const config = loadConfig(
    StockConfig,
    {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOGS ? 'info' : 'silent',
      LOG_FORMAT: 'json',
      DATABASE_URL: database.url,
      BUS_PORT: String(busPort),
      HEALTH_PORT: String(await freePort()),
      CATALOG_SERVICE_URL: `tcp://127.0.0.1:${catalog.port}`,
      STOCK_SERVICE_URL: `tcp://127.0.0.1:${busPort}`,
      CATALOG_LOOKUP_TIMEOUT_MS: '2000',
      ...env,
    },
    configOptions,
  );
  await migrateSchema(config, stockDatabase);

  const app = await NestFactory.createMicroservice<MicroserviceOptions>(AppModule.forRoot(config), {
    ...busServerOptions(config, 'stock'),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ServiceExceptionFilter('stock'));
  app.useGlobalInterceptors(new BusContextInterceptor());
  await app.listen();

  const bus = new ServiceBus(config);
  const sqs = new SQSClient({
    region: AWS.region,
    endpoint: sqsServer.endpoint,
    credentials: { accessKeyId: AWS.accessKeyId, secretAccessKey: AWS.secretAccessKey },
    maxAttempts: 1,
  });
  const db = new Pool({
    connectionString: database.url,
    max: 4,
    options: '-c search_path=stock,public',
  });
  // An idle connection closed by the server (the database dropped at the end) is no failure;
  // a query on a broken connection still fails its test.
  db.on('error', () => undefined);

  const send = <T>(request: AnyBusRequestType, data: unknown, actor: Actor | undefined = STAFF) =>
    RequestContext.run(
      { correlationId: `test-${randomUUID()}`, actor },
      () => bus.send(request, data, { timeoutMs: 30_000 }) as Promise<T>,
    );

  return {
    database,
    config,
    db,
    sqsStandIn: sqsServer,
    sqs,
    queueUrls,
    catalog,
    app,
    send,
    async sendExpectingError(request, data, actor) {
      try {
        await send(request, data, actor);
      } catch (error) {
        if (error instanceof ServiceError) return error;
        throw error;
      }
      throw new Error(`expected ${request.pattern} to fail, but it succeeded`);
    },
    async close() {
      await bus.onApplicationShutdown();
      await app.close();
      await catalog.stop();
      sqs.destroy();
      await sqsServer.stop();
      await db.end();
      await database.drop();
    },
  };
}

/** The body of an error a service answered with. */
export function errorBody(error: ServiceError): {
  statusCode: number;
  message: string;
  details?: { field: string; message: string }[];
} {
  return error.getResponse() as ReturnType<typeof errorBody>;
}

/** Reads (and deletes) everything currently in a queue. */
export const drain = (sqs: SQSClient, queueUrl: string) => drainQueue(sqs, queueUrl, 0);

export type StockEvent = EventEnvelope<StockLevelEventPayload>;

/**
 * Collects the stock events in the queue until `done` says enough arrived, then a little
 * longer so that a duplicate or an extra event would be seen too.
 */
export async function collectStockEvents(
  fx: StockFixture,
  done: (events: StockEvent[]) => boolean,
  timeoutMs = 20_000,
): Promise<StockEvent[]> {
  const events: StockEvent[] = [];
  const url = fx.queueUrls[Queues.StockEvents];
  await eventually(
    'the stock events',
    async () => {
      events.push(...(await drain(fx.sqs, url)).map((m) => JSON.parse(m.Body!) as StockEvent));
      return done(events);
    },
    timeoutMs,
  );
  await sleep(500);
  events.push(...(await drain(fx.sqs, url)).map((m) => JSON.parse(m.Body!) as StockEvent));
  return events;
}

export async function sendCatalogEvent(fx: StockFixture, envelope: EventEnvelope): Promise<void> {
  await fx.sqs.send(
    new SendMessageCommand({
      QueueUrl: fx.queueUrls[Queues.CatalogEvents],
      MessageBody: JSON.stringify(envelope),
      MessageAttributes: { type: { DataType: 'String', StringValue: envelope.type } },
    }),
  );
}

/** True when a queue holds no message, neither waiting nor in the hands of a consumer. */
export async function queueIsEmpty(fx: StockFixture, queue: string): Promise<boolean> {
  const { Attributes = {} } = await fx.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: fx.queueUrls[queue],
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Attributes.ApproximateNumberOfMessages === '0' &&
    Attributes.ApproximateNumberOfMessagesNotVisible === '0'
  );
}

import { drainQueue, eventually, sleep } from '@inventory/local-stack';

export { eventually, sleep };

/** on hand of each product next to the sum of its ledger deltas. */
export async function ledgerTotals(
  fx: StockFixture,
): Promise<{ product_id: string; on_hand: number; ledger_sum: number; movements: number }[]> {
  const { rows } = await fx.db.query(
    `SELECT i.product_id, i.on_hand,
            coalesce(sum(m.delta), 0)::int AS ledger_sum, count(m.id)::int AS movements
       FROM stock_items i LEFT JOIN stock_movements m USING (product_id)
      GROUP BY i.product_id, i.on_hand`,
  );
  return rows;
}
