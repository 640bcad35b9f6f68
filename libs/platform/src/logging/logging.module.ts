import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppBaseConfig } from '../config/base.config';
import { MetricsModule } from '../metrics/metrics.module';
import { LifecycleLogger } from './lifecycle-logger';
import { LogDestination, type LogDestinationOverrides } from './log-destination';
import { pinoOptions, type LoggingIdentity } from './pino-options';

export interface LoggingOptions extends LoggingIdentity {
  /** Log one line per HTTP request (the gateway does; services only serve /health). */
  logRequests: boolean;
  /** Tests only: where console lines go, transport timings. */
  destination?: LogDestinationOverrides;
}

/** Load balancers and the local stack ask for /health every few seconds: not worth a line each. */
const isHealthCheck = (req: { url?: string; originalUrl?: string }) =>
  /^\/health(\/|\?|$)/.test(req.originalUrl ?? req.url ?? '');

/**
 * nestjs-pino wired to the platform's pino options and log destination (console, plus
 * CloudWatch Logs when CLOUDWATCH_LOG_GROUP is set), and the metrics written into the same
 * lines. HTTP request lines carry the same correlation id as everything logged while
 * serving the request.
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
            const base = pinoOptions(config, options);
            const httpOptions = {
              ...base,
              autoLogging: options.logRequests ? { ignore: isHealthCheck } : false,
              // Lines logged while serving a request carry only its id (the correlation id);
              // the one "request completed" line carries method, URL, status and duration.
              quietReqLogger: true,
              // A request the server failed is an error line; anything else is the caller's business.
              customLogLevel: (_req: unknown, res: { statusCode: number }, error?: Error) =>
                error || res.statusCode >= 500 ? ('error' as const) : ('info' as const),
              serializers: {
                ...base.serializers,
                req: (req: { method: string; url: string }) => ({
                  method: req.method,
                  url: req.url,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            };
            return {
              pinoHttp: destination.stream ? [httpOptions, destination.stream] : httpOptions,
              forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
            };
          },
        }),
      ],
      providers: [LifecycleLogger],
      exports: [LoggerModule, MetricsModule],
    };
  }
}
