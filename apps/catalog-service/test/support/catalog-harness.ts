import { crc32, deflateSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import {
  type Actor,
  CatalogEvents,
  type EventEnvelope,
  type ProductEventPayload,
  type ProductsImportedPayload,
  Queues,
  Role,
  type AnyBusRequestType,
} from '@inventory/contracts';
import {
  createQueues,
  createTestDatabase,
  freePort,
  startNatsServer,
  s3StandIn,
  sqsStandIn,
  type StandIn,
  type TestDatabase,
} from '@inventory/local-stack';
import {
  AppBaseConfig,
  BusContextInterceptor,
  busServerOptions,
  createValidationPipe,
  loadConfig,
  migrateSchema,
  RequestContext,
  ServiceBus,
  ServiceError,
  ServiceExceptionFilter,
} from '@inventory/platform';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { CatalogConfig } from '../../src/catalog.config';
import { configOptions } from '../../src/config-options';
import { catalogDatabase } from '../../src/database/catalog.database';
import { type FakeStock, startFakeStock } from './fake-stock';

export const BUCKET = 'catalog-test-media';
export const AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
};

export const admin: Actor = { userId: '7b0c56f4-1d0e-4d8e-9a53-5a0e4d1f6c01', role: Role.Admin };

export interface CatalogHarness {
  config: CatalogConfig;
  app: INestApplication;
  /** For assertions on the tables (search_path: catalog). */
  db: DataSource;
  s3: StandIn;
  s3Client: S3Client;
  sqs: StandIn;
  stock: FakeStock;
  /** A bus request the way the gateway sends it, as `actor` (the admin by default). */
  send<T>(request: AnyBusRequestType, data: unknown, actor?: Actor | null): Promise<T>;
  /** A bus request expected to fail: the error the gateway would receive. */
  fail(request: AnyBusRequestType, data: unknown, actor?: Actor | null): Promise<ServiceError>;
  /**
   * Catalog events published to SQS so far (taken off the queue); a `products.imported`
   * event appears as one entry per product, with `batch` set to its id.
   */
  events(): Promise<(EventEnvelope<ProductEventPayload> & { batch?: string })[]>;
  close(): Promise<void>;
}

/**
 * The catalog service as it runs in production — the real AppModule, listening on a TCP
 * bus port, with the platform's validation, error filter and correlation context — against
 * a database of its own, the S3 and SQS stand-ins and a stand-in stock service.
 */
export async function startCatalog(
  env: Record<string, string> = {},
  options: { nats?: boolean } = {},
): Promise<CatalogHarness> {
  const database: TestDatabase = await createTestDatabase('catalog');
  // A private NATS server (two test runs on one server would answer each other's requests).
  const nats = options.nats ? await startNatsServer(await freePort()) : undefined;
  const s3Dir = mkdtempSync(join(tmpdir(), 'catalog-s3-'));
  const s3 = s3StandIn(await freePort(), s3Dir, [BUCKET]);
  const sqs = sqsStandIn(await freePort());
  await Promise.all([s3.start(), sqs.start()]);
  const queueUrls = await createQueues(sqs.endpoint, '', AWS);
  const stock = await startFakeStock();

  // The AWS SDK reads endpoints and credentials from the environment, as in production.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
    AWS_ACCESS_KEY_ID: AWS.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: AWS.credentials.secretAccessKey,
  });
  const busPort = await freePort();
  const config = loadConfig(
    CatalogConfig,
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      BUS_PORT: String(busPort),
      HEALTH_PORT: String(await freePort()),
      S3_BUCKET: BUCKET,
      S3_FORCE_PATH_STYLE: 'true',
      STOCK_SERVICE_URL: stock.url,
      BUS_TIMEOUT_MS: '10000',
      ...(nats ? { NATS_URL: nats.url } : {}),
      ...env,
    },
    configOptions,
  );
  await migrateSchema(config, catalogDatabase);

  const app = await NestFactory.create(AppModule.forRoot(config), new FastifyAdapter(), {
    logger: ['error'],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ServiceExceptionFilter('catalog'));
  app.useGlobalInterceptors(new BusContextInterceptor());
  app.connectMicroservice(busServerOptions(config, 'catalog'), { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.init();

  const clientConfig = Object.assign(new AppBaseConfig(), {
    CATALOG_SERVICE_URL: `tcp://127.0.0.1:${busPort}`,
    NATS_URL: nats?.url,
    BUS_TIMEOUT_MS: 30_000,
  });
  const bus = new ServiceBus(clientConfig);
  const db = new DataSource({
    type: 'postgres',
    url: database.url,
    poolSize: 2,
    extra: { options: '-c search_path=catalog,public' },
  });
  await db.initialize();
  const s3Client = new S3Client({ ...AWS, endpoint: s3.endpoint, forcePathStyle: true });
  const sqsClient = new SQSClient({ ...AWS, endpoint: sqs.endpoint });

  const send = <T>(request: AnyBusRequestType, data: unknown, actor: Actor | null = admin) =>
    RequestContext.run(
      { correlationId: `test-${randomUUID()}`, actor: actor ?? undefined },
      () => bus.send(request, data) as Promise<T>,
    );

  return {
    config,
    app,
    db,
    s3,
    s3Client,
    sqs,
    stock,
    send,
    async fail(request, data, actor) {
      try {
        await send(request, data, actor);
      } catch (error) {
        if (error instanceof ServiceError) return error;
        throw error;
      }
      throw new Error(`${request.pattern} succeeded but was expected to fail`);
    },
    async events() {
      const messages = await drain(sqsClient, queueUrls[Queues.CatalogEvents]);
      return messages.flatMap((m) => {
        const envelope = JSON.parse(m.Body!) as EventEnvelope;
        if (envelope.type !== CatalogEvents.ProductsImported) {
          return [envelope as EventEnvelope<ProductEventPayload>];
        }
        // An import's event: one entry per product, as its own event would have been.
        return (envelope.payload as ProductsImportedPayload).products.map((item) => ({
          ...envelope,
          type: item.type,
          payload: item.product,
          batch: envelope.id,
        }));
      });
    },
    async close() {
      await bus.onApplicationShutdown();
      await app.close();
      await stock.stop();
      await db.destroy();
      s3Client.destroy();
      sqsClient.destroy();
      await Promise.all([s3.stop(), sqs.stop(), nats?.stop()]);
      await database.drop();
      rmSync(s3Dir, { recursive: true, force: true });
    },
  };
}

async function drain(sqs: SQSClient, queueUrl: string): Promise<Message[]> {
  const all: Message[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
      }),
    );
    if (Messages.length === 0) return all;
    all.push(...Messages);
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
      }),
    );
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result = await check();
    if (result) return result;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Small files that are what they say, by their whole header (see file-formats.ts), padded
 * to the size wanted: a 1×1 PNG, a JPEG up to its frame header, a lossless WebP, a PDF with
 * its end-of-file marker.
 */
export const files = {
  png: (size = 256) => {
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([length, body, crc]);
    };
    const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.from([0, 0xff, 0x80, 0]))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    return pad(png, size);
  },
  jpeg: (size = 256) =>
    pad(
      Buffer.from([
        ...[0xff, 0xd8],
        ...[0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
        ...[0xff, 0xc0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0],
      ]),
      size,
    ),
  webp: (size = 256) => {
    const head = Buffer.alloc(21);
    head.write('RIFF', 0, 'latin1');
    head.writeUInt32LE(size - 8, 4);
    head.write('WEBPVP8L', 8, 'latin1');
    head.writeUInt32LE(size - 20, 16);
    head[20] = 0x2f;
    return pad(head, size);
  },
  pdf: (size = 256) => {
    const file = pad(Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'), size);
    file.write('\n%%EOF\n', size - 7, 'latin1');
    return file;
  },
  text: (size = 256) => pad(Buffer.from('just some text, not a picture\n'), size),
};

function pad(head: Buffer, size: number): Buffer {
  const file = Buffer.alloc(size, 0x20);
  head.copy(file, 0, 0, Math.min(head.length, size));
  return file;
}
