import { PinoLogger } from 'nestjs-pino';
import { ConfigError } from '../config/load-config';
import { LogDestination } from '../logging/log-destination';

/**
 * What a person sees when an app cannot start: one line naming the problem (a variable, a
 * port), never a stack trace for something they can fix themselves.
 */
export function describeStartupError(error: unknown, ports: Record<string, number> = {}): string {
  if (error instanceof ConfigError) return error.message;
  const code = (error as { code?: string })?.code;
  if (code === 'EADDRINUSE') {
    const port = Number(
      (error as { port?: number }).port ?? /:(\d+)\s*$/.exec(String((error as Error).message))?.[1],
    );
    const name = Object.entries(ports).find(([, value]) => value === port)?.[0];
    return `Port ${port}${name ? ` (${name})` : ''} is already in use: stop whatever holds it or choose another port`;
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
    const { address, port } = error as { address?: string; port?: number };
    const where = address ? ` ${address}${port ? `:${port}` : ''}` : '';
    return `Cannot use the database${where}: ${(error as Error).message} (check DATABASE_URL)`;
  }
  if (code === 'EACCES') return `Not allowed to listen: ${(error as Error).message}`;
  return '';
}

export function exitOnStartupError(
  app: string,
  error: unknown,
  ports: Record<string, number> = {},
): never {
  const known = describeStartupError(error, ports);
  if (known) {
    process.stderr.write(`${app}: ${known}\n`);
  } else {
    process.stderr.write(`${app}: failed to start\n`);
    console.error(error);
  }
  // When logging was already up, the failure also reaches the log stream (and CloudWatch).
  PinoLogger.root?.fatal(
    { context: 'Bootstrap', event: 'app.start_failed', err: error },
    known || 'failed to start',
  );
  LogDestination.active?.close();
  process.exit(1);
}
