import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppBaseConfig } from '../config/base.config';
import { MetricsModule } from '../metrics/metrics.module';
import { LifecycleLogger } from './lifecycle-logger';
import { LogDestination, type LogDestinationOverrides } from './log-destination';
import { pinoOptions, type LoggingIdentity } from './pino-options';

export interface LoggingOptions extends LoggingIdentity {
  /** Tests only: where console lines go, transport timings. */
  destination?: LogDestinationOverrides;
}

/**
 * nestjs-pino wired to the platform's pino options and log destination (console, plus
 * CloudWatch Logs when CLOUDWATCH_LOG_GROUP is set), and the metrics written into the same
 * lines. Every line logged while serving a request or an event carries its correlation id
 * (the `mixin` of `pinoOptions`); an app that wants one line per HTTP request calls
 * `logHttpRequests`.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        MetricsModule.forRoot({ service: options.service }),
        LoggerModule.forRootAsync({
          providers: [
            {
              provide: LogDestination,
              inject: [AppBaseConfig],
              useFactory: (config: AppBaseConfig) =>
                LogDestination.create(config, options, options.destination),
            },
          ],
          inject: [AppBaseConfig, LogDestination],
          useFactory: (config: AppBaseConfig, destination: LogDestination) => {
            // pino's options as they are: pino-http would wrap every `req`, `res` and `err`
            // in its request and response serializers, which read Node's objects.
            const base = { ...pinoOptions(config, options), wrapSerializers: false };
            return {
              pinoHttp: destination.stream ? [base, destination.stream] : base,
              // No pino-http middleware on any route: the root logger is all the apps use,
              // and the gateway's request lines come from `logHttpRequests`.
              forRoutes: [],
            };
          },
        }),
      ],
      providers: [LifecycleLogger],
      exports: [LoggerModule, MetricsModule],
    };
  }
}
