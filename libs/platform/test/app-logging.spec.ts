import {
  Controller,
  type DynamicModule,
  Get,
  Injectable,
  Module,
  type OnApplicationShutdown,
  Param,
} from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LogsDouble } from '@inventory/local-stack';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { AppLifecycle } from '../src/bootstrap/app-lifecycle';
import { createFastifyApp, logStarted } from '../src/bootstrap/create-app';
import { AppBaseConfig } from '../src/config/base.config';
import { ConfigModule } from '../src/config/config.module';
import { loadConfig } from '../src/config/load-config';
import { correlationMiddleware } from '../src/context/correlation.middleware';
import { ServiceExceptionFilter } from '../src/errors/service-exception.filter';
import { logHttpRequests } from '../src/logging/http-request-log';
import { LogDestination } from '../src/logging/log-destination';
import { LoggingModule } from '../src/logging/logging.module';
import { recordHttpMetrics } from '../src/metrics/http-metrics';
import { MetricNames, MetricsService } from '../src/metrics/metrics.service';
import { emfProblems, startLogsDouble, TEST_AWS_ENV } from './logs-support';
import { eventually } from './support';
import { freePort } from '@inventory/local-stack';

interface Line {
  level: string;
  service: string;
  instance: string;
  correlationId?: string;
  event?: string;
  msg?: string;
  [field: string]: unknown;
}

const GROUP = '/test/app-logging';

@Controller('items')
class ItemsController {
  constructor(
    private readonly metrics: MetricsService,
    @InjectPinoLogger('Items') private readonly logger: PinoLogger,
  ) {}

  @Get('broken')
  broken(): never {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    throw new Error('could not read the item', {
      cause: new Error('query failed', { cause: refused }),
    });
  }

  @Get(':id')
  read(@Param('id') id: string) {
    this.logger.info({ event: 'item.read', id }, 'item read');
    this.metrics.count(MetricNames.StockMovements);
    return { id };
  }
}

/** Something that logs while the app stops, like the outbox relay or the SQS consumers. */
@Injectable()
class LastWords implements OnApplicationShutdown {
  constructor(@InjectPinoLogger('LastWords') private readonly logger: PinoLogger) {}

  onApplicationShutdown(): void {
    this.logger.info({ event: 'test.last_words' }, 'last words');
  }
}

describe('an app logging to the console and CloudWatch (HTTP double), with EMF metrics', () => {
  let logs: LogsDouble;
  let app: NestFastifyApplication;
  let url: string;
  const consoleLines: string[] = [];
  const savedEnv = { ...process.env };

  const records = () => logs.records<Line>(GROUP);
  const find = (predicate: (line: Line) => boolean) => records().find(predicate);

  beforeAll(async () => {
    logs = await startLogsDouble();
    Object.assign(process.env, TEST_AWS_ENV, { AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: logs.endpoint });
    const config = loadConfig(
      AppBaseConfig,
      {
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        DATABASE_URL: 'postgres://inventory:db-s3cret@127.0.0.1:1/unused',
        SERVICE_INSTANCE: 'gateway-test-1',
        CLOUDWATCH_LOG_GROUP: GROUP,
        METRICS_NAMESPACE: 'InventoryTest',
      },
      { app: 'test' },
    );
    @Module({
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot({
          service: 'gateway',
          destination: {
            console: { write: (line: string) => void consoleLines.push(line) },
            cloudWatch: { flushIntervalMs: 200 },
          },
        }),
      ],
      controllers: [ItemsController],
      providers: [LastWords],
    })
    class TestAppModule {}
    app = await createFastifyApp(TestAppModule as unknown as DynamicModule, {
      processLifecycle: false,
    });
    app.use(correlationMiddleware);
    app.useGlobalFilters(new ServiceExceptionFilter('gateway'));
    logHttpRequests(app);
    recordHttpMetrics(app);
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    url = `http://127.0.0.1:${port}`;
    await logStarted(app, config, { url });
  });

  afterAll(async () => {
    process.env = savedEnv;
    await logs?.stop();
  });

  it('ships every line, each with service, instance and the correlation id of its request', async () => {
    const response = await fetch(`${url}/items/7`, { headers: { 'X-Request-Id': 'corr-item-7' } });
    expect(response.status).toBe(200);
    await eventually(
      'the item.read line in CloudWatch',
      async () => !!find((l) => l.event === 'item.read'),
    );
    const started = find((l) => l.event === 'app.started')!;
    expect(started).toMatchObject({
      service: 'gateway',
      instance: 'gateway-test-1',
      level: 'info',
    });
    expect(started.config).toMatchObject({ CLOUDWATCH_LOG_GROUP: GROUP });
    expect(JSON.stringify(records())).not.toContain('db-s3cret');
    expect(find((l) => l.event === 'item.read')).toMatchObject({
      correlationId: 'corr-item-7',
      service: 'gateway',
      instance: 'gateway-test-1',
      id: '7',
    });
    await eventually('the request line', async () =>
      records().some((l) => (l.req as { url?: string } | undefined)?.url === '/items/7'),
    );
    const requestLine = find((l) => (l.req as { url?: string } | undefined)?.url === '/items/7');
    expect(requestLine).toMatchObject({
      level: 'info',
      msg: 'request completed',
      correlationId: 'corr-item-7',
      req: { method: 'GET', url: '/items/7' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    // One stream for this process, named service/instance/start time.
    expect(logs.streams(GROUP)).toEqual([
      expect.stringMatching(/^gateway\/gateway-test-1\/\d{4}-\d\d-\d\dT/),
    ]);
    // The console gets the same JSON lines.
    const printed = consoleLines.map((line) => JSON.parse(line) as Line);
    expect(printed.find((l) => l.event === 'item.read')?.correlationId).toBe('corr-item-7');
  });

  it('logs an unhandled error with its whole cause chain', async () => {
    const response = await fetch(`${url}/items/broken`, {
      headers: { 'X-Request-Id': 'corr-broken' },
    });
    expect(response.status).toBe(500);
    await eventually('the error line', async () => !!find((l) => l.event === 'error.unhandled'));
    const line = find((l) => l.event === 'error.unhandled')!;
    expect(line).toMatchObject({
      level: 'error',
      correlationId: 'corr-broken',
      err: {
        type: 'Error',
        message: 'could not read the item',
        cause: {
          message: 'query failed',
          cause: { message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' },
        },
      },
    });
    expect((line.err as { cause: { stack: string } }).cause.stack).toContain('query failed');
    // The answer's own line is an error line too.
    await eventually('the request line of the 500', async () =>
      records().some((l) => (l.req as { url?: string } | undefined)?.url === '/items/broken'),
    );
    expect(
      find((l) => (l.req as { url?: string } | undefined)?.url === '/items/broken'),
    ).toMatchObject({ level: 'error', correlationId: 'corr-broken', res: { statusCode: 500 } });
  });

  it('writes metrics as valid Embedded Metric Format lines in the same stream', async () => {
    const metrics = app.get(MetricsService);
    for (let i = 0; i < 250; i++) metrics.observe(MetricNames.OutboxPublishLatencyMs, i);
    metrics.flush();
    await eventually('EMF lines', async () =>
      records().some((l) => Array.isArray(l.OutboxPublishLatencyMs)),
    );
    const emf = records().filter((l) => l._aws !== undefined);
    for (const document of emf) expect(emfProblems(document)).toEqual([]);

    const requests = emf.find((l) => l.HttpRequests !== undefined && l.Route === 'GET /items/:id')!;
    expect(requests).toMatchObject({ Service: 'gateway', HttpRequests: 1 });
    expect(requests._aws).toMatchObject({
      CloudWatchMetrics: [
        {
          Namespace: 'InventoryTest',
          Dimensions: [['Service'], ['Service', 'Route']],
          Metrics: [{ Name: 'HttpRequests', Unit: 'Count' }],
        },
      ],
    });
    const errors = emf.find((l) => l.HttpErrors5xx !== undefined)!;
    expect(errors).toMatchObject({ Route: 'GET /items/broken', HttpErrors5xx: 1, HttpRequests: 1 });
    expect(emf.find((l) => l.StockMovements !== undefined)).toMatchObject({
      StockMovements: 1,
      _aws: { CloudWatchMetrics: [{ Dimensions: [['Service']] }] },
    });
    // 250 timings: three documents of at most 100 values, all of them kept.
    const timings = emf.flatMap((l) => (l.OutboxPublishLatencyMs as number[] | undefined) ?? []);
    expect(timings.sort((a, b) => a - b)).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it('on SIGTERM, lines from shutdown hooks and the last metrics arrive before the process exits', async () => {
    app.get(MetricsService).count(MetricNames.EmailsSent, 2);
    const before = logs.events(GROUP).length;
    let exitCode: number | undefined;
    const lifecycle = new AppLifecycle(app, {
      timeoutMs: 10_000,
      logs: app.get(LogDestination, { strict: false }),
      exit: (code) => (exitCode = code),
    });
    await lifecycle.stop('SIGTERM');
    expect(exitCode).toBe(0);
    // No waiting: everything is there the moment the process would exit.
    const after = logs.records<Line>(GROUP).slice(before);
    expect(after.find((l) => l.event === 'app.stopping')).toMatchObject({ signal: 'SIGTERM' });
    expect(after.find((l) => l.event === 'test.last_words')).toBeDefined();
    expect(after.find((l) => l.EmailsSent !== undefined)).toMatchObject({ EmailsSent: 2 });
  });
});
