import 'reflect-metadata';
import { loadConfigOrExit, runService } from '@inventory/platform';
import { AppModule } from './app.module';
import { configOptions } from './config-options';
import { NotificationConfig } from './notification.config';

const config = loadConfigOrExit(NotificationConfig, configOptions);
void runService({ service: 'notification', module: AppModule.forRoot(config), config });
