import type { AppExit, AppProcess } from '../src/app-process';
import type { AppName } from '../src/apps';
import { type AppKeepsCrashingError, Supervisor, type SupervisorPolicy } from '../src/supervisor';

/**
 * An app whose process the test ends by hand: `crash()` is an exit nobody asked for,
 * `healthy` says whether a start comes up.
 */
class FakeApp {
  onExit?: (exit: AppExit) => void;
  starts = 0;
  healthy = true;
  running = true;
  pid = 1000;

  constructor(readonly name: AppName) {}

  start(): void {
    this.starts++;
    this.running = true;
    this.pid++;
  }

  async waitHealthy(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (!this.healthy) {
      this.crash(1);
      throw new Error(`${this.name} exited with code 1 before it was healthy`);
    }
  }

  crash(code: number | null, signal: NodeJS.Signals | null = null, requested = false): void {
    this.running = false;
    this.onExit?.({
      app: this.name,
      pid: this.pid,
      code,
      signal,
      requested,
      lastLines: ['{"level":"error","msg":"boom"}'],
    });
  }
}

const policy: SupervisorPolicy = {
  backoffMs: () => 5,
  maxCrashes: 5,
  windowMs: 60_000,
  maxCrashesBeforeHealthy: 3,
  healthyTimeoutMs: 1000,
};

function supervise(app: FakeApp, overrides: Partial<SupervisorPolicy> = {}) {
  const said: string[] = [];
  let gaveUp: AppKeepsCrashingError | undefined;
  const supervisor = new Supervisor(
    [app as unknown as AppProcess],
    {
      crashed: (message) => said.push(message),
      recovered: (message) => said.push(message),
      gaveUp: (error) => (gaveUp = error),
    },
    { ...policy, ...overrides },
  );
  supervisor.start();
  return { said, supervisor, gaveUp: () => gaveUp };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

describe('Supervisor', () => {
  it('reports a crash with its signal and last lines, restarts the app and says when it is back', async () => {
    const app = new FakeApp('stock');
    const { said } = supervise(app);
    app.crash(null, 'SIGKILL');
    await until(() => said.length === 2);
    expect(said[0]).toBe(
      [
        '!!! stock (pid 1000) was killed by SIGKILL unexpectedly',
        '    its last log lines:',
        '    {"level":"error","msg":"boom"}',
        '!!! restarting stock in 0 s (crash 1 in a row)',
      ].join('\n'),
    );
    expect(said[1]).toMatch(/^stock is healthy again \(\d+\.\d s after the crash\)$/);
    expect(app.starts).toBe(1);
  });

  it('leaves alone an exit the stack asked for', async () => {
    const app = new FakeApp('gateway');
    const { said } = supervise(app);
    app.crash(0, null, true);
    await new Promise((r) => setTimeout(r, 30));
    expect(said).toEqual([]);
    expect(app.starts).toBe(0);
  });

  it('gives up on an app that crashes 3 times in a row without becoming healthy', async () => {
    const app = new FakeApp('notification');
    const { said, gaveUp } = supervise(app);
    app.healthy = false;
    app.crash(1);
    await until(() => gaveUp() !== undefined);
    expect(app.starts).toBe(2);
    expect(said).toHaveLength(3);
    expect(said[2]).toContain(
      '!!! notification crashed 3 times in a row without becoming healthy: giving up, stopping the stack',
    );
    expect(gaveUp()!.message).toBe(
      'notification crashed 3 times in a row without becoming healthy (last: exited with code 1); see its log lines above and its log file',
    );
    // No restart after giving up.
    await new Promise((r) => setTimeout(r, 30));
    expect(app.starts).toBe(2);
  });

  it('gives up on an app that comes back each time but crashes 5 times within the window', async () => {
    const app = new FakeApp('catalog');
    const { said, gaveUp } = supervise(app);
    for (let crash = 1; crash <= 4; crash++) {
      app.crash(137);
      await until(() => said.some((m) => m.startsWith('catalog is healthy again')));
      said.length = 0;
    }
    app.crash(137);
    expect(gaveUp()?.message).toMatch(
      /^catalog crashed 5 times within 60 s \(last: exited with code 137\)/,
    );
    expect(app.starts).toBe(4);
  });

  it('forgets crashes older than the window', async () => {
    const app = new FakeApp('catalog');
    const { said, gaveUp } = supervise(app, { windowMs: 20 });
    for (let crash = 1; crash <= 6; crash++) {
      app.crash(1);
      await until(() => said.some((m) => m.startsWith('catalog is healthy again')));
      said.length = 0;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(gaveUp()).toBeUndefined();
    expect(app.starts).toBe(6);
  });

  it('stops restarting once the stack stops', async () => {
    const app = new FakeApp('stock');
    const { supervisor } = supervise(app, { backoffMs: () => 20 });
    app.crash(1);
    supervisor.stop();
    await new Promise((r) => setTimeout(r, 40));
    expect(app.starts).toBe(0);
  });
});
