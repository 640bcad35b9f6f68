import 'reflect-metadata';
import {
  correlationMiddleware,
  createFastifyApp,
  exitOnStartupError,
  loadConfigOrExit,
  logStarted,
} from '@inventory/platform';
import { AppModule } from './app.module';
import { configOptions } from './config-options';
import { GatewayConfig } from './gateway.config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(GatewayConfig, configOptions);
  try {
    const app = await createFastifyApp(AppModule.forRoot(config), {
      bodyLimit: config.BODY_LIMIT_BYTES,
    });
    app.use(correlationMiddleware);
    app.setGlobalPrefix('api/v1', { exclude: ['health', 'health/live'] });
    await app.listen(config.PORT, config.HOST);
    await logStarted(app, config, { url: `http://${config.HOST}:${config.PORT}` });
  } catch (error) {
    exitOnStartupError('gateway', error, { PORT: config.PORT });
  }
}

void main();
