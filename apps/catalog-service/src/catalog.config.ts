import { ServiceBaseConfig } from '@inventory/platform';

/** Configuration of the catalog service, read from the environment at boot. */
export class CatalogConfig extends ServiceBaseConfig {
  override BUS_PORT = 4001;
  override HEALTH_PORT = 3001;
}
