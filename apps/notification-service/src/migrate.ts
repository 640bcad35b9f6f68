import 'reflect-metadata';
import { runMigrationsCli } from '@inventory/platform';
import { configOptions } from './config-options';
import { notificationDatabase } from './database/notification.database';
import { NotificationConfig } from './notification.config';

void runMigrationsCli(NotificationConfig, configOptions, notificationDatabase);
