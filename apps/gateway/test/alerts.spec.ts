import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, RpcException, Transport } from '@nestjs/microservices';
import type { OpenAPIObject } from '@nestjs/swagger';
import {
  type BusRequest,
  type DigestRunResult,
  GetAlertRecipients,
  ListEmails,
  RunDigest,
  SetAlertRecipients,
} from '@inventory/contracts';
import { freePort } from '@inventory/local-stack';
import { ADMIN, expectErrorShape, startGateway, type TestGateway } from './support';

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

  @MessagePattern(GetAlertRecipients.pattern)
  get(@Payload() request: BusRequest) {
    this.record(GetAlertRecipients.pattern, request);
    return { recipients: ['stores@example.com'], updatedAt: null, updatedBy: null };
  }

  @MessagePattern(SetAlertRecipients.pattern)
  set(@Payload() request: BusRequest<{ recipients: string[] }>) {
    this.record(SetAlertRecipients.pattern, request);
    return {
      recipients: request.data.recipients,
      updatedAt: '2026-11-24T10:00:00.000Z',
      updatedBy: 'u1',
    };
  }

  @MessagePattern(ListEmails.pattern)
  list(@Payload() request: BusRequest) {
    this.record(ListEmails.pattern, request);
    return { items: [], total: 0, page: 1, pageSize: 20 };
  }

  @MessagePattern(RunDigest.pattern)
  run(@Payload() request: BusRequest) {
    this.record(RunDigest.pattern, request);
    if ('error' in digestAnswer) throw new RpcException(digestAnswer.error);
    return digestAnswer;
  }
}

@Module({ controllers: [NotificationDouble] })
class NotificationDoubleModule {}

describe('/api/v1/alerts (the notification service answered by a bus double)', () => {
  let notification: INestMicroservice;
  let gw: TestGateway;
  let admin: string;

  beforeAll(async () => {
    const busPort = await freePort();
    notification = await NestFactory.createMicroservice(NotificationDoubleModule, {
      transport: Transport.TCP,
      options: { host: '127.0.0.1', port: busPort },
      logger: false,
    });
    await notification.listen();
    gw = await startGateway({ env: { NOTIFICATION_SERVICE_URL: `tcp://127.0.0.1:${busPort}` } });
    admin = (await gw.login(ADMIN.email, ADMIN.password)).token;
  });

  afterAll(async () => {
    await gw?.close();
    await notification?.close();
  });

  beforeEach(() => {
    asked.length = 0;
    digestAnswer = digestResult;
  });

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown, token = admin) =>
    gw.request(method, `/api/v1${url}`, { token, body });

  it('reads the recipient list from the notification service', async () => {
    const answer = await call('GET', '/alerts/recipients');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      recipients: ['stores@example.com'],
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('passes a valid list on, trimmed, with the admin as actor', async () => {
    const answer = await call('PUT', '/alerts/recipients', {
      recipients: [' stores@example.com ', 'lab@example.com'],
    });
    expect(answer.status).toBe(200);
    expect(asked).toEqual([
      {
        pattern: SetAlertRecipients.pattern,
        request: {
          meta: {
            correlationId: answer.headers.get('x-request-id'),
            actor: { userId: expect.any(String), role: 'admin', email: 'admin@lab.example' },
            origin: 'api',
          },
          data: { recipients: ['stores@example.com', 'lab@example.com'] },
        },
      },
    ]);
  });

  it('refuses an invalid address with a 400 naming it, before asking the service', async () => {
    const answer = await call('PUT', '/alerts/recipients', {
      recipients: ['stores@example.com', 'stores at example dot com'],
    });
    expectErrorShape(answer, 400);
    expect(answer.body.details).toEqual([
      {
        field: 'recipients',
        message: 'recipients must be email addresses; not valid: "stores at example dot com"',
      },
    ]);
    const unknownField = await call('PUT', '/alerts/recipients', { recipients: [], cc: [] });
    expectErrorShape(unknownField, 400);
    expect(asked).toEqual([]);
  });

  it('pages and filters the email log with numbers, refusing a page size over 100', async () => {
    const answer = await call('GET', '/alerts/emails?page=2&pageSize=5&status=failed&kind=digest');
    expect(answer.status).toBe(200);
    expect(asked[0].request.data).toEqual({
      page: 2,
      pageSize: 5,
      status: 'failed',
      kind: 'digest',
    });

    const tooBig = await call('GET', '/alerts/emails?pageSize=500');
    expectErrorShape(tooBig, 400);
    expect(tooBig.body.message).toBe('Invalid request: pageSize');
  });

  it('runs the digest with force, answering 200 with what it found and sent', async () => {
    const answer = await call('POST', '/alerts/low-stock/run', { force: true });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(digestResult);
    expect(asked[0]).toEqual({
      pattern: RunDigest.pattern,
      request: expect.objectContaining({ data: { force: true } }),
    });

    const noBody = await call('POST', '/alerts/low-stock/run');
    expect(noBody.status).toBe(200);
    expect(asked[1].request.data).toEqual({});

    expectErrorShape(await call('POST', '/alerts/low-stock/run', { force: 'yes' }), 400);
  });

  it("passes on the service's error (SES refused the digest: 502) in the one error shape", async () => {
    digestAnswer = {
      error: {
        statusCode: 502,
        error: 'Bad Gateway',
        message: 'SES refused the low-stock digest: MessageRejected: not verified',
      },
    };
    const answer = await call('POST', '/alerts/low-stock/run', {});
    expectErrorShape(answer, 502);
    expect(answer.body.message).toBe(
      'SES refused the low-stock digest: MessageRejected: not verified',
    );
  });

  it('lets only admins in', async () => {
    const staff = await gw.createUser('staff', 'alerts');
    for (const [method, url] of [
      ['GET', '/alerts/recipients'],
      ['PUT', '/alerts/recipients'],
      ['GET', '/alerts/emails'],
      ['POST', '/alerts/low-stock/run'],
    ] as const) {
      const body = method === 'GET' ? undefined : { recipients: [] };
      expectErrorShape(await call(method, url, body, staff.token), 403);
      expectErrorShape(await gw.request(method, `/api/v1${url}`), 401);
    }
    expect(asked).toEqual([]);
  });

  it('documents the routes with their request and answer schemas', async () => {
    const document: OpenAPIObject = (await gw.request('GET', '/api/docs-json')).body;
    expect(document.paths['/api/v1/alerts/recipients'].put!.requestBody).toEqual(
      expect.objectContaining({
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/AlertRecipientsDto' } },
        },
      }),
    );
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        'AlertRecipientsResponseDto',
        'EmailLogPageDto',
        'DigestRunResponseDto',
        'RunDigestDto',
      ]),
    );
  });
});
