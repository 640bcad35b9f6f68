import { LOCAL_DATABASE_URL, type LoadConfigOptions } from '@inventory/platform';
import type { NotificationConfig } from './notification.config';

export const configOptions: LoadConfigOptions<NotificationConfig> = {
  app: 'notification-service',
  developmentDefaults: {
    DATABASE_URL: LOCAL_DATABASE_URL,
    SES_FROM: 'alerts@inventory.local',
    PUBLIC_URL: 'http://localhost:3000',
  },
};
