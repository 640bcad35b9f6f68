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
import { logHttpRequests } from '../src/logging/http-request-log';
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
        // Room for every line of every round: dropping is another test's subject.
        CLOUDWATCH_BUFFER_MB: '64',
      },
      { app: 'test' },
    );
    @Module({
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot({
          service: 'gateway',
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
    logHttpRequests(app);
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
    // The three conditions take turns, so that load from elsewhere on this shared machine
    // falls on all of them alike rather than on whichever phase it happened to meet.
    const conditions = {
      up: async () => {
        logs.hang = false;
        await logs.start();
      },
      down: () => logs.stop(),
      hanging: async () => {
        logs.hang = true;
        await logs.start();
      },
    };
    const latencies: Record<keyof typeof conditions, number[]> = { up: [], down: [], hanging: [] };
    const rounds = 10;
    for (let round = 0; round < rounds; round++) {
      for (const [name, enter] of Object.entries(conditions)) {
        await enter();
        latencies[name as keyof typeof conditions].push(
          ...(await measure(url, Math.ceil(REQUESTS / rounds))),
        );
      }
    }
    await conditions.up();
    const { up, down, hanging } = latencies;
    process.stdout.write(
      `CloudWatch endpoint up:      ${summary(up)}\n` +
        `CloudWatch endpoint down:    ${summary(down)}\n` +
        `CloudWatch endpoint hanging: ${summary(hanging)}\n` +
        `(${up.length} requests each, ${CONCURRENCY} at a time, 2 log lines per request, ` +
        `conditions taking turns in ${rounds} rounds; a shared 2-core machine)\n`,
    );
    expect(outages.some((text) => text.startsWith('cannot ship'))).toBe(true);
    // "Close", with room for the noise of a machine other test runs share. A transport that
    // made requests wait for CloudWatch would add its 2 s timeout, not tens of milliseconds.
    const bound = Math.max(percentile(up, 99) * 3, percentile(up, 99) + 50);
    expect(percentile(down, 99)).toBeLessThan(bound);
    expect(percentile(hanging, 99)).toBeLessThan(bound);

    // Back to normal: every line kept while it was away arrives.
    await eventually(
      'every ping line in CloudWatch',
      async () =>
        logs.records<{ event?: string }>(GROUP).filter((r) => r.event === 'test.ping').length >=
        300 + up.length + down.length + hanging.length,
      60_000,
    );
  }, 300_000);

  it('an uncaught error is logged as fatal with its cause chain and flushed before exit', async () => {
    logs.hang = false;
    await logs.start();
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
