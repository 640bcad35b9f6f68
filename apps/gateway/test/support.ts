import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { type DynamicModule, Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventEnvelope } from '@inventory/contracts';
import { loadConfig, migrateSchema } from '@inventory/platform';
import {
  createQueues,
  createTestDatabase,
  freePort,
  sqsStandIn,
  type StandIn,
  type TestDatabase,
} from '@inventory/local-stack';
import { configOptions } from '../src/config-options';
import { gatewayDatabase } from '../src/database/gateway.database';
import { createGatewayApp } from '../src/gateway-app';
import { GatewayConfig } from '../src/gateway.config';

export const AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
};

export const ADMIN = { email: 'admin@lab.example', password: 'first admin of the lab 42' };
export const PUBLIC_URL = 'http://inventory.test:8080';

// Answers are JSON of every shape; tests read them freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
  ms: number;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestGateway {
  url: string;
  config: GatewayConfig;
  app: NestFastifyApplication;
  database: TestDatabase;
  sqs: SQSClient;
  sqsStandIn: StandIn;
  queueUrls: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<Answer<T>>;
  /** Signs in and returns the access token (and the whole answer). */
  login(email: string, password: string): Promise<{ token: string; refreshToken: string }>;
  /** Creates a user through the API as the first admin; returns its id and a token for it. */
  createUser(role: 'admin' | 'staff', label?: string, adminToken?: string): Promise<TestUser>;
  /** Stops the app only (database and stand-in stay), for restart tests. */
  stopApp(): Promise<void>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  /** Wraps AppModule, e.g. to add a test-only controller. */
  module?: (config: GatewayConfig) => DynamicModule;
  /** Runs after the app is configured, before it starts listening. */
  beforeListen?: (app: NestFastifyApplication) => void;
  /** Reuse a database (and SQS) of an earlier gateway: a restart. */
  reuse?: Pick<TestGateway, 'database' | 'sqsStandIn' | 'queueUrls'>;
}

let counter = 0;

/**
 * The real gateway (AppModule on Fastify, configured exactly as main.ts does) against a
 * database of its own and the SQS stand-in, listening on a free port.
 */
export async function startGateway(options: StartOptions = {}): Promise<TestGateway> {
  const database = options.reuse?.database ?? (await createTestDatabase('gateway'));
  let standIn = options.reuse?.sqsStandIn;
  let queueUrls = options.reuse?.queueUrls;
  if (!standIn) {
    standIn = sqsStandIn(await freePort());
    await standIn.start();
    queueUrls = await createQueues(standIn.endpoint, '', AWS);
  }
  // The SDK reads these itself, as in production.
  process.env.AWS_ENDPOINT_URL_SQS = standIn.endpoint;
  process.env.AWS_ACCESS_KEY_ID = AWS.credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = AWS.credentials.secretAccessKey;

  const port = await freePort();
  const config = loadConfig(
    GatewayConfig,
    {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOGS ? 'info' : 'silent',
      LOG_FORMAT: 'json',
      DATABASE_URL: database.url,
      JWT_SECRET: 'test-secret-of-at-least-thirty-two-characters',
      PUBLIC_URL,
      AWS_REGION: AWS.region,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_RATE_LIMIT: '10000',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      // Free ports nobody listens on: no service runs unless a test starts one.
      CATALOG_SERVICE_URL: `tcp://127.0.0.1:${await freePort()}`,
      STOCK_SERVICE_URL: `tcp://127.0.0.1:${await freePort()}`,
      NOTIFICATION_SERVICE_URL: `tcp://127.0.0.1:${await freePort()}`,
      ...options.env,
    },
    configOptions,
  );
  await migrateSchema(config, gatewayDatabase);
  const app = await createGatewayApp(config, options.module?.(config));
  options.beforeListen?.(app);
  try {
    await app.listen(port, '127.0.0.1');
  } catch (error) {
    await app.close().catch(() => undefined);
    if (!options.reuse) {
      await standIn.stop();
      await database.drop();
    }
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  const sqs = new SQSClient({ ...AWS, endpoint: standIn.endpoint, maxAttempts: 1 });
  let appStopped = false;

  const gateway: TestGateway = {
    url,
    config,
    app,
    database,
    sqs,
    sqsStandIn: standIn,
    queueUrls: queueUrls!,
    request: (method, path, requestOptions) => call(url, method, path, requestOptions),
    async login(email, password) {
      const answer = await gateway.request('POST', '/api/v1/auth/login', {
        body: { email, password },
      });
      if (answer.status !== 200) {
        throw new Error(
          `login of ${email} failed: ${answer.status} ${JSON.stringify(answer.body)}`,
        );
      }
      return { token: answer.body.accessToken, refreshToken: answer.body.refreshToken };
    },
    async createUser(role, label = role, adminToken) {
      const admin = {
        token: adminToken ?? (await gateway.login(ADMIN.email, ADMIN.password)).token,
      };
      const email = `${label}-${++counter}-${Date.now()}@lab.example`;
      const password = `a long enough secret ${counter}`;
      const created = await gateway.request('POST', '/api/v1/users', {
        token: admin.token,
        body: { email, displayName: `${label} ${counter}`, role, password },
      });
      if (created.status !== 201) {
        throw new Error(
          `creating ${email} failed: ${created.status} ${JSON.stringify(created.body)}`,
        );
      }
      const session = await gateway.login(email, password);
      return { id: created.body.id, email, password, ...session };
    },
    async stopApp() {
      if (appStopped) return;
      appStopped = true;
      await app.close();
    },
    async close() {
      sqs.destroy();
      await gateway.stopApp();
      if (!options.reuse) {
        await standIn.stop();
        await database.drop();
      }
    },
  };
  return gateway;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function call<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const started = Date.now();
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return {
    status: response.status,
    body: body as T,
    headers: response.headers,
    ms: Date.now() - started,
  };
}

/** Reads (and deletes) what arrives on a queue until `enough` says so or the time is up. */
export async function receive(
  sqs: SQSClient,
  queueUrl: string,
  enough: (events: EventEnvelope[]) => boolean,
  timeoutMs = 10_000,
): Promise<EventEnvelope[]> {
  const events: EventEnvelope[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!enough(events) && Date.now() < deadline) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
      }),
    );
    events.push(...Messages.map((message: Message) => JSON.parse(message.Body!) as EventEnvelope));
    if (Messages.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
        }),
      );
    }
  }
  return events;
}

/** The standard error shape, checked field by field. */
export function expectErrorShape(answer: Answer, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual(
    expect.objectContaining({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
      correlationId: answer.headers.get('x-request-id'),
    }),
  );
  expect(Object.keys(answer.body).sort()).toEqual(
    expect.arrayContaining(['correlationId', 'error', 'message', 'statusCode']),
  );
  for (const key of Object.keys(answer.body)) {
    expect(['statusCode', 'error', 'message', 'details', 'correlationId']).toContain(key);
  }
  expect(JSON.stringify(answer.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

export interface LoggedLine {
  level: 'log' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: unknown;
}

/**
 * Records what the app logs through Nest's Logger (which the app routes to pino): the
 * structured fields and the message of each line, while the test runs.
 */
export function captureLogs(): {
  lines: LoggedLine[];
  events(name: string): LoggedLine[];
  stop(): void;
} {
  const lines: LoggedLine[] = [];
  const spies = (['log', 'warn', 'error'] as const).map((level) =>
    jest.spyOn(Logger.prototype, level).mockImplementation(function (
      this: Logger,
      first: unknown,
      ...rest: unknown[]
    ) {
      lines.push({
        level,
        fields:
          typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : {},
        message: typeof first === 'object' ? rest[0] : first,
      });
    }),
  );
  return {
    lines,
    events: (name) => lines.filter((line) => line.fields.event === name),
    stop: () => spies.forEach((spy) => spy.mockRestore()),
  };
}
