import { resolve } from 'node:path';
import { consolePrinter } from './console';
import { PortInUseError } from './ports';
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
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping every service…`);
    await stack?.stop();
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    stack = await startStack({
      dataDir,
      onProgress: say,
      onLine: consolePrinter({ colour: process.stdout.isTTY === true }),
    });
  } catch (error) {
    if (error instanceof PortInUseError) {
      process.stderr.write(`local stack: ${error.message}\n`);
    } else {
      process.stderr.write(`local stack: could not start: ${(error as Error).message}\n`);
    }
    process.exit(1);
  }
  if (stopping) return;
  printSummary(stack, dataDir);
}

function printSummary(stack: Stack, dataDir: string): void {
  const rows: [string, string][] = [
    ['Console', stack.urls.console],
    ['API', stack.urls.api],
    ['API docs', stack.urls.docs],
    ['Health', stack.urls.health],
    ['Sent mail', stack.urls.mail],
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
