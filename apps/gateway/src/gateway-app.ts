import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createFastifyApp, logHttpRequests, recordHttpMetrics } from '@inventory/platform';
import { AppModule } from './app.module';
import type { GatewayConfig } from './gateway.config';
import { configureHttp } from './http/configure-http';

/**
 * The gateway application, ready to listen. Tests start it through here too, optionally
 * with a root module that wraps `AppModule` (to add a test-only controller).
 */
export async function createGatewayApp(
  config: GatewayConfig,
  module: DynamicModule = AppModule.forRoot(config),
  options: { processLifecycle?: boolean } = {},
): Promise<NestFastifyApplication> {
  const app = await createFastifyApp(module, {
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy(),
    processLifecycle: options.processLifecycle,
  });
  // One "request completed" line per answer; HttpRequests / HttpErrors5xx by route pattern,
  // as EMF metric lines.
  logHttpRequests(app);
  recordHttpMetrics(app);
  await configureHttp(app, config);
  return app;
}
