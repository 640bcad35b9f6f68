import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { envelope, type OutboxEvent, type OutboxWaker } from './outbox';
import { outboxChannel } from './outbox-schema';
import { MetricNames, type MetricsService } from '../metrics/metrics.service';
import type { QueueDirectory } from '../sqs/queue-directory';

interface OutboxRow {
  id: string;
  queue: string;
  type: string;
  version: number;
  occurred_at: string;
  source: string;
  correlation_id: string;
  causation_id: string | null;
  payload: unknown;
  attempts: number;
  created_at: Date;
}

function outboxEvent(row: OutboxRow): OutboxEvent {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    occurredAt: row.occurred_at,
    source: row.source,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    payload: row.payload,
  };
}

export interface OutboxRelayOptions {
  /**
   * Rows taken per transaction. They go out in SendMessageBatch calls of at most
   * `SQS_BATCH_MAX_ENTRIES` per queue, all of a transaction's calls side by side.
   */
  batchSize: number;
  /**
   * While commits stream in (the last batch went out less than `STREAM_WINDOW_MS` ago), a
   * loop woken by a commit waits this long before taking rows, so that the commits of those
   * milliseconds leave together: one transaction and one SQS call per queue for many events
   * instead of one each, and consumers then receive them in batches too. A loop that finds
   * rows committed during its own pass lingers for them the same way, and commits while a
   * loop lingers wake no other loop. An event after a quiet spell goes out at once. 0 turns
   * it off. 40 ms rather than 15: at 200 movements/s the stack spent 10 % less CPU per
   * movement (fewer relay transactions, SQS sends and receives) for a few ms more in this
   * stage (docs/benchmarks.md, "Relay linger"; the passes: "Relay passes, one-statement
   * consumers and a warmed-up email figure").
   */
  lingerMs: number;
  /** Loops publishing side by side when there is a backlog. */
  concurrency: number;
  /** Safety net when no notification arrives (e.g. the LISTEN connection is down). */
  idlePollMs: number;
  /** Longest wait before retrying a row that failed to publish. */
  maxBackoffMs: number;
  /** How often the number of rows waiting is written as the OutboxPending metric. */
  pendingSampleMs: number;
}

export const DEFAULT_RELAY_OPTIONS: OutboxRelayOptions = {
  batchSize: 50,
  lingerMs: 40,
  concurrency: 2,
  idlePollMs: 5000,
  maxBackoffMs: 10_000,
  pendingSampleMs: 10_000,
};

/**
 * Publishes outbox rows to SQS. Rows are locked with FOR UPDATE SKIP LOCKED, so any number of
 * relays (one per service instance) can run at once without sending a row twice; a row is
 * deleted in the same transaction, only after SQS accepted it. A row SQS refused waits with
 * back-off and is tried again: nothing is lost while SQS is down. LISTEN/NOTIFY wakes the
 * relay as soon as a transaction that wrote events commits.
 *
 * Metrics: OutboxPublishLatencyMs (from the row's creation to SQS accepting it, per event)
 * and OutboxPending (rows waiting, sampled; graph its Maximum).
 */
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown, OutboxWaker {
  private running = false;
  private loops: Promise<void>[] = [];
  private waiters = new Set<() => void>();
  private listener?: Client;
  private listenerRetry?: NodeJS.Timeout;
  private pendingTimer?: NodeJS.Timeout;
  private readonly options: OutboxRelayOptions;
  private lastFailureLogged = 0;
  /** A wake-up came while no loop was asleep: a loop looks again instead of sleeping. */
  private wokenWhileBusy = false;
  /** Loops waiting out `lingerMs` before their query: rows committed meanwhile are theirs. */
  private lingering = 0;
  /** When the last batch was published (ms since the epoch): commits are streaming in when recent. */
  private lastPublishedAt = 0;
  private readonly logger = new Logger(OutboxRelay.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sqs: SQSClient,
    private readonly queues: QueueDirectory,
    private readonly databaseUrl: string,
    options: Partial<OutboxRelayOptions> = {},
    private readonly metrics?: MetricsService,
  ) {
    this.options = { ...DEFAULT_RELAY_OPTIONS, ...options };
  }

  private get schema(): string {
    return String((this.dataSource.options as { schema?: string }).schema ?? 'public');
  }

  onApplicationBootstrap(): void {
    this.running = true;
    void this.listen();
    this.loops = Array.from({ length: this.options.concurrency }, () => this.loop());
    if (this.metrics) {
      void this.samplePending();
      this.pendingTimer = setInterval(
        () => void this.samplePending(),
        this.options.pendingSampleMs,
      );
      this.pendingTimer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    for (const wake of [...this.waiters]) wake();
    clearTimeout(this.listenerRetry);
    clearInterval(this.pendingTimer);
    await Promise.all(this.loops);
    await this.listener?.end().catch(() => undefined);
  }

  /**
   * Wake the relay now (through `Outbox.written`, for statements of this process that just
   * committed events; on NOTIFY). One loop wakes, or, when every loop is busy, the next one to
   * finish looks again. A loop that takes a full batch wakes another, so a backlog is worked
   * off by all of them; waking every loop for every commit had all but one find no rows, at
   * four queries each, on the same Postgres as the movements. While a loop lingers (see
   * `lingerMs`) a wake-up wakes nobody: that loop has not queried yet and takes these rows.
   */
  wake(): void {
    // A loop about to query will see this commit's rows: waking a second one for them
    // would make two passes (and two SQS sends per queue) of what one can carry.
    if (this.lingering > 0) return;
    const [first] = this.waiters;
    if (first) first();
    else this.wokenWhileBusy = true;
  }

  private async loop(): Promise<void> {
    let woken = false;
    while (this.running) {
      if (woken && this.lingers()) {
        this.lingering++;
        await new Promise((resolve) => setTimeout(resolve, this.options.lingerMs));
        this.lingering--;
      }
      woken = false;
      let published = 0;
      try {
        published = await this.publishBatch();
      } catch (error) {
        this.logger.warn(
          { event: 'outbox.relay_error', err: error },
          'outbox relay could not read its table',
        );
        await this.sleep(1000);
        continue;
      }
      if (published >= this.options.batchSize) {
        // Probably more waiting: another loop helps.
        this.wake();
        continue;
      }
      const next = await this.nextDue();
      // Checked right before sleeping (nothing awaited in between): a wake-up that came
      // while this loop was busy, with no other loop asleep to take it, is not lost.
      if (this.wokenWhileBusy) {
        this.wokenWhileBusy = false;
        woken = true;
        continue;
      }
      if (next !== null && next <= 0 && this.lingers()) {
        // Rows committed while this pass ran (their wake-ups went to nobody or were taken
        // by a lingering loop): linger for them like a woken loop, or, when another loop
        // lingers already, leave them to it. Sleeping a few ms and taking them at once
        // made a pass per few commits.
        if (this.lingering === 0) {
          woken = true;
          continue;
        }
        woken = await this.sleep(this.options.idlePollMs);
        continue;
      }
      woken = await this.sleep(
        next === null
          ? this.options.idlePollMs
          : Math.max(10, Math.min(this.options.idlePollMs, next)),
      );
    }
  }

  /**
   * Whether a loop lingers before its query now: a linger is set and commits are streaming in
   * (the last batch went out less than `STREAM_WINDOW_MS` ago).
   */
  private lingers(): boolean {
    return this.options.lingerMs > 0 && Date.now() - this.lastPublishedAt < STREAM_WINDOW_MS;
  }

  /**
   * Milliseconds until the earliest row is due (0 or less: due now, including rows another
   * loop is publishing), null when the table is empty; 1000 when it cannot be read.
   */
  private async nextDue(): Promise<number | null> {
    try {
      const [{ wait }] = await this.dataSource.query(
        `SELECT ceil(extract(epoch FROM min(available_at) - clock_timestamp()) * 1000)::int AS wait FROM outbox`,
      );
      return wait;
    } catch {
      return 1000;
    }
  }

  /** Publishes one batch of due rows; returns how many rows it handled. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, queue, type, version, source, correlation_id, causation_id, payload,
                to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
                attempts, created_at
           FROM outbox
          WHERE available_at <= clock_timestamp()
          ORDER BY available_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize],
      );
      if (rows.length === 0) return 0;

      const published: string[] = [];
      const failed = new Map<string, string>();
      await Promise.all(
        sqsBatches(rows).map(async ([queue, group]) => {
          try {
            const answer = await this.sqs.send(
              new SendMessageBatchCommand({
                QueueUrl: await this.queues.url(queue),
                Entries: group.map(({ row, body }, index) => ({
                  Id: String(index),
                  MessageBody: body,
                  MessageAttributes: { type: { DataType: 'String', StringValue: row.type } },
                })),
              }),
            );
            for (const ok of answer.Successful ?? []) published.push(group[Number(ok.Id)].row.id);
            for (const bad of answer.Failed ?? []) {
              failed.set(group[Number(bad.Id)].row.id, `${bad.Code}: ${bad.Message ?? ''}`);
            }
          } catch (error) {
            const reason =
              error instanceof Error ? `${error.name}: ${error.message}` : String(error);
            for (const { row } of group) failed.set(row.id, reason);
          }
        }),
      );

      if (published.length > 0) {
        await manager.query('DELETE FROM outbox WHERE id = ANY($1::uuid[])', [published]);
        const now = Date.now();
        const latencies = rows
          .filter((r) => published.includes(r.id))
          .map((r) => now - r.created_at.getTime());
        for (const latency of latencies) {
          this.metrics?.observe(MetricNames.OutboxPublishLatencyMs, latency);
        }
        const oldest = Math.max(...latencies);
        this.lastPublishedAt = now;
        this.logger.debug(
          { event: 'outbox.published', count: published.length, oldestMs: oldest },
          'published',
        );
      }
      if (failed.size > 0) await this.postpone(manager, rows, failed);
      return rows.length;
    });
  }

  private async postpone(
    manager: { query: (sql: string, params: unknown[]) => Promise<unknown> },
    rows: OutboxRow[],
    failed: Map<string, string>,
  ): Promise<void> {
    for (const row of rows.filter((r) => failed.has(r.id))) {
      const delayMs = Math.min(this.options.maxBackoffMs, 250 * 2 ** Math.min(row.attempts, 10));
      await manager.query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
                available_at = clock_timestamp() + make_interval(secs => $3)
          WHERE id = $1`,
        [
          row.id,
          failed.get(row.id)!.slice(0, 1000),
          (delayMs * (0.8 + Math.random() * 0.4)) / 1000,
        ],
      );
    }
    // One line per second at most while SQS is down, not one per row.
    if (Date.now() - this.lastFailureLogged > 1000) {
      this.lastFailureLogged = Date.now();
      this.logger.warn(
        { event: 'outbox.publish_failed', count: failed.size, reason: [...failed.values()][0] },
        'events could not be published; they stay in the outbox and will be retried',
      );
    }
  }

  /** Writes how many rows are waiting (published or postponed) as the OutboxPending gauge. */
  private async samplePending(): Promise<void> {
    try {
      const [{ pending }] = await this.dataSource.query(
        'SELECT count(*)::int AS pending FROM outbox',
      );
      this.metrics?.gauge(MetricNames.OutboxPending, Number(pending));
    } catch {
      // the relay loop reports database trouble; a missing sample is no news
    }
  }

  /** Sleeps until woken (resolves true) or for `ms` (false). */
  private sleep(ms: number): Promise<boolean> {
    if (!this.running) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (woken: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(woken);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.waiters.add(wake);
    });
  }

  private async listen(): Promise<void> {
    if (!this.running) return;
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: `${this.schema}:outbox-listener`,
    });
    const retry = () => {
      client.removeAllListeners();
      void client.end().catch(() => undefined);
      if (this.listener === client) this.listener = undefined;
      if (this.running) this.listenerRetry = setTimeout(() => void this.listen(), 1000);
    };
    client.on('error', retry);
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN "${outboxChannel(this.schema)}"`);
      this.listener = client;
      // Rows written while not listening are picked up right away.
      this.wake();
    } catch {
      retry();
    }
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/**
 * SQS takes at most 10 messages and 256 KiB in one SendMessageBatch, all messages together
 * (and in one message). Rows go out per queue, in batches that stay within both.
 */
export const SQS_BATCH_MAX_BYTES = 256 * 1024;
export const SQS_BATCH_MAX_ENTRIES = 10;

/** Batches published less than this long ago mean commits are streaming in (see `lingerMs`). */
const STREAM_WINDOW_MS = 250;

function sqsBatches(rows: OutboxRow[]): [string, { row: OutboxRow; body: string }[]][] {
  const batches: [string, { row: OutboxRow; body: string }[]][] = [];
  for (const [queue, group] of groupBy(rows, (row) => row.queue)) {
    let current: { row: OutboxRow; body: string }[] = [];
    let bytes = 0;
    for (const row of group) {
      const body = JSON.stringify(envelope(outboxEvent(row)));
      // The body, plus the "type" attribute's name, data type and value.
      const size = Buffer.byteLength(body) + Buffer.byteLength(row.type) + 10;
      if (
        current.length > 0 &&
        (bytes + size > SQS_BATCH_MAX_BYTES || current.length === SQS_BATCH_MAX_ENTRIES)
      ) {
        batches.push([queue, current]);
        current = [];
        bytes = 0;
      }
      current.push({ row, body });
      bytes += size;
    }
    if (current.length > 0) batches.push([queue, current]);
  }
  return batches;
}
