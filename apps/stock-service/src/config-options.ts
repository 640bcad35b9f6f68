import { LOCAL_DATABASE_URL, type LoadConfigOptions } from '@inventory/platform';
import type { StockConfig } from './stock.config';

export const configOptions: LoadConfigOptions<StockConfig> = {
  app: 'stock-service',
  developmentDefaults: { DATABASE_URL: LOCAL_DATABASE_URL },
};
