import {
  PUT_LOG_EVENTS_LIMITS,
  freePort,
  cloudWatchLogsDouble,
  type LogsDouble,
} from '@inventory/local-stack';
import pino from 'pino';
import { pinoOptions } from '../src/logging/pino-options';
import { openTransport, startLogsDouble } from './logs-support';
import { eventually, sleep } from './support';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('CloudWatch Logs transport (worker thread, real SDK client, HTTP double of the Logs API)', () => {
  let logs: LogsDouble;
  let streams = 0;
  const nextStream = () => `test/instance-${++streams}/${Date.now()}`;

  beforeAll(async () => {
    logs = await startLogsDouble();
  });

  afterAll(async () => {
    await logs.stop();
  });

  const putCalls = () => logs.calls.filter((call) => call.action === 'PutLogEvents');

  it('ships a burst of 50,000 lines complete and in order, each call within PutLogEvents limits', async () => {
    const group = '/test/burst';
    const stream = nextStream();
    const transport = openTransport(logs.endpoint, { logGroupName: group, logStreamName: stream });
    const logger = pino(
      { base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
      transport.stream,
    );
    const callsBefore = putCalls().length;
    // Short lines first (calls fill up on the 10,000-event limit), then long ones (on bytes).
    const padding = 'x'.repeat(300);
    for (let seq = 0; seq < 50_000; seq++) {
      logger.info(seq < 25_000 ? { seq } : { seq, padding }, 'burst');
    }
    try {
      await eventually(
        'all 50,000 lines in the double',
        async () => logs.events(group, stream).length >= 50_000,
        60_000,
      );
      const seqs = logs.records<{ seq: number }>(group, stream).map((record) => record.seq);
      expect(seqs).toHaveLength(50_000);
      expect(seqs).toEqual(Array.from({ length: 50_000 }, (_, i) => i));

      const calls = putCalls().slice(callsBefore);
      expect(calls.every((call) => call.status === 200)).toBe(true);
      for (const call of calls) {
        expect(call.batch!.events).toBeLessThanOrEqual(PUT_LOG_EVENTS_LIMITS.maxEvents);
        expect(call.batch!.bytes).toBeLessThanOrEqual(PUT_LOG_EVENTS_LIMITS.maxBytes);
        expect(call.batch!.lastTimestamp - call.batch!.firstTimestamp).toBeLessThan(DAY);
      }
      // Both limits were reached: the count with short lines, the bytes with long ones.
      expect(calls.some((call) => call.batch!.events === PUT_LOG_EVENTS_LIMITS.maxEvents)).toBe(
        true,
      );
      expect(
        calls.some(
          (call) =>
            call.batch!.events < PUT_LOG_EVENTS_LIMITS.maxEvents &&
            call.batch!.bytes > PUT_LOG_EVENTS_LIMITS.maxBytes - 1000,
        ),
      ).toBe(true);
      // The group and the stream did not exist: the transport created them.
      expect(logs.streams(group)).toEqual([stream]);
    } finally {
      transport.close();
    }
  });

  it('keeps each call in order and under 24 hours, and drops lines older than 14 days', async () => {
    const group = '/test/times';
    const stream = nextStream();
    const transport = openTransport(logs.endpoint, {
      logGroupName: group,
      logStreamName: stream,
      flushIntervalMs: 60_000,
    });
    const callsBefore = putCalls().length;
    const now = Date.now();
    const line = (time: number, n: number) =>
      `${JSON.stringify({ level: 'info', time: new Date(time).toISOString(), n })}\n`;
    const lines: string[] = [];
    // Five lines from three weeks ago: CloudWatch would refuse them.
    for (let n = 0; n < 5; n++) lines.push(line(now - 21 * DAY + n, n));
    // 31 lines an hour apart: more than 24 hours from first to last.
    for (let n = 5; n < 36; n++) lines.push(line(now - 30 * HOUR + (n - 5) * HOUR, n));
    // The clock was set back by an hour: this line is older than the one before.
    lines.push(line(now - HOUR - 1000, 36));
    // A line from the future (a skewed clock) is shipped as of now.
    lines.push(line(now + 5 * HOUR, 37));
    for (const text of lines) transport.stream.write(text);
    await transport.flush();
    transport.close();

    const stored = logs.events(group, stream);
    expect(stored.map((event) => JSON.parse(event.message).n)).toEqual(
      Array.from({ length: 33 }, (_, i) => i + 5),
    );
    expect(stored[stored.length - 1].timestamp).toBeLessThanOrEqual(Date.now());
    const calls = putCalls().slice(callsBefore);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.every((call) => call.status === 200)).toBe(true);
    expect(transport.stats()).toMatchObject({ expired: 5, shipped: 33, queued: 0 });
  });

  it('retries ThrottlingException with back-off and delivers every line once', async () => {
    const group = '/test/throttle';
    const stream = nextStream();
    logs.throttle(3);
    const transport = openTransport(logs.endpoint, {
      logGroupName: group,
      logStreamName: stream,
      flushIntervalMs: 100,
    });
    const logger = pino({ timestamp: pino.stdTimeFunctions.isoTime }, transport.stream);
    for (let seq = 0; seq < 1000; seq++) logger.info({ seq }, 'throttled');
    try {
      await eventually('1,000 lines', async () => logs.events(group, stream).length >= 1000);
      await sleep(300);
      const seqs = logs.records<{ seq: number }>(group, stream).map((record) => record.seq);
      expect(seqs).toEqual(Array.from({ length: 1000 }, (_, i) => i));
      const throttled = logs.calls.filter((call) => call.error === 'ThrottlingException');
      expect(throttled).toHaveLength(3);
      expect(transport.stats()).toMatchObject({ failedCalls: 3, dropped: 0 });
    } finally {
      transport.close();
    }
  });

  it('sends what is buffered at shutdown (flush, then end) before returning', async () => {
    const group = '/test/shutdown';
    const stream = nextStream();
    const transport = openTransport(logs.endpoint, {
      logGroupName: group,
      logStreamName: stream,
      // Nothing would be sent for a minute: only closing sends these lines.
      flushIntervalMs: 60_000,
    });
    const logger = pino({ timestamp: pino.stdTimeFunctions.isoTime }, transport.stream);
    for (let seq = 0; seq < 500; seq++) logger.info({ seq }, 'last words');
    await transport.flush();
    transport.close();
    expect(logs.records<{ seq: number }>(group, stream).map((record) => record.seq)).toEqual(
      Array.from({ length: 500 }, (_, i) => i),
    );
  });

  it('gives up at the shutdown deadline when CloudWatch does not answer', async () => {
    const hanging = cloudWatchLogsDouble(await freePort());
    await hanging.start();
    hanging.hang = true;
    const transport = openTransport(hanging.endpoint, {
      logGroupName: '/test/hang',
      logStreamName: nextStream(),
      flushIntervalMs: 60_000,
      shutdownFlushMs: 1500,
    });
    try {
      transport.stream.write(`${JSON.stringify({ level: 'info', msg: 'never answered' })}\n`);
      const started = Date.now();
      await transport.flush();
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(1400);
      expect(took).toBeLessThan(4000);
      transport.close();
      await sleep(100);
      expect(transport.warnings.map((w) => w.kind)).toContain('unshipped');
    } finally {
      await hanging.stop();
    }
  });

  it('ships to an existing group and stream when it is not allowed to create them', async () => {
    const group = '/test/no-create';
    const stream = nextStream();
    logs.createLogStream(group, stream);
    logs.denyCreate = true;
    try {
      const transport = openTransport(logs.endpoint, {
        logGroupName: group,
        logStreamName: stream,
      });
      const logger = pino({ timestamp: pino.stdTimeFunctions.isoTime }, transport.stream);
      for (let seq = 0; seq < 10; seq++) logger.info({ seq }, 'no create permission');
      await transport.flush();
      transport.close();
      expect(logs.events(group, stream)).toHaveLength(10);
      expect(logs.calls.some((call) => call.error === 'AccessDeniedException')).toBe(true);
      expect(transport.warnings.map((w) => w.kind)).toContain('create-denied');
    } finally {
      logs.denyCreate = false;
    }
  });

  it('keeps memory bounded while CloudWatch is down: drops the oldest lines, counts them, warns once', async () => {
    const down = cloudWatchLogsDouble(await freePort());
    const group = '/test/down';
    const stream = nextStream();
    const limit = 1024 * 1024;
    const transport = openTransport(down.endpoint, {
      logGroupName: group,
      logStreamName: stream,
      maxBufferBytes: limit,
      flushIntervalMs: 100,
    });
    const logger = pino({ timestamp: pino.stdTimeFunctions.isoTime }, transport.stream);
    const padding = 'y'.repeat(250);
    const total = 40_000;
    try {
      // About 12 MB of lines while nothing listens on the endpoint.
      for (let seq = 0; seq < total; seq++) logger.info({ seq, padding }, 'while down');
      await eventually(
        'every line read by the worker',
        async () => transport.stats()?.received === total,
      );
      await eventually('a failed call', async () => (transport.stats()?.failedCalls ?? 0) > 0);
      const during = transport.stats()!;
      expect(during.queuedBytes).toBeLessThanOrEqual(limit);
      expect(during.dropped).toBeGreaterThan(total / 2);
      expect(during.heapUsed).toBeLessThan(64 * 1024 * 1024);
      expect(transport.warnings.filter((w) => w.kind === 'dropped')).toHaveLength(1);

      // CloudWatch is back: what was kept arrives, newest included, with the count of the rest.
      await down.start();
      await eventually('the kept lines and the drop report', async () =>
        down.records<{ event?: string }>(group, stream).some((r) => r.event === 'logs.dropped'),
      );
      const records = down.records<{ seq?: number; event?: string; dropped?: number }>(
        group,
        stream,
      );
      const kept = records.filter((r) => r.seq !== undefined).map((r) => r.seq!);
      const report = records.find((r) => r.event === 'logs.dropped')!;
      expect(kept[kept.length - 1]).toBe(total - 1);
      expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => total - kept.length + i));
      expect(report.dropped).toBe(total - kept.length);
      expect(transport.warnings.filter((w) => w.kind === 'dropped')).toHaveLength(1);
    } finally {
      transport.close();
      await down.stop();
    }
  });

  it('lets no secret reach CloudWatch', async () => {
    const group = '/test/redaction';
    const stream = nextStream();
    const transport = openTransport(logs.endpoint, { logGroupName: group, logStreamName: stream });
    const logger = pino(
      pinoOptions({ LOG_LEVEL: 'info', SERVICE_INSTANCE: 'test-1' }, { service: 'test' }),
      transport.stream,
    );
    const presigned =
      'https://inventory-media.s3.us-east-1.amazonaws.com/products/42/photo.jpg' +
      '?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIASECRETCREDENTIAL%2F20261124%2Fus-east-1%2Fs3%2Faws4_request' +
      '&X-Amz-Date=20261124T101530Z&X-Amz-Expires=900&X-Amz-Security-Token=SECRETSESSIONTOKEN' +
      '&X-Amz-Signature=5ecre75ecre75ecre75ecre75ecre75ecre75ecre75ecre75ecre75ecre7abcd&X-Amz-SignedHeaders=host';
    logger.info(
      {
        password: 'hunter2-password',
        user: { email: 'a@b.c', newPassword: 'hunter3-password' },
        headers: { authorization: 'Bearer SECRETJWT.abc.def', cookie: 'session=SECRETCOOKIE' },
        req: { headers: { 'x-amz-security-token': 'SECRETHEADERTOKEN' } },
        body: { refreshToken: 'SECRETREFRESH' },
        uploadUrl: presigned,
        resetLink: 'http://localhost:3000/reset?token=SECRETRESETTOKEN&email=a%40b.c',
      },
      `upload to ${presigned}`,
    );
    logger.error(
      {
        err: new Error(`GET ${presigned} failed`, {
          cause: new Error('Bearer SECRETJWT2.x.y rejected'),
        }),
      },
      'download failed',
    );
    await transport.flush();
    transport.close();
    const shipped = logs
      .events(group, stream)
      .map((event) => event.message)
      .join('\n');
    expect(shipped).not.toBe('');
    for (const secret of [
      'hunter2',
      'hunter3',
      'SECRETJWT',
      'SECRETCOOKIE',
      'SECRETHEADERTOKEN',
      'SECRETREFRESH',
      'AKIASECRETCREDENTIAL',
      'SECRETSESSIONTOKEN',
      '5ecre7',
      'SECRETRESETTOKEN',
    ]) {
      expect(shipped).not.toContain(secret);
    }
    // What is not secret stays readable.
    const records = logs.records<{ uploadUrl: string; user: { email: string }; msg: string }>(
      group,
      stream,
    );
    expect(records[0].user.email).toBe('a@b.c');
    expect(records[0].uploadUrl).toContain(
      '/products/42/photo.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256',
    );
    expect(records[0].uploadUrl).toContain('X-Amz-Signature=[REDACTED]');
    expect(records[0].uploadUrl).toContain('X-Amz-Expires=900');
  });
});
