import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

const NATS_BINARIES = [
  '/usr/sbin/nats-server',
  '/usr/bin/nats-server',
  '/usr/local/bin/nats-server',
];

export const natsServerBinary = () => NATS_BINARIES.find((path) => existsSync(path));

/**
 * A private nats-server for one test stack. Two stacks on one NATS server would answer each
 * other's requests (the subjects are the same), so each test stack gets its own.
 */
export async function startNatsServer(
  port: number,
): Promise<{ url: string; stop(): Promise<void> }> {
  const binary = natsServerBinary();
  if (!binary) throw new Error('nats-server is not installed (Debian package nats-server)');
  const child: ChildProcess = spawn(binary, ['-a', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await canConnect(port))) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`nats-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
