import { LOCAL_DATABASE_URL, type LoadConfigOptions } from '@inventory/platform';
import type { GatewayConfig } from './gateway.config';

export const configOptions: LoadConfigOptions<GatewayConfig> = {
  app: 'gateway',
  developmentDefaults: {
    DATABASE_URL: LOCAL_DATABASE_URL,
    JWT_SECRET: 'development-only-secret-never-used-in-production',
    PUBLIC_URL: 'http://localhost:3000',
  },
};
