import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';

export type Environment = Record<string, string | undefined>;

export interface LoadConfigOptions<T> {
  /** Name used in the error message, e.g. "stock-service". */
  app: string;
  /**
   * Values used only outside production, so that a developer's machine runs with no setup
   * while production must be told everything that matters explicitly.
   */
  developmentDefaults?: Partial<Record<keyof T & string, string>>;
}

/** Thrown when the environment does not describe a runnable app. One line, every problem named. */
export class ConfigError extends Error {
  constructor(
    readonly app: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration for ${app}: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export const isProduction = (env: Environment) => env.NODE_ENV === 'production';

/**
 * Reads an app's configuration class from environment variables. Fields are named exactly
 * like the variables they come from; class-validator decorators say what is valid and
 * property initialisers give defaults that hold in every environment. Values are never
 * echoed in errors: some of them are secrets.
 */
export function loadConfig<T extends object>(
  configClass: new () => T,
  env: Environment,
  options: LoadConfigOptions<T>,
): T {
  const defaults: Record<string, string | undefined> = isProduction(env)
    ? {}
    : (options.developmentDefaults ?? {});
  const raw: Record<string, unknown> = {};
  for (const key of declaredVariables(configClass)) {
    const value = env[key] === '' ? undefined : (env[key] ?? defaults[key]);
    if (value !== undefined) raw[key] = value;
  }
  const config = plainToInstance(configClass, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(options.app, errors.flatMap(describe).sort());
  return config;
}

/** The variables a configuration class declares: every property carrying a validator. */
export function declaredVariables(configClass: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(configClass, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

function describe(error: ValidationError): string[] {
  if (error.value === undefined) return [`${error.property} is missing`];
  const reasons = Object.values(error.constraints ?? {});
  return reasons.length > 0 ? reasons : (error.children ?? []).flatMap(describe);
}
