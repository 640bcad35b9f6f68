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
