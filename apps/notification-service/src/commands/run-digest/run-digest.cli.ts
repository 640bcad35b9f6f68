import { randomUUID } from 'node:crypto';
import { DigestStatuses, type DigestRunResult, RunDigest } from '@inventory/contracts';
import { loadConfig, RequestContext, ServiceBus, ServiceError } from '@inventory/platform';
import { configOptions } from '../../config-options';
import { NotificationConfig } from '../../notification.config';
import { digestLine } from './digest.email';

const USAGE = `Usage: npm run run-digest [-- --force]

Runs the low-stock digest now: asks the running notification service to list every product
at or below its reorder level and email it to the alert recipients. A digest goes out once
a day; --force sends it again. Reads the same environment as the notification service.
`;

/** A digest run by hand can wait for the stock service and SES longer than a request. */
const CLI_TIMEOUT_MS = 60_000;

interface Output {
  write(text: string): unknown;
}

/**
 * `npm run run-digest` (also `npm run check-low-stock`, the name the product's brief gave it). Returns the exit code: 0 when the run
 * did what it should (sent, nothing low, already sent today), 1 when nothing could be sent
 * (no recipients, SES or a service unavailable), 2 for a wrong command line.
 */
export async function runDigestCli(
  argv: string[],
  env: Record<string, string | undefined>,
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  const unknown = argv.filter((arg) => !['--force', '-f', '--help', '-h'].includes(arg));
  if (argv.includes('--help') || argv.includes('-h') || unknown.length > 0) {
    if (unknown.length > 0) err.write(`run-digest: unknown option ${unknown.join(' ')}\n`);
    (unknown.length > 0 ? err : out).write(USAGE);
    return unknown.length > 0 ? 2 : 0;
  }
  const force = argv.includes('--force') || argv.includes('-f');

  let config: NotificationConfig;
  try {
    config = loadConfig(NotificationConfig, env, configOptions);
  } catch (error) {
    err.write(`run-digest: ${(error as Error).message}\n`);
    return 1;
  }
  // Run with the service's own environment, the CLI finds it on its bus port.
  config.NOTIFICATION_SERVICE_URL ??= `tcp://127.0.0.1:${config.BUS_PORT}`;
  const bus = new ServiceBus(config);
  try {
    const result = await RequestContext.run(
      { correlationId: `cli-${randomUUID()}`, origin: 'cli' },
      () => bus.send(RunDigest, { force }, { timeoutMs: CLI_TIMEOUT_MS }),
    );
    out.write(describeRun(result));
    return result.status === DigestStatuses.NoRecipients ? 1 : 0;
  } catch (error) {
    const message = error instanceof ServiceError ? error.message : String(error);
    err.write(`run-digest: ${message}\n`);
    if (error instanceof ServiceError && error.getStatus() === 503) {
      err.write('Is the notification service running (npm start)?\n');
    }
    return 1;
  } finally {
    await bus.onApplicationShutdown();
  }
}

/** What the run found and did, for a person at a terminal. */
export function describeRun(result: DigestRunResult): string {
  const lines = [`Low-stock check for ${result.runDate} (${result.timeZone})`];
  const count = result.items.length;
  if (count === 0) {
    lines.push('Nothing is at or below its reorder level.');
  } else {
    lines.push(
      `Found ${count} ${count === 1 ? 'item' : 'items'} at or below the reorder level:`,
      ...result.items.map(digestLine),
    );
  }
  switch (result.status) {
    case DigestStatuses.Sent:
      lines.push(
        `Sent "${result.subject}" to ${result.recipients.join(', ')} (SES message id ${result.sesMessageId}).`,
      );
      break;
    case DigestStatuses.NothingLow:
      lines.push('No email sent.');
      break;
    case DigestStatuses.AlreadySent:
      lines.push(
        `Today's digest already went out at ${result.previouslySentAt}: nothing sent. Use --force to send it again.`,
      );
      break;
    case DigestStatuses.NoRecipients:
      lines.push(
        'No alert recipients are configured: nothing sent. Set them with PUT /api/v1/alerts/recipients.',
      );
      break;
  }
  return `${lines.join('\n')}\n`;
}
