import { LOCAL_DATABASE_URL, type LoadConfigOptions } from '@inventory/platform';
import type { CatalogConfig } from './catalog.config';

export const configOptions: LoadConfigOptions<CatalogConfig> = {
  app: 'catalog-service',
  developmentDefaults: {
    DATABASE_URL: LOCAL_DATABASE_URL,
    // The bucket `npm start` creates in its S3 stand-in.
    S3_BUCKET: 'inventory-media',
  },
};
