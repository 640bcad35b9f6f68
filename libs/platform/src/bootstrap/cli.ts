import { loadConfig, type LoadConfigOptions } from '../config/load-config';
import type { AppBaseConfig } from '../config/base.config';
import { migrateSchema } from '../database/migrate';
import type { ServiceDatabase } from '../database/data-source-options';
import { exitOnStartupError } from './exit-on-startup-error';

/** Loads an app's configuration or stops the process with one line naming what is wrong. */
export function loadConfigOrQuit<T extends object>(
  configClass: new () => T,
  options: LoadConfigOptions<T>,
  env: Record<string, string | undefined> = process.env,
): T {
  try {
    return loadConfig(configClass, env, options);
  } catch (error) {
    exitOnStartupError(options.app, error);
  }
}

/** The body of every app's `migrate` entry point: bring its schema up to date and say what ran. */
export async function runMigrationsCli<T extends AppBaseConfig>(
  configClass: new () => T,
  options: LoadConfigOptions<T>,
  database: ServiceDatabase,
): Promise<void> {
  const config = loadConfigOrQuit(configClass, options);
  try {
    const applied = await migrateSchema(config, database);
    process.stdout.write(
      applied.length > 0
        ? `${options.app}: applied ${applied.length} migration(s) to schema "${database.schema}": ${applied.join(', ')}\n`
        : `${options.app}: schema "${database.schema}" is up to date\n`,
    );
  } catch (error) {
    process.stderr.write(`${options.app}: migration failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
