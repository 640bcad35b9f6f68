import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { APP_ENV, APP_NODE_FLAGS, type AppName, appScript } from './apps';

export interface AppProcessOptions {
  env: NodeJS.ProcessEnv;
  healthUrl: string;
  logFile: string;
  /** Node flags after `APP_NODE_FLAGS`. */
  nodeFlags?: string[];
  /** Receives every line the app writes (JSON log lines on stdout, anything on stderr). */
  onLine?: (app: AppName, line: string, stream: 'stdout' | 'stderr') => void;
}

/** How an app process ended, and whether the stack asked for it (stop, kill). */
export interface AppExit {
  app: AppName;
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** False when the app went away on its own: a crash, an OOM kill, a `kill -9` from outside. */
  requested: boolean;
  /** Its last lines (stdout and stderr), oldest first. */
  lastLines: string[];
}

/** How many of an app's last log lines are kept for a crash report. */
const KEPT_LINES = 20;

/**
 * One app as a child process, started exactly as in production (`node dist/main.js`). Its
 * log lines go to its own file; it is asked to stop with SIGTERM and killed if it does not.
 * `stop()` and `kill()` are the stack's own requests; any other end of the process is
 * reported to `onExit` as unrequested (the supervisor restarts it).
 */
export class AppProcess {
  private child?: ChildProcess;
  private exit?: Promise<number | null>;
  private log?: WriteStream;
  private stopRequested = false;
  private readonly recent: string[] = [];
  /** Called whenever the process ends (see `AppExit.requested`). */
  onExit?: (exit: AppExit) => void;

  constructor(
    readonly name: AppName,
    private readonly options: AppProcessOptions,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get healthUrl(): string {
    return this.options.healthUrl;
  }

  /** Where its lines go (stdout and stderr, as written). */
  get logFile(): string {
    return this.options.logFile;
  }

  /** The app's last log lines, oldest first. */
  get lastLines(): string[] {
    return [...this.recent];
  }

  start(extraEnv: NodeJS.ProcessEnv = {}): void {
    if (this.running) return;
    this.stopRequested = false;
    this.log ??= createWriteStream(this.options.logFile, { flags: 'a' });
    // The IPC channel lets the app notice when the stack itself dies, and stop with it. A
    // process group of its own keeps a terminal's Ctrl-C (sent to the whole foreground group)
    // from reaching it: the stack stops the apps itself, each once, before the stand-ins.
    const flags = [...APP_NODE_FLAGS, ...(this.options.nodeFlags ?? [])];
    const child = spawn(process.execPath, [...flags, appScript(this.name, 'main')], {
      env: { ...APP_ENV, ...this.options.env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
    });
    this.child = child;
    // 'close', not 'exit': only then has every line the app wrote been read from its pipes.
    this.exit = new Promise((resolve) =>
      child.once('close', (code, signal) => {
        resolve(code);
        if (this.child === child) {
          this.onExit?.({
            app: this.name,
            pid: child.pid,
            code,
            signal,
            requested: this.stopRequested,
            lastLines: this.lastLines,
          });
        }
      }),
    );
    for (const stream of ['stdout', 'stderr'] as const) {
      createInterface({ input: child[stream]! }).on('line', (line) => {
        this.recent.push(line);
        if (this.recent.length > KEPT_LINES) this.recent.shift();
        this.log?.write(`${line}\n`);
        this.options.onLine?.(this.name, line, stream);
      });
    }
  }

  /** Resolves once /health answers 200; rejects with the last answer when it does not in time. */
  async waitHealthy(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (!this.running)
        throw new Error(
          `${this.name} exited with code ${this.child?.exitCode} before it was healthy`,
        );
      try {
        const response = await fetch(this.options.healthUrl, { signal: AbortSignal.timeout(2000) });
        if (response.status === 200) return;
        last = `${response.status} ${await response.text()}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} was not healthy within ${timeoutMs} ms: ${last}`);
  }

  /** Graceful stop: SIGTERM, then SIGKILL if it is still there after the deadline. */
  async stop(timeoutMs = 15_000): Promise<void> {
    this.stopRequested = true;
    if (!this.running) return;
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), timeoutMs);
    await this.exit;
    clearTimeout(timer);
  }

  /** Kills at once with no chance to clean up (kill -9), as a crash would. */
  async kill(): Promise<void> {
    this.stopRequested = true;
    if (!this.running) return;
    this.child!.kill('SIGKILL');
    await this.exit;
  }

  async close(): Promise<void> {
    await this.stop();
    await new Promise<void>((resolve) => (this.log ? this.log.end(resolve) : resolve()));
    this.log = undefined;
  }
}
