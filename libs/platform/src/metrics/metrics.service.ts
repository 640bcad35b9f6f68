import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

/** The numbers operators graph. One place so names never drift between services. */
export const MetricNames = {
  StockMovements: 'StockMovements',
  LowStockAlerts: 'LowStockAlerts',
  EmailsSent: 'EmailsSent',
  EmailsFailed: 'EmailsFailed',
  /** From an event's occurredAt to SES accepting the email it caused. */
  EmailLatencyMs: 'EmailLatencyMs',
  OutboxPending: 'OutboxPending',
  OutboxPublishLatencyMs: 'OutboxPublishLatencyMs',
  MessagesDeadLettered: 'MessagesDeadLettered',
  HttpRequests: 'HttpRequests',
  HttpErrors5xx: 'HttpErrors5xx',
} as const;

export type MetricName = (typeof MetricNames)[keyof typeof MetricNames];

export type MetricUnit = 'Count' | 'Milliseconds';

/**
 * Counters and timings, emitted as CloudWatch Embedded Metric Format log lines (no extra
 * API calls). Values are aggregated in memory and flushed periodically, so a busy service
 * writes a handful of metric lines per interval, not one per event.
 */
@Injectable()
export class MetricsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private readonly counters = new Map<
    string,
    { name: MetricName; unit: MetricUnit; values: number[]; dimensions: Record<string, string> }
  >();
  private timer?: NodeJS.Timeout;

  /** Adds to a counter (e.g. one stock movement). */
  count(name: MetricName, value = 1, dimensions: Record<string, string> = {}): void {
    this.add(name, 'Count', value, dimensions);
  }

  /** Records one timing (e.g. how long an event waited in the outbox). */
  observe(name: MetricName, milliseconds: number, dimensions: Record<string, string> = {}): void {
    this.add(name, 'Milliseconds', milliseconds, dimensions);
  }

  private add(
    name: MetricName,
    unit: MetricUnit,
    value: number,
    dimensions: Record<string, string>,
  ): void {
    const key = `${name}|${JSON.stringify(dimensions)}`;
    const entry = this.counters.get(key) ?? { name, unit, values: [], dimensions };
    entry.values.push(value);
    this.counters.set(key, entry);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => this.flush(), 10_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.flush();
  }

  /** Writes what was collected since the last flush; the detailed EMF shape lives here. */
  flush(): void {
    for (const { name, unit, values, dimensions } of this.counters.values()) {
      const total = values.reduce((sum, v) => sum + v, 0);
      this.logger.log({
        event: 'metric',
        metric: name,
        unit,
        value: unit === 'Count' ? total : total / values.length,
        samples: values.length,
        ...dimensions,
      });
    }
    this.counters.clear();
  }
}
