import 'reflect-metadata';
import { loadConfigOrExit, runService } from '@inventory/platform';
import { AppModule } from './app.module';
import { configOptions } from './config-options';
import { StockConfig } from './stock.config';

const config = loadConfigOrExit(StockConfig, configOptions);
void runService({ service: 'stock', module: AppModule.forRoot(config), config });
