import type { AppExit, AppProcess } from './app-process';
import type { AppName } from './apps';

export interface SupervisorPolicy {
  /** Wait before the nth restart in a row (1-based). Default 1 s, 2 s, 4 s … at most 30 s. */
  backoffMs: (attempt: number) => number;
  /** Give up when an app crashed this many times within `windowMs` … */
  maxCrashes: number;
  windowMs: number;
  /** … or this many times in a row without becoming healthy in between. */
  maxCrashesBeforeHealthy: number;
  /** How long a restarted app has to answer /health before that start counts as a crash. */
  healthyTimeoutMs: number;
}

export const DEFAULT_SUPERVISOR_POLICY: SupervisorPolicy = {
  backoffMs: (attempt) => Math.min(30_000, 1000 * 2 ** (attempt - 1)),
  maxCrashes: 5,
  windowMs: 60_000,
  maxCrashesBeforeHealthy: 3,
  healthyTimeoutMs: 60_000,
};

/** Why the supervisor stopped trying: the stack should stop with this message. */
export class AppKeepsCrashingError extends Error {
  override name = 'AppKeepsCrashingError';

  constructor(
    readonly app: AppName,
    message: string,
  ) {
    super(message);
  }
}

export interface SupervisorEvents {
  /** An app went away on its own: a loud, multi-line message. */
  crashed(message: string, exit: AppExit): void;
  /** A restarted app answers /health again. */
  recovered(message: string, app: AppName): void;
  /** An app keeps crashing: the stack is to stop, with this error. Called once. */
  gaveUp(error: AppKeepsCrashingError): void;
}

/**
 * What systemd's `Restart=on-failure` does in production, for the local stack: an app that
 * exits without being asked to is reported (which app, exit code or signal, its last log
 * lines) and started again after a back-off; one that keeps crashing stops the whole stack
 * instead of looping. Exits the stack asked for (`stop()`, `kill()`) are left alone.
 */
export class Supervisor {
  private readonly crashes = new Map<AppName, number[]>();
  private readonly sinceHealthy = new Map<AppName, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly apps: AppProcess[],
    private readonly events: SupervisorEvents,
    private readonly policy: SupervisorPolicy = DEFAULT_SUPERVISOR_POLICY,
  ) {}

  /** Watches every app from now on. */
  start(): void {
    for (const app of this.apps) app.onExit = (exit) => this.exited(app, exit);
  }

  /** No more restarts (the stack is stopping). */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const app of this.apps) app.onExit = undefined;
  }

  private exited(app: AppProcess, exit: AppExit): void {
    if (this.stopped || exit.requested) return;
    const now = Date.now();
    const recent = [...(this.crashes.get(app.name) ?? []), now].filter(
      (at) => now - at <= this.policy.windowMs,
    );
    this.crashes.set(app.name, recent);
    const inARow = (this.sinceHealthy.get(app.name) ?? 0) + 1;
    this.sinceHealthy.set(app.name, inARow);

    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    const tail = exit.lastLines.length
      ? exit.lastLines.map((line) => `    ${line}`).join('\n')
      : '    (it wrote nothing)';
    let verdict: string | undefined;
    if (recent.length >= this.policy.maxCrashes) {
      verdict = `${app.name} crashed ${recent.length} times within ${this.policy.windowMs / 1000} s`;
    } else if (inARow >= this.policy.maxCrashesBeforeHealthy) {
      verdict = `${app.name} crashed ${inARow} times in a row without becoming healthy`;
    }
    const delay = this.policy.backoffMs(inARow);
    this.events.crashed(
      [
        `!!! ${app.name} (pid ${exit.pid}) ${how} unexpectedly`,
        `    its last log lines:`,
        tail,
        verdict
          ? `!!! ${verdict}: giving up, stopping the stack`
          : `!!! restarting ${app.name} in ${(delay / 1000).toFixed(0)} s (crash ${inARow} in a row)`,
      ].join('\n'),
      exit,
    );
    if (verdict) {
      this.stop();
      this.events.gaveUp(
        new AppKeepsCrashingError(
          app.name,
          `${verdict} (last: ${how}); see its log lines above and its log file`,
        ),
      );
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.restart(app, now);
    }, delay);
    this.timers.add(timer);
  }

  private async restart(app: AppProcess, crashedAt: number): Promise<void> {
    if (this.stopped) return;
    app.start();
    try {
      await app.waitHealthy(this.policy.healthyTimeoutMs);
    } catch {
      // It exited before it was healthy (onExit counts that crash), or it hangs: kill it and
      // count the hang as a crash too.
      if (!this.stopped && app.running) {
        const pid = app.pid;
        if (pid) process.kill(pid, 'SIGKILL');
      }
      return;
    }
    if (this.stopped) return;
    this.sinceHealthy.set(app.name, 0);
    this.events.recovered(
      `${app.name} is healthy again (${((Date.now() - crashedAt) / 1000).toFixed(1)} s after the crash)`,
      app.name,
    );
  }
}
