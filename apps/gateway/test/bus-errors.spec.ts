import { Controller, Get, type INestMicroservice, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
import { busRequest, type RequestMeta } from '@inventory/contracts';
import {
  BusContextInterceptor,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  RequestContext,
  ServiceBus,
  ServiceExceptionFilter,
  UnprocessableError,
} from '@inventory/platform';
import { freePort } from '@inventory/local-stack';
import { AppModule } from '../src/app.module';
import { ADMIN, captureLogs, expectErrorShape, startGateway, type TestGateway } from './support';

const PROBE = busRequest<{ kind: string }, unknown>('catalog.test.probe', 'catalog');

/** Stands for a service: answers the probe pattern the way a real handler would fail. */
@Controller()
class ProbeHandlers {
  @MessagePattern(PROBE.pattern)
  handle(@Payload('data') data: { kind: string }, @Payload('meta') meta: RequestMeta) {
    switch (data.kind) {
      case 'not-found':
        throw new NotFoundError('No product with id 7');
      case 'conflict':
        throw new ConflictError('Not enough stock: 3 on hand, 5 asked for', [
          { field: 'quantity', message: 'quantity exceeds the 3 on hand' },
        ]);
      case 'unprocessable':
        throw new UnprocessableError('This Idempotency-Key was used with another body');
      case 'invalid':
        throw new InvalidInputError('Invalid request: sku', [
          { field: 'sku', message: 'sku must be unique' },
        ]);
      case 'crash':
        throw new Error('relation "stock_items" does not exist at query.ts:42');
      case 'hang':
        return new Promise(() => undefined);
      default:
        return { meta, context: RequestContext.current() };
    }
  }
}

@Module({ controllers: [ProbeHandlers] })
class ProbeServiceModule {}

/** Test-only gateway routes that call the stand-in service through the real ServiceBus. */
@Controller('probe')
class BusProbeController {
  constructor(private readonly bus: ServiceBus) {}

  @Get('bus/:kind')
  probe(@Param('kind') kind: string) {
    return this.bus.send(PROBE, { kind });
  }

  @Get('crash')
  crash() {
    throw new Error('could not read gateway.users', {
      cause: new Error('connection terminated unexpectedly'),
    });
  }
}

async function startProbeService(port: number): Promise<INestMicroservice> {
  const service = await NestFactory.createMicroservice(ProbeServiceModule, {
    transport: Transport.TCP,
    options: { host: '127.0.0.1', port },
    logger: false,
  });
  service.useGlobalFilters(new ServiceExceptionFilter('catalog'));
  service.useGlobalInterceptors(new BusContextInterceptor());
  await service.listen();
  return service;
}

const BUS_TIMEOUT_MS = 600;

describe('errors from services over the bus (a real Nest microservice on TCP)', () => {
  let gw: TestGateway;
  let service: INestMicroservice | undefined;
  let servicePort: number;
  let token: string;

  beforeAll(async () => {
    servicePort = await freePort();
    service = await startProbeService(servicePort);
    gw = await startGateway({
      env: {
        CATALOG_SERVICE_URL: `tcp://127.0.0.1:${servicePort}`,
        BUS_TIMEOUT_MS: String(BUS_TIMEOUT_MS),
      },
      module: (config) => ({
        module: class ProbeGatewayModule {},
        imports: [AppModule.forRoot(config)],
        controllers: [BusProbeController],
      }),
    });
    token = (await gw.login(ADMIN.email, ADMIN.password)).token;
  });

  afterAll(async () => {
    await service?.close();
    await gw?.close();
  });

  const probe = (kind: string, headers: Record<string, string> = {}) =>
    gw.request('GET', `/api/v1/probe/bus/${kind}`, { token, headers });

  it('passes the correlation id and the signed-in actor to the service', async () => {
    const me = await gw.request('GET', '/api/v1/me', { token });
    const answer = await probe('echo', { 'X-Request-Id': 'trace-actor-7' });
    expect(answer.status).toBe(200);
    expect(answer.body.meta).toEqual({
      correlationId: 'trace-actor-7',
      actor: { userId: me.body.id, role: 'admin', email: me.body.email },
      origin: 'api',
    });
    expect(answer.body.context).toEqual(answer.body.meta);
  });

  it.each([
    ['not-found', 404, 'Not Found', 'No product with id 7'],
    ['conflict', 409, 'Conflict', 'Not enough stock: 3 on hand, 5 asked for'],
    [
      'unprocessable',
      422,
      'Unprocessable Entity',
      'This Idempotency-Key was used with another body',
    ],
    ['invalid', 400, 'Bad Request', 'Invalid request: sku'],
  ])('answers a service %s as %i in the standard shape', async (kind, status, error, message) => {
    const answer = await probe(kind, { 'X-Request-Id': `trace-${kind}` });
    expectErrorShape(answer, status);
    expect(answer.body).toEqual(
      expect.objectContaining({
        statusCode: status,
        error,
        message,
        correlationId: `trace-${kind}`,
      }),
    );
  });

  it('keeps the details of a service error', async () => {
    const answer = await probe('conflict');
    expect(answer.body.details).toEqual([
      { field: 'quantity', message: 'quantity exceeds the 3 on hand' },
    ]);
  });

  it('answers a service that crashed with a message that reveals nothing internal', async () => {
    const answer = await probe('crash');
    expectErrorShape(answer, 500);
    expect(answer.body.message).toBe('The catalog service failed to handle the request');
    expect(JSON.stringify(answer.body)).not.toContain('stock_items');
  });

  it('answers an unexpected gateway error with a generic 500: no message, cause or stack leaks', async () => {
    const logs = captureLogs();
    const answer = await gw.request('GET', '/api/v1/probe/crash', { token }).finally(logs.stop);
    // The operator gets the whole story, under the same correlation id.
    expect(logs.events('http.unhandled_error')).toEqual([
      expect.objectContaining({
        level: 'error',
        fields: expect.objectContaining({
          route: 'GET /api/v1/probe/crash',
          causes: [
            'Error: could not read gateway.users',
            'Error: connection terminated unexpectedly',
          ],
        }),
      }),
    ]);
    expectErrorShape(answer, 500);
    expect(answer.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: expect.stringContaining('logged with this correlationId'),
      correlationId: answer.headers.get('x-request-id'),
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/gateway\.users|terminated|\.ts:/);
  });

  it('answers 504 with a clear message when the service does not answer in time', async () => {
    const answer = await probe('hang');
    expectErrorShape(answer, 504);
    expect(answer.body.message).toBe(
      `The catalog service did not answer within ${BUS_TIMEOUT_MS} ms`,
    );
    expect(answer.ms).toBeGreaterThanOrEqual(BUS_TIMEOUT_MS - 20);
    expect(answer.ms).toBeLessThan(BUS_TIMEOUT_MS + 1500);
  });

  it('answers 503 at once when the service is stopped, and recovers when it is back', async () => {
    await service!.close();
    service = undefined;
    for (let i = 0; i < 3; i++) {
      const answer = await probe('not-found');
      expectErrorShape(answer, 503);
      expect(answer.body.message).toBe('The catalog service is unavailable');
      expect(answer.ms).toBeLessThan(BUS_TIMEOUT_MS);
    }
    service = await startProbeService(servicePort);
    const back = await probe('not-found');
    expectErrorShape(back, 404);
  });
});
