import { createServer } from 'node:net';

/** Why the stack cannot start: a port someone else holds, named with the variable that sets it. */
export class PortInUseError extends Error {
  constructor(readonly taken: { port: number; name: string }[]) {
    super(
      taken.map(({ port, name }) => `Port ${port} (${name}) is already in use`).join('; ') +
        ': stop whatever holds it, or set the variable to another port',
    );
    this.name = 'PortInUseError';
  }
}

export function isPortFree(port: number, host = '0.0.0.0'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Throws one error naming every port (and its variable) that is taken. */
export async function assertPortsFree(ports: Record<string, number>): Promise<void> {
  const checks = await Promise.all(
    Object.entries(ports).map(async ([name, port]) => ({
      name,
      port,
      free: await isPortFree(port),
    })),
  );
  const taken = checks.filter((check) => !check.free);
  if (taken.length > 0) throw new PortInUseError(taken);
}

const handedOut = new Set<number>();

/**
 * A free port for a test stack, below 32768: ports above are handed to client sockets by
 * the kernel and could be taken between this check and the bind.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if (handedOut.has(port)) continue;
    if (await isPortFree(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('no free port found between 20000 and 32000');
}

/** Every port variable `npm start` reads (README, "Local stack"). */
export const STACK_PORT_VARIABLES = [
  'PORT',
  'POSTGRES_PORT',
  'S3_PORT',
  'SQS_PORT',
  'SES_PORT',
  'CATALOG_BUS_PORT',
  'STOCK_BUS_PORT',
  'NOTIFICATION_BUS_PORT',
  'CATALOG_HEALTH_PORT',
  'STOCK_HEALTH_PORT',
  'NOTIFICATION_HEALTH_PORT',
] as const;

/** A free port for each of `npm start`'s port variables, as environment variables. */
export async function freeStackPortEnv(): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const name of STACK_PORT_VARIABLES) env[name] = String(await freePort());
  return env;
}
