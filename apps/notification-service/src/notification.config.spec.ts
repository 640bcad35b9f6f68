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

describe('NotificationConfig: the email driver', () => {
  it('sends through SES unless told otherwise, and then needs no SMTP setting', () => {
    expect(load({}).EMAIL_DRIVER).toBe('ses');
    expect(load({ EMAIL_DRIVER: 'ses', SMTP_URL: 'not a url' }).EMAIL_DRIVER).toBe('ses');
  });

  it('with EMAIL_DRIVER=smtp, fails at start without a valid SMTP_URL, naming it', () => {
    expect(() => load({ EMAIL_DRIVER: 'smtp' })).toThrow(
      'Invalid configuration for notification-service: SMTP_URL is missing',
    );
    for (const url of ['http://smtp.example.com', 'smtp.example.com:587', 'smtp://']) {
      expect(() => load({ EMAIL_DRIVER: 'smtp', SMTP_URL: url })).toThrow(
        'Invalid configuration for notification-service: SMTP_URL must be an smtp:// (STARTTLS, port 587) or smtps:// (TLS, port 465) URL with a host',
      );
    }
    expect(() => load({ EMAIL_DRIVER: 'postfix' })).toThrow('EMAIL_DRIVER must be ses or smtp');
    expect(() =>
      load({
        EMAIL_DRIVER: 'smtp',
        SMTP_URL: 'smtp://smtp.example.com',
        SMTP_CA_FILE: '/nonexistent/ca.pem',
      }),
    ).toThrow('SMTP_CA_FILE must name an existing file (a PEM certificate)');
  });

  it('accepts STARTTLS and TLS URLs, credentials in the URL or apart', () => {
    expect(
      load({
        EMAIL_DRIVER: 'smtp',
        SMTP_URL: 'smtp://email-smtp.eu-west-1.amazonaws.com:587',
        SMTP_USER: 'AKIAEXAMPLE',
        SMTP_PASSWORD: 'secret',
      }),
    ).toEqual(expect.objectContaining({ EMAIL_DRIVER: 'smtp', SMTP_USER: 'AKIAEXAMPLE' }));
    expect(
      load({ EMAIL_DRIVER: 'smtp', SMTP_URL: 'smtps://user:p%40ss@smtp.example.com:465' }).SMTP_URL,
    ).toBe('smtps://user:p%40ss@smtp.example.com:465');
  });
});
