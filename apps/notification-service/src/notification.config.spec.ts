import { loadConfig } from '@inventory/platform';
import { configOptions } from './config-options';
import { NotificationConfig, publicUrl, splitAddresses } from './notification.config';

const load = (env: Record<string, string>) => loadConfig(NotificationConfig, env, configOptions);

describe('NotificationConfig', () => {
  it('has working defaults outside production: a daily digest at 09:00 UTC', () => {
    const config = load({});
    expect(config.DIGEST_CRON).toBe('0 9 * * *');
    expect(config.DIGEST_TIME_ZONE).toBe('UTC');
    expect(config.DIGEST_ENABLED).toBe(true);
    expect(config.SES_FROM).toBe('alerts@inventory.local');
    expect(publicUrl(load({ PUBLIC_URL: 'https://stores.example.com/' }))).toBe(
      'https://stores.example.com',
    );
  });

  it('in production, asks for the sender and the public URL', () => {
    expect(() =>
      load({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db/inventory' }),
    ).toThrow(
      'Invalid configuration for notification-service: PUBLIC_URL is missing; SES_FROM is missing',
    );
  });

  it('names each malformed setting', () => {
    expect(() =>
      load({
        DIGEST_CRON: 'every morning',
        DIGEST_TIME_ZONE: 'Mars/Olympus',
        ALERT_RECIPIENTS: 'stores@example.com, nobody',
        SES_FROM: 'alerts',
      }),
    ).toThrow(
      'Invalid configuration for notification-service: ' +
        'ALERT_RECIPIENTS must be at most 50 comma-separated email addresses; not valid: "nobody"; ' +
        'DIGEST_CRON must be a cron expression (minute hour day month weekday, e.g. 0 9 * * *); ' +
        'DIGEST_TIME_ZONE must be an IANA time zone (e.g. UTC, Europe/Berlin); ' +
        'SES_FROM must be an email address',
    );
  });

  it('reads ALERT_RECIPIENTS as a comma-separated list', () => {
    expect(splitAddresses(' a@example.com,, b@example.com ')).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
    expect(load({ DIGEST_TIME_ZONE: 'Europe/Berlin', DIGEST_CRON: '30 7 * * 1-5' })).toEqual(
      expect.objectContaining({ DIGEST_TIME_ZONE: 'Europe/Berlin', DIGEST_CRON: '30 7 * * 1-5' }),
    );
  });
});
