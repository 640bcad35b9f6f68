import { hostname } from 'node:os';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EnvInt, EnvPort } from './env-decorators';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const POSTGRES_URL = /^postgres(ql)?:\/\/.+/;
const TCP_URL = /^tcp:\/\/[^:/]+:\d{1,5}$/;

/** Settings every app reads: runtime mode, logging, database, bus, AWS. */
export class AppBaseConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** `pretty` for people at a terminal, `json` for machines; defaults by NODE_ENV. */
  @IsOptional()
  @IsIn(['pretty', 'json'])
  LOG_FORMAT?: 'pretty' | 'json';

  /**
   * CloudWatch Logs group every line is also shipped to (one stream per process); unset:
   * logs stay on the console. Production uses /aws/inventory-app.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._\-/#]{1,512}$/, {
    message: 'CLOUDWATCH_LOG_GROUP may hold letters, digits and . _ - / # (at most 512)',
  })
  CLOUDWATCH_LOG_GROUP?: string;

  /** Most log lines kept in memory (MB) while CloudWatch is not taking them; the oldest go first. */
  @EnvInt(1, 1024)
  CLOUDWATCH_BUFFER_MB = 16;

  /** CloudWatch namespace of the metrics written as Embedded Metric Format lines. */
  @Matches(/^(?!AWS\/)(?=.*\S)[0-9A-Za-z._\-/#: ]{1,255}$/, {
    message:
      'METRICS_NAMESPACE must be 1-255 letters, digits, spaces or . _ - / # : and not start with AWS/',
  })
  METRICS_NAMESPACE = 'ElectronicInventory';

  /** After SIGTERM/SIGINT, how long stopping may take before the process exits anyway. */
  @EnvInt(1000, 600_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** Identifies this process in logs and health reports. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  SERVICE_INSTANCE = `${hostname()}-${process.pid}`;

  @Matches(POSTGRES_URL, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @EnvInt(1, 200)
  DATABASE_POOL_SIZE = 10;

  /** When set, the bus is NATS (queue groups share work between instances); otherwise TCP. */
  @IsOptional()
  @Matches(/^(nats|tls):\/\/.+/, { message: 'NATS_URL must be a nats:// URL' })
  NATS_URL?: string;

  @IsString()
  @Matches(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: 'AWS_REGION must look like us-east-1' })
  AWS_REGION = 'us-east-1';

  /** TCP address of each service's bus listener (used only when NATS_URL is unset). */
  @IsOptional()
  @Matches(TCP_URL, { message: 'CATALOG_SERVICE_URL must look like tcp://host:port' })
  CATALOG_SERVICE_URL?: string;

  @IsOptional()
  @Matches(TCP_URL, { message: 'STOCK_SERVICE_URL must look like tcp://host:port' })
  STOCK_SERVICE_URL?: string;

  @IsOptional()
  @Matches(TCP_URL, { message: 'NOTIFICATION_SERVICE_URL must look like tcp://host:port' })
  NOTIFICATION_SERVICE_URL?: string;

  /** How long a bus request may take before the caller gives up (504 at the gateway). */
  @EnvInt(100, 120_000)
  BUS_TIMEOUT_MS = 5000;

  /** Prepended to every queue name, e.g. "prod-" gives prod-stock-events. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{0,40}$/, { message: 'QUEUE_PREFIX may hold letters, digits, - and _' })
  QUEUE_PREFIX = '';
}

/** A service behind the gateway: it listens on the bus and serves /health over HTTP. */
export class ServiceBaseConfig extends AppBaseConfig {
  /** Address the TCP bus listener binds to (ignored when NATS_URL is set). */
  @IsString()
  @IsNotEmpty()
  BUS_HOST = '127.0.0.1';

  @EnvPort()
  BUS_PORT!: number;

  @EnvPort()
  HEALTH_PORT!: number;

  /** Address the health port binds to. */
  @IsString()
  @IsNotEmpty()
  HEALTH_HOST = '0.0.0.0';
}

/** Development default for DATABASE_URL: the embedded Postgres that `npm start` runs. */
export const LOCAL_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:15432/inventory';
