import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { MessagePattern, Payload, RpcException, Transport } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import {
  NotificationPatterns,
  Role,
  type BusRequest,
  type DigestRunResult,
} from '@inventory/contracts';
import { freePort } from '@inventory/local-stack';
import {
  BusModule,
  ConfigModule,
  correlationMiddleware,
  createValidationPipe,
  loadConfig,
} from '@inventory/platform';
import { AlertsHttpController } from '../src/alerts/alerts.http.controller';
import { AlertsModule } from '../src/alerts/alerts.module';
import { REQUIRED_ROLES } from '../src/auth/auth.decorators';
import { configOptions } from '../src/config-options';
import { GatewayConfig } from '../src/gateway.config';

/** What the "notification service" on the other end of the bus was asked. */
const asked: { pattern: string; request: BusRequest }[] = [];
let digestAnswer:
  DigestRunResult | { error: { statusCode: number; error: string; message: string } };

const digestResult: DigestRunResult = {
  runId: '6c1f0b5e-6f0e-4d2c-8f57-3b8f3f1f2a10',
  status: 'sent',
  runDate: '2026-11-24',
  timeZone: 'UTC',
  forced: true,
  items: [
    {
      productId: '0b1d2c3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      sku: 'MCU-ESP-32',
      name: 'ESP32 DevKit',
      onHand: 8,
      reorderLevel: 10,
    },
  ],
  recipients: ['stores@example.com'],
  subject: 'Low Stock Alert - 1 Item Needs Restocking',
  sesMessageId: 'ses-1',
  previouslySentAt: null,
};

/** A double of the notification service at the bus boundary: a real Nest TCP microservice. */
@Controller()
class NotificationDouble {
  private record(pattern: string, request: BusRequest) {
    asked.push({ pattern, request });
  }

  @MessagePattern(NotificationPatterns.recipientsGet)
  get(@Payload() request: BusRequest) {
    this.record(NotificationPatterns.recipientsGet, request);
    return { recipients: ['stores@example.com'], updatedAt: null, updatedBy: null };
  }

  @MessagePattern(NotificationPatterns.recipientsSet)
  set(@Payload() request: BusRequest<{ recipients: string[] }>) {
    this.record(NotificationPatterns.recipientsSet, request);
    return {
      recipients: request.data.recipients,
      updatedAt: '2026-11-24T10:00:00.000Z',
      updatedBy: 'u1',
    };
  }

  @MessagePattern(NotificationPatterns.emailsList)
  list(@Payload() request: BusRequest) {
    this.record(NotificationPatterns.emailsList, request);
    return { items: [], total: 0, page: 1, pageSize: 20 };
  }

  @MessagePattern(NotificationPatterns.digestRun)
  run(@Payload() request: BusRequest) {
    this.record(NotificationPatterns.digestRun, request);
    if ('error' in digestAnswer) throw new RpcException(digestAnswer.error);
    return digestAnswer;
  }
}

@Module({ controllers: [NotificationDouble] })
class NotificationDoubleModule {}

describe('gateway /api/v1/alerts (notification service answered by a bus double)', () => {
  let notification: INestMicroservice;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const busPort = await freePort();
    notification = await NestFactory.createMicroservice(NotificationDoubleModule, {
      transport: Transport.TCP,
      options: { host: '127.0.0.1', port: busPort },
      logger: false,
    });
    await notification.listen();

    const config = loadConfig(
      GatewayConfig,
      { NOTIFICATION_SERVICE_URL: `tcp://127.0.0.1:${busPort}` },
      configOptions,
    );
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), BusModule, AlertsModule],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      logger: false,
    });
    app.use(correlationMiddleware);
    app.setGlobalPrefix('api/v1');
    app.useGlobalPipes(createValidationPipe());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await notification?.close();
  });

  beforeEach(() => {
    asked.length = 0;
    digestAnswer = digestResult;
  });

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url: `/api/v1${url}`, payload: payload as object });

  it('reads the recipient list from the notification service', async () => {
    const response = await call('GET', '/alerts/recipients');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      recipients: ['stores@example.com'],
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('passes a valid list on, trimmed', async () => {
    const response = await call('PUT', '/alerts/recipients', {
      recipients: [' stores@example.com ', 'lab@example.com'],
    });
    expect(response.statusCode).toBe(200);
    expect(asked).toEqual([
      {
        pattern: NotificationPatterns.recipientsSet,
        request: {
          meta: { correlationId: expect.any(String) },
          data: { recipients: ['stores@example.com', 'lab@example.com'] },
        },
      },
    ]);
  });

  it('refuses an invalid address with a 400 naming it, before asking the service', async () => {
    const response = await call('PUT', '/alerts/recipients', {
      recipients: ['stores@example.com', 'stores at example dot com'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(
      expect.objectContaining({
        message: 'Invalid request: recipients',
        details: [
          {
            field: 'recipients',
            message: 'recipients must be email addresses; not valid: "stores at example dot com"',
          },
        ],
      }),
    );
    const unknownField = await call('PUT', '/alerts/recipients', { recipients: [], cc: [] });
    expect(unknownField.statusCode).toBe(400);
    expect(asked).toEqual([]);
  });

  it('pages and filters the email log with numbers, refusing a page size over 100', async () => {
    const response = await call(
      'GET',
      '/alerts/emails?page=2&pageSize=5&status=failed&kind=digest',
    );
    expect(response.statusCode).toBe(200);
    expect(asked[0].request.data).toEqual({
      page: 2,
      pageSize: 5,
      status: 'failed',
      kind: 'digest',
    });

    const tooBig = await call('GET', '/alerts/emails?pageSize=500');
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().message).toBe('Invalid request: pageSize');
  });

  it('runs the digest with force, answering 200 with what it found and sent', async () => {
    const response = await call('POST', '/alerts/low-stock/run', { force: true });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(digestResult);
    expect(asked[0]).toEqual({
      pattern: NotificationPatterns.digestRun,
      request: expect.objectContaining({ data: { force: true } }),
    });

    const noBody = await call('POST', '/alerts/low-stock/run');
    expect(noBody.statusCode).toBe(200);
    expect(asked[1].request.data).toEqual({});

    const notABoolean = await call('POST', '/alerts/low-stock/run', { force: 'yes' });
    expect(notABoolean.statusCode).toBe(400);
  });

  it("passes on the service's error status (SES refused the digest: 502)", async () => {
    digestAnswer = {
      error: {
        statusCode: 502,
        error: 'Bad Gateway',
        message: 'SES refused the low-stock digest: MessageRejected: not verified',
      },
    };
    const response = await call('POST', '/alerts/low-stock/run', {});
    expect(response.statusCode).toBe(502);
    expect(response.json().message).toBe(
      'SES refused the low-stock digest: MessageRejected: not verified',
    );
  });

  it('is for admins only, on every route', () => {
    const reflector = new Reflector();
    const routes = ['getRecipients', 'setRecipients', 'listEmails', 'runDigest'] as const;
    for (const route of routes) {
      expect([route, reflector.get(REQUIRED_ROLES, AlertsHttpController.prototype[route])]).toEqual(
        [route, [Role.Admin]],
      );
    }
  });

  it('documents every route with its body, answer and errors', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const paths = document.paths;
    expect(
      Object.keys(paths)
        .filter((p) => p.includes('alerts'))
        .sort(),
    ).toEqual([
      '/api/v1/alerts/emails',
      '/api/v1/alerts/low-stock/run',
      '/api/v1/alerts/recipients',
    ]);
    const put = paths['/api/v1/alerts/recipients'].put!;
    expect(put.requestBody).toBeDefined();
    expect(Object.keys(put.responses).sort()).toEqual(['200', '400', '401', '403', '503', '504']);
    expect(Object.keys(paths['/api/v1/alerts/low-stock/run'].post!.responses)).toContain('502');
    const schemas = document.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        'AlertRecipientsDto',
        'AlertRecipientsResponseDto',
        'EmailLogPageDto',
        'DigestRunResponseDto',
        'RunDigestDto',
      ]),
    );
  });
});
