import { ServiceBaseConfig } from '@inventory/platform';

/** Configuration of the notification service, read from the environment at boot. */
export class NotificationConfig extends ServiceBaseConfig {
  override BUS_PORT = 4003;
  override HEALTH_PORT = 3003;
}
