import { repoPath } from './paths';

export type AppName = 'gateway' | 'catalog' | 'stock' | 'notification';

/** The four deployables, in the order they start (services before the gateway that calls them). */
export const APP_NAMES: AppName[] = ['catalog', 'stock', 'notification', 'gateway'];

const DIRECTORIES: Record<AppName, string> = {
  gateway: 'apps/gateway',
  catalog: 'apps/catalog-service',
  stock: 'apps/stock-service',
  notification: 'apps/notification-service',
};

export const appScript = (app: AppName, script: 'main' | 'migrate' | string) =>
  repoPath(DIRECTORIES[app], 'dist', `${script}.js`);

/**
 * Node flags every app runs with, here and in production (deploy/ec2 systemd unit,
 * docker-compose). V8's young generation grows to 16 MB semi-spaces under the allocation
 * burst of starting Nest and keeps them: capping them at 4 MB keeps an idle service near
 * 130 MB resident instead of 155-195 MB, for a few percent of peak throughput (measured
 * with `npm run bench:movements`).
 */
export const APP_NODE_FLAGS = ['--max-semi-space-size=4'];

/**
 * Environment every app runs with, here and in production (deploy/ec2 systemd unit, the
 * Dockerfile): glibc's malloc hands allocations of 1 MiB and more their own mapping, which
 * goes back to the system when freed. Its default moves that threshold up to the largest
 * block freed so far, so after the first sign-in the 19 MiB that argon2id hashes in came from
 * a libuv thread's arena and stayed there: four sign-ins at once took the gateway from
 * 144 MiB to 240 MiB for good (docs/adr/0021-malloc-returns-large-blocks.md).
 */
export const APP_ENV: NodeJS.ProcessEnv = { MALLOC_MMAP_THRESHOLD_: String(1024 * 1024) };

/**
 * How `npm start` runs the stack's own process (package.json's start script passes the same
 * flags), the one that hosts the S3, SQS and SES stand-ins: small semi-spaces as for the apps,
 * and an old space of 96 MB, which makes V8 collect before the heap grows. Without the cap the
 * process went from 145 MB idle to 330 MB after a load of 6,000 emails and 10,000 SQS
 * messages and stayed there; with it, it stays near 160 MB (npm run bench:idle).
 */
export const STACK_NODE_FLAGS = ['--max-semi-space-size=4', '--max-old-space-size=96'];
