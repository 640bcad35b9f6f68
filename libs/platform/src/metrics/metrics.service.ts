import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';

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

/** One CloudWatch Embedded Metric Format document (a log line CloudWatch turns into metrics). */
export interface EmfDocument {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: MetricUnit }[];
    }[];
  };
  [member: string]: unknown;
}

export interface MetricsSettings {
  /** CloudWatch namespace (METRICS_NAMESPACE). */
  namespace: string;
  /** Value of the `Service` dimension every metric carries. */
  service: string;
  /** Writes one document as one log line. */
  write: (document: EmfDocument) => void;
  /** How long values are aggregated before they are written. */
  intervalMs?: number;
}

export const METRICS_SETTINGS = Symbol('METRICS_SETTINGS');

/** EMF: at most 100 values in one metric array. */
const VALUES_PER_DOCUMENT = 100;
/** Timings kept per metric and dimensions per interval; past that, a uniform sample. */
const MAX_SAMPLES = 1000;
/** Fields of every log line: a dimension must not be named like one. */
const RESERVED = new Set(['Service', '_aws']);

interface Series {
  name: MetricName;
  unit: MetricUnit;
  /** Counters are summed; timings and gauges keep their values. */
  summed: boolean;
  total: number;
  samples: number[];
  seen: number;
  dimensions: Record<string, string>;
}

/**
 * Counters, timings and gauges, written as CloudWatch Embedded Metric Format lines into the
 * service's log stream (no extra API calls). Values are aggregated in memory and written
 * every interval and at shutdown: one line per set of dimension values, each metric with a
 * `Service` dimension (and, when dimensions are given, also split by them, e.g. by `Route`).
 */
@Injectable()
export class MetricsService implements OnModuleInit, OnApplicationShutdown {
  private readonly series = new Map<string, Series>();
  /**
   * The app's settings, set by `MetricsModule.forRoot`: an instance made without them (a
   * module that imported the bare MetricsModule) still writes with the app's namespace and
   * Service dimension.
   */
  static appSettings: MetricsSettings | undefined;
  private timer?: NodeJS.Timeout;
  private readonly fallback: Required<MetricsSettings>;

  constructor(@Optional() @Inject(METRICS_SETTINGS) private readonly given?: MetricsSettings) {
    const logger = new Logger('Metrics');
    this.fallback = {
      namespace: 'ElectronicInventory',
      service: 'unknown',
      write: (document) => logger.log({ event: 'metrics', ...document }, 'metrics'),
      intervalMs: 10_000,
    };
  }

  private get settings(): Required<MetricsSettings> {
    return { ...this.fallback, ...(this.given ?? MetricsService.appSettings) };
  }

  /** Adds to a counter (e.g. one stock movement). */
  count(name: MetricName, value = 1, dimensions: Record<string, string> = {}): void {
    this.add(name, 'Count', true, value, dimensions);
  }

  /** Records one timing (e.g. how long an event waited in the outbox). */
  observe(name: MetricName, milliseconds: number, dimensions: Record<string, string> = {}): void {
    this.add(name, 'Milliseconds', false, milliseconds, dimensions);
  }

  /** Records a level seen now (e.g. rows waiting in the outbox); graph its Maximum or Average. */
  gauge(name: MetricName, value: number, dimensions: Record<string, string> = {}): void {
    this.add(name, 'Count', false, value, dimensions);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => this.flush(), this.settings.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.flush();
  }

  /** Writes what was collected since the last flush; returns the documents written. */
  flush(now = Date.now()): EmfDocument[] {
    const settings = this.settings;
    const groups = new Map<string, Series[]>();
    for (const [key, entry] of this.series) {
      const group = key.slice(key.indexOf('|') + 1);
      groups.set(group, [...(groups.get(group) ?? []), entry]);
    }
    this.series.clear();
    const documents = [...groups.values()].flatMap((entries) =>
      this.documents(entries, now, settings),
    );
    for (const document of documents) {
      try {
        settings.write(document);
      } catch {
        // metrics never break the work they describe
      }
    }
    return documents;
  }

  private add(
    name: MetricName,
    unit: MetricUnit,
    summed: boolean,
    value: number,
    given: Record<string, string>,
  ): void {
    if (!Number.isFinite(value)) return;
    const dimensions = cleanDimensions(given);
    const key = `${name}|${JSON.stringify(dimensions)}`;
    let entry = this.series.get(key);
    if (!entry) {
      entry = { name, unit, summed, total: 0, samples: [], seen: 0, dimensions };
      this.series.set(key, entry);
    }
    entry.seen++;
    if (entry.summed) {
      entry.total += value;
    } else if (entry.samples.length < MAX_SAMPLES) {
      entry.samples.push(value);
    } else {
      const slot = Math.floor(Math.random() * entry.seen);
      if (slot < MAX_SAMPLES) entry.samples[slot] = value;
    }
  }

  /** The documents for one set of dimension values; more than one when timings hold > 100 values. */
  private documents(
    entries: Series[],
    now: number,
    settings: Required<MetricsSettings>,
  ): EmfDocument[] {
    const { dimensions } = entries[0];
    const names = Object.keys(dimensions);
    const dimensionSets = names.length > 0 ? [['Service'], ['Service', ...names]] : [['Service']];
    const parts = Math.max(
      1,
      ...entries.map((e) => (e.summed ? 1 : Math.ceil(e.samples.length / VALUES_PER_DOCUMENT))),
    );
    const documents: EmfDocument[] = [];
    for (let part = 0; part < parts; part++) {
      const included = entries.filter((e) =>
        e.summed ? part === 0 : part * VALUES_PER_DOCUMENT < e.samples.length,
      );
      const document: EmfDocument = {
        _aws: {
          Timestamp: now,
          CloudWatchMetrics: [
            {
              Namespace: settings.namespace,
              Dimensions: dimensionSets,
              Metrics: included.map((e) => ({ Name: e.name, Unit: e.unit })),
            },
          ],
        },
        Service: settings.service,
        ...dimensions,
      };
      for (const e of included) {
        document[e.name] = e.summed
          ? e.total
          : e.samples.slice(part * VALUES_PER_DOCUMENT, (part + 1) * VALUES_PER_DOCUMENT);
      }
      documents.push(document);
    }
    return documents;
  }
}

/**
 * Dimension names in PascalCase (so they never meet a log line's own lowercase fields),
 * values as non-empty strings of at most 1024 characters, in a stable order.
 */
function cleanDimensions(given: Record<string, string>): Record<string, string> {
  const dimensions: Record<string, string> = {};
  for (const key of Object.keys(given).sort()) {
    const name = key.charAt(0).toUpperCase() + key.slice(1);
    if (RESERVED.has(name) || name in MetricNames) continue;
    const value = String(given[key] ?? '').slice(0, 1024);
    dimensions[name] = value.trim() === '' ? '(none)' : value;
  }
  return dimensions;
}
