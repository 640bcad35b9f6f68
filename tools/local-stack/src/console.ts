import { prettyFactory } from 'pino-pretty';
import type { AppName } from './apps';

const COLOURS: Record<AppName, string> = {
  gateway: '\x1b[36m',
  catalog: '\x1b[35m',
  stock: '\x1b[33m',
  notification: '\x1b[32m',
};
const RESET = '\x1b[0m';

/** Turns the apps' JSON log lines into readable console lines, each marked with its app. */
export function consolePrinter(options: { colour: boolean; level?: string }) {
  const pretty = prettyFactory({
    colorize: options.colour,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,instance,service,context',
    singleLine: true,
    messageFormat: '{if context}({context}) {end}{msg}',
  });
  const width = Math.max(...Object.keys(COLOURS).map((name) => name.length));
  return (app: AppName, line: string, stream: 'stdout' | 'stderr') => {
    const label = app.padEnd(width);
    const prefix = options.colour ? `${COLOURS[app]}${label}${RESET} │ ` : `${label} │ `;
    let text = line;
    // Metric lines (Embedded Metric Format) are for CloudWatch; the app's log file keeps them.
    if (stream === 'stdout' && line.includes('"_aws":{')) return;
    if (stream === 'stdout' && line.startsWith('{')) {
      try {
        text = pretty(JSON.parse(line)).trimEnd();
      } catch {
        // not JSON after all: print as it is
      }
    }
    process.stdout.write(`${prefix}${text}\n`);
  };
}
