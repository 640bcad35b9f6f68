import { DEFAULT_SERVICE_PORTS, type ServiceName } from '@inventory/contracts';
import { type ClientOptions, type MicroserviceOptions, Transport } from '@nestjs/microservices';
import type { AppBaseConfig, ServiceBaseConfig } from '../config/base.config';

/** How a service listens: NATS with a queue group when NATS_URL is set, else plain TCP. */
export function busServerOptions(
  config: ServiceBaseConfig,
  service: ServiceName,
): MicroserviceOptions {
  if (config.NATS_URL) {
    return {
      transport: Transport.NATS,
      // Every instance of a service joins the same queue group: each request goes to one of them.
      options: {
        servers: [config.NATS_URL],
        queue: `${service}-service`,
        name: config.SERVICE_INSTANCE,
      },
    };
  }
  return { transport: Transport.TCP, options: { host: config.BUS_HOST, port: config.BUS_PORT } };
}

/** How to reach a service: through NATS when configured, else its TCP address. */
export function busClientOptions(config: AppBaseConfig, target: ServiceName): ClientOptions {
  if (config.NATS_URL) {
    return {
      transport: Transport.NATS,
      options: { servers: [config.NATS_URL], name: config.SERVICE_INSTANCE },
    };
  }
  const { host, port } = serviceAddress(config, target);
  return { transport: Transport.TCP, options: { host, port } };
}

export function serviceAddress(
  config: AppBaseConfig,
  target: ServiceName,
): { host: string; port: number } {
  const url = config[`${target.toUpperCase()}_SERVICE_URL` as ServiceUrlKey];
  if (!url) return { host: '127.0.0.1', port: DEFAULT_SERVICE_PORTS[target].bus };
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port) };
}

type ServiceUrlKey = 'CATALOG_SERVICE_URL' | 'STOCK_SERVICE_URL' | 'NOTIFICATION_SERVICE_URL';
