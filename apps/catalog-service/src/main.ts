import 'reflect-metadata';
import { loadConfigOrExit, runService } from '@inventory/platform';
import { AppModule } from './app.module';
import { configOptions } from './config-options';
import { CatalogConfig } from './catalog.config';

const config = loadConfigOrExit(CatalogConfig, configOptions);
void runService({ service: 'catalog', module: AppModule.forRoot(config), config });
