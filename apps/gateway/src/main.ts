import 'reflect-metadata';
import { exitOnStartupError, loadConfigOrQuit, logStarted } from '@inventory/platform';
import { configOptions } from './config-options';
import { createGatewayApp } from './gateway-app';
import { GatewayConfig } from './gateway.config';

async function main(): Promise<void> {
  const config = loadConfigOrQuit(GatewayConfig, configOptions);
  try {
    const app = await createGatewayApp(config);
    await app.listen(config.PORT, config.HOST);
    await logStarted(app, config, {
      url: `http://${config.HOST}:${config.PORT}`,
      docs: `${config.PUBLIC_URL}/api/docs`,
    });
  } catch (error) {
    exitOnStartupError('gateway', error, { PORT: config.PORT });
  }
}

void main();
