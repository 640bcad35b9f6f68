import { cloudWatchLogsDouble, freePort, type LogsDouble } from '@inventory/local-stack';
import pino from 'pino';
import type {
  CloudWatchTransportOptions,
  CloudWatchTransportStats,
} from '../src/logging/cloudwatch-transport.mjs';
import { CLOUDWATCH_TRANSPORT_FILE, type WorkerStream } from '../src/logging/log-destination';

/** Credentials the double accepts; set so the SDK never looks for an instance role. */
export const TEST_AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
};

export async function startLogsDouble(): Promise<LogsDouble> {
  const double = cloudWatchLogsDouble(await freePort());
  await double.start();
  return double;
}

export interface OpenTransport {
  stream: WorkerStream;
  warnings: { kind: string; text: string }[];
  /** The transport's last reported counters. */
  stats(): CloudWatchTransportStats | undefined;
  /** Ships what the worker holds now (pino's flush), within the shutdown deadline. */
  flush(): Promise<void>;
  /** Ends the worker (blocking until its final flush is done): what an exiting process does. */
  close(): void;
}

/**
 * The CloudWatch transport in its worker thread, exactly as pino runs it, pointed at an
 * endpoint through the SDK's own AWS_ENDPOINT_URL_CLOUDWATCH_LOGS.
 */
export function openTransport(
  endpoint: string,
  options: Partial<CloudWatchTransportOptions> & { logGroupName: string; logStreamName: string },
): OpenTransport {
  const stream = pino.transport({
    target: CLOUDWATCH_TRANSPORT_FILE,
    options: {
      region: 'us-east-1',
      service: 'test',
      instance: 'test-1',
      maxBufferBytes: 16 * 1024 * 1024,
      retryBaseMs: 50,
      retryMaxMs: 500,
      reportStats: true,
      ...options,
    } satisfies CloudWatchTransportOptions,
    worker: {
      env: { ...process.env, ...TEST_AWS_ENV, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: endpoint },
    },
  }) as unknown as WorkerStream;
  const warnings: { kind: string; text: string }[] = [];
  let last: CloudWatchTransportStats | undefined;
  stream.on('cloudwatch:warning', (warning: { kind: string; text: string }) =>
    warnings.push(warning),
  );
  stream.on('cloudwatch:stats', (stats: CloudWatchTransportStats) => (last = stats));
  return {
    stream,
    warnings,
    stats: () => last,
    flush: () => new Promise<void>((resolve) => stream.flush(() => resolve())),
    close() {
      stream.flushSync();
      stream.end();
    },
  };
}

/** p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The EMF units CloudWatch accepts. */
const EMF_UNITS = new Set([
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
]);

/**
 * Checks a parsed log event against the Embedded Metric Format specification and returns
 * what is wrong (empty when valid): `_aws` with a millisecond `Timestamp` and
 * `CloudWatchMetrics` directives, each with a `Namespace`, `Dimensions` (arrays of at most
 * 30 names, each a string member of the root) and `Metrics` (at most 100, each `Name`
 * a root member holding a number or an array of at most 100 numbers, `Unit` a CloudWatch
 * unit).
 */
export function emfProblems(document: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const aws = document._aws as Record<string, unknown> | undefined;
  if (typeof aws !== 'object' || aws === null) return ['_aws is missing'];
  const timestamp = aws.Timestamp;
  if (typeof timestamp !== 'number' || !Number.isInteger(timestamp) || timestamp < 1e12) {
    problems.push('_aws.Timestamp must be milliseconds since the epoch');
  }
  const directives = aws.CloudWatchMetrics;
  if (!Array.isArray(directives) || directives.length === 0) {
    return [...problems, '_aws.CloudWatchMetrics must be a non-empty array'];
  }
  for (const directive of directives as Record<string, unknown>[]) {
    const namespace = directive.Namespace;
    if (typeof namespace !== 'string' || namespace.length < 1 || namespace.length > 255) {
      problems.push('Namespace must be a string of 1-255 characters');
    } else if (namespace.startsWith('AWS/')) {
      problems.push('Namespace must not start with AWS/');
    }
    const dimensions = directive.Dimensions;
    if (!Array.isArray(dimensions)) problems.push('Dimensions must be an array');
    for (const set of (dimensions ?? []) as unknown[]) {
      if (!Array.isArray(set) || set.length > 30) {
        problems.push('each dimension set must be an array of at most 30 names');
        continue;
      }
      for (const name of set) {
        if (typeof name !== 'string' || typeof document[name] !== 'string') {
          problems.push(`dimension ${String(name)} must name a string member of the root`);
        } else if (
          (document[name] as string).length === 0 ||
          (document[name] as string).length > 1024
        ) {
          problems.push(`dimension ${name} must hold 1-1024 characters`);
        }
      }
    }
    const metrics = directive.Metrics;
    if (!Array.isArray(metrics) || metrics.length > 100) {
      problems.push('Metrics must be an array of at most 100 definitions');
      continue;
    }
    for (const metric of metrics as Record<string, unknown>[]) {
      const name = metric.Name;
      if (typeof name !== 'string' || name.length < 1 || name.length > 1024) {
        problems.push('each metric needs a Name');
        continue;
      }
      if (metric.Unit !== undefined && !EMF_UNITS.has(String(metric.Unit))) {
        problems.push(`metric ${name} has an unknown unit ${String(metric.Unit)}`);
      }
      const value = document[name];
      const numbers = Array.isArray(value) ? value : [value];
      if (
        numbers.length === 0 ||
        numbers.length > 100 ||
        numbers.some((n) => typeof n !== 'number' || !Number.isFinite(n))
      ) {
        problems.push(`metric ${name} must hold a number or an array of at most 100 numbers`);
      }
    }
  }
  return problems;
}
