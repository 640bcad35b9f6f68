import type { DynamicModule } from '@nestjs/common';
import type { ServiceName } from '@inventory/contracts';
import { busServerOptions } from '../bus/bus-options';
import { BusContextInterceptor } from '../bus/bus-context.interceptor';
import type { ServiceBaseConfig } from '../config/base.config';
import { ServiceExceptionFilter } from '../errors/service-exception.filter';
import { createValidationPipe } from '../errors/validation';
import { createFastifyApp, logStarted } from './create-app';
import { exitOnStartupError } from './exit-on-startup-error';

/**
 * Starts a service: bus listener (TCP or NATS) plus its small HTTP port for /health. The same
 * validation, error shape and correlation context apply to bus requests and HTTP alike.
 */
export async function runService(options: {
  service: ServiceName;
  module: DynamicModule;
  config: ServiceBaseConfig;
}): Promise<void> {
  const { service, module, config } = options;
  const ports: Record<string, number> = { HEALTH_PORT: config.HEALTH_PORT };
  if (!config.NATS_URL) ports.BUS_PORT = config.BUS_PORT;
  try {
    const app = await createFastifyApp(module);
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new ServiceExceptionFilter(service));
    app.useGlobalInterceptors(new BusContextInterceptor());
    app.connectMicroservice(busServerOptions(config, service), { inheritAppConfig: true });
    await app.startAllMicroservices();
    await app.listen(config.HEALTH_PORT, config.HEALTH_HOST);
    await logStarted(app, config, {
      bus: config.NATS_URL ? 'nats' : `tcp://${config.BUS_HOST}:${config.BUS_PORT}`,
      health: `http://${config.HEALTH_HOST}:${config.HEALTH_PORT}/health`,
    });
  } catch (error) {
    exitOnStartupError(`${service}-service`, error, ports);
  }
}
