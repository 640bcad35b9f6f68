/**
 * The CloudWatch Logs double of tools/local-stack in a process of its own, for
 * `bench:movements` with log shipping on: CloudWatch is remote in production, so its work
 * must not land on the stand-ins' process the bench measures. Forked with IPC; sends
 * `{ endpoint }` once listening and `{ events }` (how many it stored) when asked with
 * `'count'`; stops when the channel closes.
 */
import { cloudWatchLogsDouble, freePort } from '@inventory/local-stack';

export const BENCH_LOG_GROUP = '/bench/inventory-app';

async function serve(): Promise<void> {
  const double = cloudWatchLogsDouble(await freePort());
  await double.start();
  process.on('message', (message) => {
    if (message !== 'count') return;
    let events = 0;
    try {
      events = double.events(BENCH_LOG_GROUP).length;
    } catch {
      // no such group: nothing was shipped
    }
    process.send!({ events });
  });
  process.once('disconnect', () => {
    void double.stop().finally(() => process.exit(0));
  });
  process.send!({ endpoint: double.endpoint });
}

if (require.main === module && process.send) {
  serve().catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
