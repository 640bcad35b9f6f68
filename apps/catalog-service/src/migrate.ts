import 'reflect-metadata';
import { runMigrationsCli } from '@inventory/platform';
import { configOptions } from './config-options';
import { catalogDatabase } from './database/catalog.database';
import { CatalogConfig } from './catalog.config';

void runMigrationsCli(CatalogConfig, configOptions, catalogDatabase);
