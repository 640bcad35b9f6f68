import 'reflect-metadata';
import { runMigrationsCli } from '@inventory/platform';
import { configOptions } from './config-options';
import { stockDatabase } from './database/stock.database';
import { StockConfig } from './stock.config';

void runMigrationsCli(StockConfig, configOptions, stockDatabase);
