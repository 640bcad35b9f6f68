import { Controller, type DynamicModule, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { freePort, type LogsDouble } from '@inventory/local-stack';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { AppLifecycle } from '../src/bootstrap/app-lifecycle';
import { createFastifyApp } from '../src/bootstrap/create-app';
import { AppBaseConfig } from '../src/config/base.config';
import { ConfigModule } from '../src/config/config.module';
import { loadConfig } from '../src/config/load-config';
import { correlationMiddleware } from '../src/context/correlation.middleware';
import { LogDestination } from '../src/logging/log-destination';
import { LoggingModule } from '../src/logging/logging.module';
import { MetricNames, MetricsService } from '../src/metrics/metrics.service';
import { percentile, startLogsDouble, TEST_AWS_ENV } from './logs-support';
import { eventually } from './support';

const GROUP = '/test/latency';
/** `npm run bench:logging` asks for more. */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1500);
const CONCURRENCY = 8;

@Controller('ping')
class PingController {
  constructor(
    private readonly metrics: MetricsService,
    @InjectPinoLogger('Ping') private readonly logger: PinoLogger,
  ) {}

  @Get()
  ping() {
    this.logger.info({ event: 'test.ping', payload: 'p'.repeat(200) }, 'ping');
    this.metrics.count(MetricNames.HttpRequests);
    return { ok: true };
  }
}

/** Latencies (ms) of `count` GETs, `CONCURRENCY` at a time. */
async function measure(url: string, count: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        next++;
        const started = performance.now();
        const response = await fetch(url);
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`answer ${response.status}`);
      }
    }),
  );
  return latencies;
}

const summary = (latencies: number[]) =>
  `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`;

describe('request handling while CloudWatch is up, down or hanging (real Nest/Fastify app)', () => {
  let logs: LogsDouble;
  let app: NestFastifyApplication;
  let url: string;
  let destination: LogDestination;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    logs = await startLogsDouble();
    Object.assign(process.env, TEST_AWS_ENV, { AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: logs.endpoint });
    const config = loadConfig(
      AppBaseConfig,
      {
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
        CLOUDWATCH_LOG_GROUP: GROUP,
        CLOUDWATCH_BUFFER_MB: '4',
      },
      { app: 'test' },
    );
    @Module({
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot({
          service: 'gateway',
          logRequests: true,
          destination: {
            // The console is the same in every phase; keep it out of the test report.
            console: { write: () => undefined },
            cloudWatch: { requestTimeoutMs: 2000, retryMaxMs: 2000 },
          },
        }),
      ],
      controllers: [PingController],
    })
    class LatencyModule {}
    app = await createFastifyApp(LatencyModule as unknown as DynamicModule, {
      processLifecycle: false,
    });
    app.use(correlationMiddleware);
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    url = `http://127.0.0.1:${port}/ping`;
    destination = app.get(LogDestination, { strict: false });
  });

  afterAll(async () => {
    await app?.close();
    process.env = savedEnv;
    await logs?.stop();
  });

  it('keeps p99 latency close to normal while CloudWatch is down or hanging, and catches up after', async () => {
    const outages: string[] = [];
    destination.cloudWatch!.on('cloudwatch:warning', (warning: { text: string }) =>
      outages.push(warning.text),
    );
    await measure(url, 300); // warm-up
    const up = await measure(url, REQUESTS);

    await logs.stop();
    const down = await measure(url, REQUESTS);
    await eventually('the transport to notice', async () =>
      outages.some((text) => text.startsWith('cannot ship')),
    );

    logs.hang = true;
    await logs.start();
    const hanging = await measure(url, REQUESTS);

    process.stdout.write(
      `CloudWatch endpoint up:      ${summary(up)}\n` +
        `CloudWatch endpoint down:    ${summary(down)}\n` +
        `CloudWatch endpoint hanging: ${summary(hanging)}\n` +
        `(${REQUESTS} requests each, ${CONCURRENCY} at a time, 2 log lines per request; shared 2-core machine)\n`,
    );
    // "Close": a generous bound, since other test runs share these two cores.
    const bound = Math.max(percentile(up, 99) * 3, percentile(up, 99) + 25);
    expect(percentile(down, 99)).toBeLessThan(bound);
    expect(percentile(hanging, 99)).toBeLessThan(bound);

    // Back to normal: every line kept while it was away arrives (4 MB held them all).
    logs.hang = false;
    await eventually(
      'every ping line in CloudWatch',
      async () =>
        logs.records<{ event?: string }>(GROUP).filter((r) => r.event === 'test.ping').length >=
        300 + 3 * REQUESTS,
      30_000,
    );
  });

  it('an uncaught error is logged as fatal with its cause chain and flushed before exit', async () => {
    let exitCode: number | undefined;
    const lifecycle = new AppLifecycle(app, {
      timeoutMs: 5000,
      logs: destination,
      exit: (code) => (exitCode = code),
    });
    const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    await lifecycle.fail(new Error('digest task crashed', { cause }), 'uncaughtException');
    expect(exitCode).toBe(1);
    const fatal = logs
      .records<{ level: string; event?: string; err?: { message: string; cause?: unknown } }>(GROUP)
      .find((r) => r.event === 'error.uncaught');
    expect(fatal).toMatchObject({
      level: 'fatal',
      origin: 'uncaughtException',
      err: {
        message: 'digest task crashed',
        cause: { message: 'socket hang up', code: 'ECONNRESET' },
      },
    });
  });
});
