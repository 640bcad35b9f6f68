import { resolve } from 'node:path';
import { consolePrinter } from './console';
import { PortInUseError } from './ports';
import { PostgresStartError } from './postgres';
import { REPO_ROOT } from './paths';
import { startStack, type Stack } from './stack';

/**
 * `npm start`: the whole system on this machine. Data stays in DATA_DIR (default .data/),
 * so a second start finds the inventory where the first left it. Ctrl-C stops everything.
 */
async function main(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR ?? resolve(REPO_ROOT, '.data'));
  const say = (message: string) => process.stdout.write(`local stack │ ${message}\n`);
  let stack: Stack | undefined;
  let stopping = false;
  const alarm = (message: string) =>
    process.stderr.write(
      `${message
        .split('\n')
        .map((line) => `local stack │ ${line}`)
        .join('\n')}\n`,
    );
  const starting = startStack({
    dataDir,
    onProgress: say,
    onAlarm: alarm,
    onLine: consolePrinter({ colour: process.stdout.isTTY === true }),
  });
  // Postgres and the apps run in process groups of their own, so a terminal's Ctrl-C reaches
  // only this process (and npm): it stops them in order, apps first, Postgres last. A second
  // signal (npm passes the terminal's on) changes nothing.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping every service…`);
    // Stopped while starting: let the start finish (or fail and clean up), then stop it all.
    const running = stack ?? (await starting.catch(() => undefined));
    await running?.stop();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));

  try {
    stack = await starting;
  } catch (error) {
    if (stopping) return;
    process.stderr.write(`local stack: ${startFailure(error)}\n`);
    process.exit(1);
  }
  if (stopping) return;
  printSummary(stack, dataDir);
  // An app that keeps crashing has stopped the stack (the supervisor said why): exit non-zero.
  const error = await stack.gaveUp;
  if (stopping) return;
  stopping = true;
  process.stderr.write(`local stack: stopped: ${error.message}\n`);
  process.exit(1);
}

function printSummary(stack: Stack, dataDir: string): void {
  const rows: [string, string][] = [
    ['Console', stack.urls.console],
    ['API', stack.urls.api],
    ['API docs', stack.urls.docs],
    ['Health', stack.urls.health],
    [
      'Sent mail',
      stack.appEnv.EMAIL_DRIVER === 'smtp' && stack.appEnv.SMTP_URL
        ? `through ${redact(stack.appEnv.SMTP_URL)} (email log: ${stack.urls.console}admin/alerts)`
        : stack.urls.mail,
    ],
    ['S3 stand-in', stack.urls.s3],
    ['SQS stand-in', stack.urls.sqs],
    ['Database', redact(stack.databaseUrl)],
    ['Bus', stack.natsUrl ?? 'TCP'],
    ['Admin login', `${stack.admin.email} / ${stack.admin.password}`],
    ['Data and logs', dataDir],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    '',
    `Electronic Inventory is up (all services healthy in ${(stack.startupMs / 1000).toFixed(1)} s)`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * One or two lines a user can act on: what failed and why (Postgres's own FATAL line, the
 * taken port and its variable …). Errors without a message (a library rejecting with
 * undefined) still say what they are; an unknown error adds its stack for a bug report.
 */
export function startFailure(error: unknown): string {
  if (error instanceof PortInUseError || error instanceof PostgresStartError) return error.message;
  if (error instanceof Error && error.message) return `could not start: ${error.message}`;
  return `could not start: ${error === undefined ? 'an unknown failure (no error was given)' : String(error)}`;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    return parsed.toString();
  } catch {
    return url;
  }
}

void main();
