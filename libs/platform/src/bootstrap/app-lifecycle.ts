import type { INestApplicationContext } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { LogDestination } from '../logging/log-destination';

export interface AppLifecycleOptions {
  /** How long stopping may take after a signal before the process exits anyway. */
  timeoutMs: number;
  /** Flushed last, after everything else has logged its final lines. */
  logs?: LogDestination;
  /** Ends the process; tests replace it. */
  exit?: (code: number) => void;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * How a platform app ends, so that its last lines always arrive (on the console and in
 * CloudWatch):
 *
 * - SIGTERM/SIGINT: Nest's shutdown runs (`app.stopping` is logged, listeners close, the
 *   outbox relay and consumers stop, metrics are written), `app.stopped` is logged, then the
 *   log workers are flushed and the process exits 0. A watchdog exits 1 when stopping takes longer than
 *   SHUTDOWN_TIMEOUT_MS; a second signal exits at once. Both flush the logs first.
 * - An uncaught exception or an unhandled rejection: logged as `fatal` with its cause chain
 *   (`error.uncaught`), logs flushed, exit 1, as Node itself would, so the supervisor
 *   (systemd, the local stack) restarts a process whose state is no longer known.
 *
 * Replaces Nest's `enableShutdownHooks`, which re-raises the signal after the hooks: a
 * process killed by a signal never runs pino's exit handler, so lines still in a worker
 * thread would be lost.
 */
export class AppLifecycle {
  private stopping = false;
  private exited = false;
  private readonly listeners: [string, (...args: unknown[]) => void][] = [];

  constructor(
    private readonly app: INestApplicationContext,
    private readonly options: AppLifecycleOptions,
  ) {}

  /** Takes over the process's signals and last-resort error handlers. */
  listen(): this {
    for (const signal of SIGNALS) this.on(signal, () => void this.stop(signal));
    this.on('uncaughtException', (error, origin) => {
      void this.fail(error, String(origin ?? 'uncaughtException'));
    });
    this.on('unhandledRejection', (reason) => {
      void this.fail(reason, 'unhandledRejection');
    });
    return this;
  }

  /** Stops the app gracefully; resolves once the process has been told to exit. */
  async stop(signal: string): Promise<void> {
    if (this.stopping) {
      logger()?.warn({ event: 'app.stop_forced', signal }, `${signal} again: exiting now`);
      return this.finish(1);
    }
    this.stopping = true;
    const watchdog = setTimeout(() => {
      logger()?.error(
        { event: 'app.stop_timeout', signal, timeoutMs: this.options.timeoutMs },
        `still stopping after ${this.options.timeoutMs} ms: exiting now`,
      );
      void this.finish(1);
    }, this.options.timeoutMs);
    watchdog.unref();
    try {
      // Nest passes the signal on to beforeApplicationShutdown (app.stopping names it).
      await (this.app.close as (signal?: string) => Promise<void>).call(this.app, signal);
      clearTimeout(watchdog);
      // The last line of a clean stop: everything drained and closed. Lines still on their
      // way to stdout (app.stopping and whatever the shutdown logged) go first, so it stays
      // the last line there; CloudWatch is flushed once, below.
      await this.options.logs?.flushStdout();
      logger()?.info({ event: 'app.stopped', signal }, 'stopped');
      await this.finish(0);
    } catch (error) {
      clearTimeout(watchdog);
      logger()?.error({ event: 'app.stop_failed', err: error }, 'stopping failed');
      await this.finish(1);
    }
  }

  /** The last resort for an error nothing else caught. */
  async fail(error: unknown, origin: string): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const root = logger();
    if (root) {
      root.fatal({ event: 'error.uncaught', origin, err: error }, `${origin}: ${message}`);
    } else {
      process.stderr.write(`${origin}: ${error instanceof Error ? error.stack : message}\n`);
    }
    await this.finish(1);
  }

  /** Forgets the process handlers again (tests). */
  dispose(): void {
    for (const [event, listener] of this.listeners) process.off(event, listener);
    this.listeners.length = 0;
  }

  /** Flushes the logs (console and CloudWatch), then exits. */
  private async finish(code: number): Promise<void> {
    if (this.exited) return;
    this.exited = true;
    await this.options.logs?.flush();
    this.options.logs?.close();
    (this.options.exit ?? ((status: number) => process.exit(status)))(code);
  }

  private on(event: string, listener: (...args: unknown[]) => void): void {
    this.listeners.push([event, listener]);
    process.on(event, listener);
  }
}

const logger = () => PinoLogger.root?.child({ context: 'Process' });
