import 'reflect-metadata';
import { runMigrationsCli } from '@inventory/platform';
import { configOptions } from './config-options';
import { gatewayDatabase } from './database/gateway.database';
import { GatewayConfig } from './gateway.config';

void runMigrationsCli(GatewayConfig, configOptions, gatewayDatabase);
