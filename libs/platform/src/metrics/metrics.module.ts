import { type DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { Logger as Pino } from 'pino';
import { AppBaseConfig } from '../config/base.config';
import { usePrettyLogs } from '../logging/pino-options';
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
              write: emfWriter(config),
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
 * a LOG_LEVEL of warn or error does not silence them (only `silent` does). On a pretty
 * console with no CloudWatch to read them they are debug lines, out of a developer's way.
 */
function emfWriter(config: AppBaseConfig): MetricsSettings['write'] {
  const forPeopleOnly = usePrettyLogs(config) && !config.CLOUDWATCH_LOG_GROUP;
  const method = forPeopleOnly ? 'debug' : 'info';
  const level = config.LOG_LEVEL === 'silent' || forPeopleOnly ? config.LOG_LEVEL : 'info';
  let root: Pino | undefined;
  let logger: Pino | undefined;
  const fallback = new Logger('Metrics');
  return (document) => {
    if (PinoLogger.root !== root) {
      root = PinoLogger.root;
      logger = root?.child({ context: 'Metrics' }, { level });
    }
    if (logger) logger[method]({ event: 'metrics', ...document }, 'metrics');
    else fallback.log({ event: 'metrics', ...document }, 'metrics');
  };
}
