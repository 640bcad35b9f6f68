import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
// Only the service names and ports: the whole contracts library (DTOs, Swagger and validator
// decorators) would add about 50 MB to the process that hosts the stand-ins.
import { DEFAULT_SERVICE_PORTS, type ServiceName } from '@inventory/contracts/services';
import { AppProcess } from './app-process';
import { APP_NAMES, type AppName, appScript } from './apps';
import { startNatsServer } from './nats';
import { assertPortsFree, freePort } from './ports';
import {
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  startEmbeddedPostgres,
  type PostgresHandle,
} from './postgres';
import { repoPath } from './paths';
import { localSecrets } from './secrets';
import {
  type AppKeepsCrashingError,
  DEFAULT_SUPERVISOR_POLICY,
  Supervisor,
  type SupervisorPolicy,
} from './supervisor';
import { s3StandIn, sesStandIn, sqsStandIn, type StandIn } from './stand-ins';

const run = promisify(execFile);

export const DEFAULT_ADMIN = {
  email: 'admin@inventory.local',
  password: 'change-me-inventory-admin',
};
export const MEDIA_BUCKET = 'inventory-media';
/** s3rver accepts only this key pair unless configured otherwise; the other stand-ins accept any. */
const LOCAL_AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
};

export interface StackPorts {
  gateway: number;
  ses: number;
  s3: number;
  sqs: number;
  postgres: number;
  services: Record<ServiceName, { bus: number; health: number }>;
}

export interface StackOptions {
  /** Where Postgres data, S3 objects, logs and local secrets live. */
  dataDir: string;
  /**
   * For tests: free ports, a fresh database that is dropped on stop, a private NATS server
   * when NATS is asked for, Postgres without fsync.
   */
  ephemeral?: boolean;
  /** The environment the stack reads (DATABASE_URL, NATS_URL, AWS_ENDPOINT_URL_*, ports). */
  env?: NodeJS.ProcessEnv;
  /** Test stacks only: run the bus over NATS (a private nats-server). */
  nats?: boolean;
  /** Extra variables given to every app. */
  appEnv?: NodeJS.ProcessEnv;
  /** Extra Node flags for every app, after `APP_NODE_FLAGS` (a benchmark's `--trace-gc-nvp`). */
  nodeFlags?: string[];
  /**
   * Test stacks only: how many processes of each app (default 1). Further gateways listen on
   * ports of their own (`Stack.urls.gateways`); further services share the work through the
   * bus, so more than one service instance needs `nats` (NATS queue groups). Extra instances
   * are stopped with the stack but not restarted by the supervisor.
   */
  instances?: Partial<Record<AppName, number>>;
  /**
   * Run each app's seed entry (`dist/seed.js`, where there is one) once every app is healthy.
   * Default: yes for `npm start`, no for ephemeral test stacks (they start empty).
   */
  seed?: boolean;
  onLine?: (app: AppName, line: string, stream: 'stdout' | 'stderr') => void;
  onProgress?: (message: string) => void;
  /**
   * Restart an app that exits on its own (default: yes). One that keeps crashing stops the
   * whole stack: `Stack.gaveUp` then resolves with the reason.
   */
  supervise?: boolean;
  supervisorPolicy?: Partial<SupervisorPolicy>;
  /** Loud messages of the supervisor (a crash and its last log lines, a recovery). */
  onAlarm?: (message: string) => void;
}

export interface Stack {
  ports: StackPorts;
  urls: {
    /** The web console (served by the gateway at /). */
    console: string;
    api: string;
    docs: string;
    health: string;
    /** Every gateway instance's base URL, the first one's first (see `instances`). */
    gateways: string[];
    mail: string;
    s3: string;
    sqs: string;
  };
  databaseUrl: string;
  /** The embedded Postgres this stack started (none when DATABASE_URL gave a server). */
  postgres?: PostgresHandle;
  natsUrl?: string;
  admin: { email: string; password: string };
  apps: Record<AppName, AppProcess>;
  /** The instances past the first of each app (see `StackOptions.instances`). */
  extraApps: Partial<Record<AppName, AppProcess[]>>;
  /** The stand-ins this stack started (none for a service given by AWS_ENDPOINT_URL_*). */
  standIns: Partial<Record<StandIn['name'], StandIn>>;
  /** The environment every app runs with: use it to run an app's CLI against this stack. */
  appEnv: NodeJS.ProcessEnv;
  logDir: string;
  startupMs: number;
  /**
   * Resolves when an app kept crashing and the supervisor stopped the stack (everything is
   * stopped by then); never resolves otherwise.
   */
  gaveUp: Promise<AppKeepsCrashingError>;
  stop(): Promise<void>;
}

/** Starts the whole system; see `StackOptions`. Everything started is stopped again on failure. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const started = Date.now();
  const env = options.env ?? process.env;
  const progress = options.onProgress ?? (() => undefined);
  const cleanups: (() => Promise<void>)[] = [];
  // Once only, however many ask at the same time (Ctrl-C while the supervisor gives up).
  let stopping: Promise<void> | undefined;
  const cleanup = () =>
    (stopping ??= (async () => {
      for (const step of cleanups.reverse()) await step().catch(() => undefined);
      cleanups.length = 0;
    })());

  try {
    const { dataDir } = options;
    const logDir = join(dataDir, 'logs');
    mkdirSync(logDir, { recursive: true });
    const ports = options.ephemeral ? await freePorts() : configuredPorts(env);
    const useOwn = {
      postgres: !env.DATABASE_URL,
      s3: !env.AWS_ENDPOINT_URL_S3,
      sqs: !env.AWS_ENDPOINT_URL_SQS,
      ses: !(env.AWS_ENDPOINT_URL_SESV2 ?? env.AWS_ENDPOINT_URL_SES),
      nats: options.ephemeral && options.nats,
    };
    const natsUrl = options.ephemeral ? undefined : env.NATS_URL;
    if (!options.ephemeral) await assertPortsFree(portsToCheck(ports, useOwn, !!natsUrl));

    // Postgres: the given server, or embedded binaries with data under .data/postgres.
    let postgres: PostgresHandle | undefined;
    let database: string;
    if (useOwn.postgres) {
      progress(`starting embedded Postgres on port ${ports.postgres}`);
      postgres = await startEmbeddedPostgres({
        dataDir: join(dataDir, 'postgres'),
        port: ports.postgres,
        durable: !options.ephemeral,
        portVariable: options.ephemeral ? undefined : 'POSTGRES_PORT',
      });
      cleanups.push(() => postgres!.stop());
    }
    if (options.ephemeral) {
      const server = env.DATABASE_URL ?? postgres!.adminUrl;
      const name = `stack_${Date.now()}_${randomBytes(3).toString('hex')}`;
      database = await ensureDatabase(server, name);
      cleanups.push(() => dropDatabase(server, name));
    } else {
      database = env.DATABASE_URL ?? (await ensureDatabase(postgres!.adminUrl, 'inventory'));
    }

    // AWS stand-ins, unless an endpoint is given (LocalStack, real AWS …).
    const standIns: Stack['standIns'] = {};
    const startStandIn = async (standIn: StandIn) => {
      await standIn.start();
      standIns[standIn.name] = standIn;
      cleanups.push(() => standIn.stop());
    };
    await Promise.all([
      useOwn.s3 &&
        startStandIn(s3StandIn(ports.s3, join(dataDir, 's3'), [env.S3_BUCKET ?? MEDIA_BUCKET])),
      useOwn.sqs && startStandIn(sqsStandIn(ports.sqs, { directory: join(dataDir, 'sqs') })),
      // npm start keeps the newest 1,000 emails; test stacks keep every one (tests count them).
      useOwn.ses &&
        startStandIn(
          sesStandIn(ports.ses, {
            keepLast: options.ephemeral ? undefined : 1000,
            directory: join(dataDir, 'ses'),
          }),
        ),
    ]);
    const endpoints = {
      s3: env.AWS_ENDPOINT_URL_S3 ?? standIns.s3!.endpoint,
      sqs: env.AWS_ENDPOINT_URL_SQS ?? standIns.sqs!.endpoint,
      ses: env.AWS_ENDPOINT_URL_SESV2 ?? env.AWS_ENDPOINT_URL_SES ?? standIns.ses!.endpoint,
    };
    const queuePrefix = env.QUEUE_PREFIX ?? '';
    const bucket = env.S3_BUCKET ?? MEDIA_BUCKET;
    await provision({
      ...env,
      AWS_ENDPOINT_URL_S3: endpoints.s3,
      AWS_ENDPOINT_URL_SQS: endpoints.sqs,
      AWS_REGION: env.AWS_REGION ?? LOCAL_AWS.region,
      AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID ?? LOCAL_AWS.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY ?? LOCAL_AWS.credentials.secretAccessKey,
      QUEUE_PREFIX: queuePrefix,
      S3_BUCKET: bucket,
    });

    let busUrl = natsUrl;
    if (useOwn.nats) {
      const nats = await startNatsServer(await freePort());
      cleanups.push(() => nats.stop());
      busUrl = nats.url;
    }

    const admin = {
      email: env.ADMIN_EMAIL ?? DEFAULT_ADMIN.email,
      password: env.ADMIN_PASSWORD ?? DEFAULT_ADMIN.password,
    };
    const gatewayUrl = `http://localhost:${ports.gateway}`;
    const appEnv: NodeJS.ProcessEnv = {
      ...env,
      NODE_ENV: env.NODE_ENV ?? 'development',
      LOG_FORMAT: 'json',
      DATABASE_URL: database,
      ...(busUrl ? { NATS_URL: busUrl } : { NATS_URL: '' }),
      AWS_REGION: env.AWS_REGION ?? LOCAL_AWS.region,
      AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID ?? LOCAL_AWS.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY ?? LOCAL_AWS.credentials.secretAccessKey,
      AWS_ENDPOINT_URL_S3: endpoints.s3,
      AWS_ENDPOINT_URL_SQS: endpoints.sqs,
      AWS_ENDPOINT_URL_SESV2: endpoints.ses,
      S3_BUCKET: bucket,
      S3_FORCE_PATH_STYLE: 'true',
      QUEUE_PREFIX: queuePrefix,
      JWT_SECRET: env.JWT_SECRET ?? localSecrets(dataDir).JWT_SECRET,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      PUBLIC_URL: env.PUBLIC_URL ?? gatewayUrl,
      ALERT_RECIPIENTS: env.ALERT_RECIPIENTS ?? admin.email,
      CATALOG_SERVICE_URL: `tcp://127.0.0.1:${ports.services.catalog.bus}`,
      STOCK_SERVICE_URL: `tcp://127.0.0.1:${ports.services.stock.bus}`,
      NOTIFICATION_SERVICE_URL: `tcp://127.0.0.1:${ports.services.notification.bus}`,
      ...options.appEnv,
    };

    progress('running migrations');
    await Promise.all(APP_NAMES.map((app) => migrate(app, appEnv)));

    const apps = {} as Record<AppName, AppProcess>;
    for (const app of APP_NAMES) {
      rotate(join(logDir, `${app}.log`));
      apps[app] = new AppProcess(app, {
        env: { ...appEnv, ...portEnv(app, ports) },
        healthUrl:
          app === 'gateway'
            ? `http://127.0.0.1:${ports.gateway}/health`
            : `http://127.0.0.1:${ports.services[app].health}/health`,
        logFile: join(logDir, `${app}.log`),
        nodeFlags: options.nodeFlags,
        onLine: options.onLine,
      });
      cleanups.push(() => apps[app].close());
    }
    progress('starting services');
    const services = APP_NAMES.filter((app) => app !== 'gateway');
    services.forEach((app) => apps[app].start());
    await Promise.all(services.map((app) => apps[app].waitHealthy()));
    apps.gateway.start();
    await apps.gateway.waitHealthy();

    const extraApps: Stack['extraApps'] = {};
    const gatewayUrls = [gatewayUrl];
    for (const app of APP_NAMES) {
      const count = options.instances?.[app] ?? 1;
      if (count > 1 && !options.ephemeral)
        throw new Error('more than one instance: test stacks only');
      if (count > 1 && app !== 'gateway' && !busUrl) {
        throw new Error(`${count} instances of ${app} need the bus on NATS (nats: true)`);
      }
      for (let n = 2; n <= count; n++) {
        const port = await freePort();
        const health = app === 'gateway' ? port : await freePort();
        const instance = new AppProcess(app, {
          env: {
            ...appEnv,
            ...(app === 'gateway'
              ? { PORT: String(port) }
              : { BUS_PORT: String(await freePort()), HEALTH_PORT: String(health) }),
          },
          healthUrl: `http://127.0.0.1:${health}/health`,
          logFile: join(logDir, `${app}-${n}.log`),
          nodeFlags: options.nodeFlags,
          onLine: options.onLine,
        });
        cleanups.push(() => instance.close());
        instance.start();
        await instance.waitHealthy();
        (extraApps[app] ??= []).push(instance);
        if (app === 'gateway') gatewayUrls.push(`http://localhost:${port}`);
      }
    }
    const healthyMs = Date.now() - started;

    // The example data, through the running services: the catalog's products (their events
    // reach the stock service), then opening stock recorded by the stock service. Each seed
    // says itself whether it loaded anything or found data and skipped.
    if (options.seed ?? !options.ephemeral) {
      for (const app of APP_NAMES.filter((name) => existsSync(appScript(name, 'seed')))) {
        const said = await runScript(app, 'seed', appEnv);
        if (said) progress(said);
      }
    }

    let gaveUp: (error: AppKeepsCrashingError) => void = () => undefined;
    const gaveUpPromise = new Promise<AppKeepsCrashingError>((resolve) => (gaveUp = resolve));
    if (options.supervise ?? true) {
      const alarm = options.onAlarm ?? progress;
      const supervisor = new Supervisor(
        APP_NAMES.map((app) => apps[app]),
        {
          crashed: (message) => alarm(message),
          recovered: (message) => alarm(message),
          gaveUp: (error) => {
            alarm(`${error.message}: stopping every service`);
            void cleanup().then(() => gaveUp(error));
          },
        },
        { ...DEFAULT_SUPERVISOR_POLICY, ...options.supervisorPolicy },
      );
      supervisor.start();
      // Runs first when the stack stops: a stop is never mistaken for a crash.
      cleanups.push(async () => supervisor.stop());
    }

    const stopAll = cleanup;
    return {
      ports,
      urls: {
        console: `${gatewayUrl}/`,
        api: `${gatewayUrl}/api/v1`,
        docs: `${gatewayUrl}/api/docs`,
        health: `${gatewayUrl}/health`,
        gateways: gatewayUrls,
        mail: standIns.ses ? `http://localhost:${ports.ses}/` : endpoints.ses,
        s3: endpoints.s3,
        sqs: endpoints.sqs,
      },
      databaseUrl: database,
      postgres,
      natsUrl: busUrl,
      admin,
      apps,
      extraApps,
      standIns,
      appEnv,
      logDir,
      startupMs: healthyMs,
      gaveUp: gaveUpPromise,
      stop: stopAll,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

const migrate = (app: AppName, env: NodeJS.ProcessEnv) => runScript(app, 'migrate', env);

/**
 * The bucket and the queues, created by a short-lived child (`dist/provision-cli.js`, as
 * docker-compose does): the AWS SDK clients it needs would otherwise stay loaded, about
 * 45 MB, in the process that hosts the stand-ins for as long as the stack runs.
 */
async function provision(env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(process.execPath, [repoPath('tools/local-stack/dist/provision-cli.js')], { env });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(
      `creating the bucket and queues failed: ${(stderr || stdout || String(error)).trim()}`,
    );
  }
}

/** Runs one of an app's CLI entries (`dist/<script>.js`) to completion. */
async function runScript(app: AppName, script: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [appScript(app, script)], { env });
    return stdout.trim();
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    const what = script === 'migrate' ? 'migrations' : script;
    throw new Error(`${what} of ${app} failed: ${(stderr || stdout || String(error)).trim()}`);
  }
}

function portEnv(app: AppName, ports: StackPorts): NodeJS.ProcessEnv {
  if (app === 'gateway') return { PORT: String(ports.gateway) };
  return {
    BUS_PORT: String(ports.services[app].bus),
    HEALTH_PORT: String(ports.services[app].health),
  };
}

const int = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);

/** Ports of `npm start`: defaults, each overridable by a variable (listed in the README). */
export function configuredPorts(env: NodeJS.ProcessEnv): StackPorts {
  const service = (name: ServiceName) => ({
    bus: int(env[`${name.toUpperCase()}_BUS_PORT`], DEFAULT_SERVICE_PORTS[name].bus),
    health: int(env[`${name.toUpperCase()}_HEALTH_PORT`], DEFAULT_SERVICE_PORTS[name].health),
  });
  return {
    gateway: int(env.PORT, 3000),
    ses: int(env.SES_PORT, 8005),
    s3: int(env.S3_PORT, 4569),
    sqs: int(env.SQS_PORT, 9324),
    postgres: int(env.POSTGRES_PORT, 15432),
    services: {
      catalog: service('catalog'),
      stock: service('stock'),
      notification: service('notification'),
    },
  };
}

async function freePorts(): Promise<StackPorts> {
  const service = async () => ({ bus: await freePort(), health: await freePort() });
  return {
    gateway: await freePort(),
    ses: await freePort(),
    s3: await freePort(),
    sqs: await freePort(),
    postgres: await freePort(),
    services: { catalog: await service(), stock: await service(), notification: await service() },
  };
}

function portsToCheck(
  ports: StackPorts,
  own: { postgres: boolean; s3: boolean; sqs: boolean; ses: boolean },
  nats: boolean,
): Record<string, number> {
  const check: Record<string, number> = { PORT: ports.gateway };
  if (own.postgres) check.POSTGRES_PORT = ports.postgres;
  if (own.s3) check.S3_PORT = ports.s3;
  if (own.sqs) check.SQS_PORT = ports.sqs;
  if (own.ses) check.SES_PORT = ports.ses;
  for (const [name, service] of Object.entries(ports.services)) {
    if (!nats) check[`${name.toUpperCase()}_BUS_PORT`] = service.bus;
    check[`${name.toUpperCase()}_HEALTH_PORT`] = service.health;
  }
  return check;
}

/** Keeps one previous log per app once it passes 20 MB. */
function rotate(file: string): void {
  try {
    if (statSync(file).size > 20 * 1024 * 1024) renameSync(file, `${file}.1`);
  } catch {
    // no log yet
  }
}

export { databaseUrl };
