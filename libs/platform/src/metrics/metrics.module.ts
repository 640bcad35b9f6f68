import { type DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { AppBaseConfig } from '../config/base.config';
import { METRICS_SETTINGS, type MetricsSettings, MetricsService } from './metrics.service';

/**
 * `MetricsService` for every module. `LoggingModule` imports `forRoot`, which writes the
 * EMF lines through the app's pino logger with the `Service` dimension and the namespace
 * from METRICS_NAMESPACE. A module may import the bare `MetricsModule` as well: its
 * instance writes with the same settings. Alone (unit tests), it writes through Nest's
 * logger.
 */
@Global()
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {
  static forRoot(options: { service: string }): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      providers: [
        {
          provide: METRICS_SETTINGS,
          inject: [AppBaseConfig],
          useFactory: (config: AppBaseConfig): MetricsSettings => {
            const settings = {
              namespace: config.METRICS_NAMESPACE,
              service: options.service,
              write: emfWriter(config.LOG_LEVEL === 'silent' ? 'silent' : 'info'),
            };
            MetricsService.appSettings = settings;
            return settings;
          },
        },
        MetricsService,
      ],
      exports: [MetricsService],
    };
  }
}

/**
 * Writes EMF documents as info lines of the app's root logger. They are data, not chatter:
 * a LOG_LEVEL of warn or error does not silence them (only `silent` does).
 */
function emfWriter(level: 'info' | 'silent'): MetricsSettings['write'] {
  let root: Pino | undefined;
  let logger: Pino | undefined;
  const fallback = new Logger('Metrics');
  return (document) => {
    if (PinoLogger.root !== root) {
      root = PinoLogger.root;
      logger = root?.child({ context: 'Metrics' }, { level });
    }
    if (logger) logger.info({ event: 'metrics', ...document }, 'metrics');
    else fallback.log({ event: 'metrics', ...document }, 'metrics');
  };
}
