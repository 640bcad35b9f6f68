import 'reflect-metadata';
import { loadConfigOrQuit, runService } from '@inventory/platform';
import { AppModule } from './app.module';
import { configOptions } from './config-options';
import { StockConfig } from './stock.config';

const config = loadConfigOrQuit(StockConfig, configOptions);
void runService({ service: 'stock', module: AppModule.forRoot(config), config });
