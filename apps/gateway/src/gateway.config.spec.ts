import { ConfigError, loadConfig } from '@inventory/platform';
import { configOptions } from './config-options';
import { GatewayConfig } from './gateway.config';

const base = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://gw@db/inventory',
  JWT_SECRET: 'a-production-secret-of-32-characters!',
  PUBLIC_URL: 'https://inventory.example',
};

const load = (env: Record<string, string>) =>
  loadConfig(GatewayConfig, { ...base, ...env }, configOptions);

describe('gateway configuration', () => {
  it('has defaults for the token lifetimes, reset links, rate limits and proxy trust', () => {
    const config = load({});
    expect(config).toEqual(
      expect.objectContaining({
        ACCESS_TOKEN_TTL_SECONDS: 900,
        REFRESH_TOKEN_TTL_DAYS: 14,
        REFRESH_TOKEN_REUSE_GRACE_SECONDS: 30,
        PASSWORD_RESET_TTL_MINUTES: 60,
        AUTH_RATE_LIMIT: 10,
        AUTH_RATE_LIMIT_WINDOW_SECONDS: 60,
        TRUST_PROXY: 'loopback',
      }),
    );
    expect(config.corsOrigins()).toEqual([]);
  });

  it('reads CORS_ORIGINS as a list and TRUST_PROXY in each of its forms', () => {
    expect(
      load({ CORS_ORIGINS: 'https://a.example/, http://localhost:5173' }).corsOrigins(),
    ).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(load({ TRUST_PROXY: 'false' }).trustProxy()).toBe(false);
    expect(load({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy()).toBe('10.0.0.0/8, loopback');
    const oneHop = load({ TRUST_PROXY: '1' }).trustProxy() as (a: string, hop: number) => boolean;
    expect([oneHop('10.0.0.1', 0), oneHop('10.0.0.2', 1)]).toEqual([true, false]);
  });

  it('names each malformed variable', () => {
    let error: unknown;
    try {
      load({
        ACCESS_TOKEN_TTL_SECONDS: '5',
        PASSWORD_RESET_TTL_MINUTES: 'soon',
        CORS_ORIGINS: 'console.example',
        TRUST_PROXY: 'every one!',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(
      expect.arrayContaining([
        'ACCESS_TOKEN_TTL_SECONDS must be at least 30',
        'CORS_ORIGINS must be a comma-separated list of http(s) origins',
        'PASSWORD_RESET_TTL_MINUTES must be an integer',
        'TRUST_PROXY must be true, false, a hop count, or comma-separated addresses/CIDRs',
      ]),
    );
    expect((error as ConfigError).message).not.toContain('every one!');
  });
});
