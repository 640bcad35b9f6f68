import 'reflect-metadata';
import { loadConfigOrQuit, runService } from '@inventory/platform';
import { AppModule } from './app.module';
import { configOptions } from './config-options';
import { NotificationConfig } from './notification.config';

const config = loadConfigOrQuit(NotificationConfig, configOptions);
void runService({ service: 'notification', module: AppModule.forRoot(config), config });
