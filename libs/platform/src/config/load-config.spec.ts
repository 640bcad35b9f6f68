import { IsNotEmpty, IsString, Matches } from 'class-validator';
import { ServiceBaseConfig } from './base.config';
import { EnvBoolean, EnvPort } from './env-decorators';
import { ConfigError, loadConfig } from './load-config';

class ExampleConfig extends ServiceBaseConfig {
  override BUS_PORT = 4100;
  override HEALTH_PORT = 3100;

  @IsString()
  @IsNotEmpty()
  @Matches(/^.{32,}$/, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @EnvBoolean()
  FEATURE_ON = false;

  @EnvPort()
  EXTRA_PORT = 5000;
}

const secret = 'x'.repeat(40);
const options = {
  app: 'example',
  developmentDefaults: { DATABASE_URL: 'postgres://dev@localhost/dev', JWT_SECRET: 'd'.repeat(32) },
};

describe('loadConfig', () => {
  it('applies defaults, converts numbers and booleans', () => {
    const config = loadConfig(ExampleConfig, { FEATURE_ON: 'yes', EXTRA_PORT: '6000' }, options);
    expect(config).toBeInstanceOf(ExampleConfig);
    expect(config.FEATURE_ON).toBe(true);
    expect(config.EXTRA_PORT).toBe(6000);
    expect(config.BUS_PORT).toBe(4100);
    expect(config.DATABASE_URL).toBe('postgres://dev@localhost/dev');
  });

  it('reads "false" as false, not as a truthy string', () => {
    expect(loadConfig(ExampleConfig, { FEATURE_ON: 'false' }, options).FEATURE_ON).toBe(false);
  });

  it('in production, names every missing variable that development would have defaulted', () => {
    expect(() => loadConfig(ExampleConfig, { NODE_ENV: 'production' }, options)).toThrow(
      'Invalid configuration for example: DATABASE_URL is missing; JWT_SECRET is missing',
    );
  });

  it('names each malformed variable without echoing its value', () => {
    let error: unknown;
    try {
      loadConfig(
        ExampleConfig,
        {
          NODE_ENV: 'production',
          DATABASE_URL: 'mysql://x',
          JWT_SECRET: 'short-secret',
          EXTRA_PORT: 'abc',
          FEATURE_ON: 'maybe',
        },
        options,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'DATABASE_URL must be a postgres:// URL',
        'JWT_SECRET must be at least 32 characters',
        'EXTRA_PORT must be an integer',
        'FEATURE_ON must be true or false',
      ]),
    );
    expect((error as Error).message).not.toContain('short-secret');
    expect((error as Error).message.split('\n')).toHaveLength(1);
  });

  it('accepts a complete production environment', () => {
    const config = loadConfig(
      ExampleConfig,
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/inventory', JWT_SECRET: secret },
      options,
    );
    expect(config.NODE_ENV).toBe('production');
  });

  it('treats an empty variable as unset', () => {
    expect(() =>
      loadConfig(
        ExampleConfig,
        { NODE_ENV: 'production', DATABASE_URL: '', JWT_SECRET: secret },
        options,
      ),
    ).toThrow('DATABASE_URL is missing');
  });
});
