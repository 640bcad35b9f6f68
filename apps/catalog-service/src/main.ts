import 'reflect-metadata';
import { loadConfigOrQuit, runService } from '@inventory/platform';
import { AppModule } from './app.module';
import { configOptions } from './config-options';
import { CatalogConfig } from './catalog.config';

const config = loadConfigOrQuit(CatalogConfig, configOptions);
void runService({ service: 'catalog', module: AppModule.forRoot(config), config });
