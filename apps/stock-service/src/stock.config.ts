import { ServiceBaseConfig } from '@inventory/platform';

/** Configuration of the stock service, read from the environment at boot. */
export class StockConfig extends ServiceBaseConfig {
  override BUS_PORT = 4002;
  override HEALTH_PORT = 3002;
}
