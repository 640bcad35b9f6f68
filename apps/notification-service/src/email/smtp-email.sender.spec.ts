import type { NotificationConfig } from '../notification.config';
import { isPermanentSmtpError, providerMessageId, smtpTransportOptions } from './smtp-email.sender';

const config = (fields: Partial<NotificationConfig>) =>
  ({ SES_FROM: 'alerts@example.com', ...fields }) as NotificationConfig;

describe('isPermanentSmtpError', () => {
  it('treats a 5xx reply to the envelope or the message as permanent', () => {
    expect(isPermanentSmtpError({ code: 'EENVELOPE', responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpError({ code: 'EMESSAGE', responseCode: 554 })).toBe(true);
  });

  it('treats 4xx replies, network failures, timeouts and setup errors as transient', () => {
    expect(isPermanentSmtpError({ code: 'EMESSAGE', responseCode: 451 })).toBe(false);
    expect(isPermanentSmtpError({ code: 'EENVELOPE', responseCode: 421 })).toBe(false);
    expect(isPermanentSmtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED' })).toBe(false);
    expect(isPermanentSmtpError({ code: 'ETIMEDOUT' })).toBe(false);
    expect(isPermanentSmtpError({ code: 'ECONNECTION' })).toBe(false);
    // A wrong password or a refused TLS handshake is for an operator to fix: mail waits.
    expect(isPermanentSmtpError({ code: 'EAUTH', responseCode: 535 })).toBe(false);
    expect(isPermanentSmtpError({ code: 'ETLS', responseCode: 530 })).toBe(false);
  });
});

describe('providerMessageId', () => {
  it('takes the id from the 250 reply where the provider gives one', () => {
    expect(providerMessageId('250 2.0.0 Ok: queued as 4ZxY1abc', '<m@x>')).toBe('4ZxY1abc');
    expect(providerMessageId('250 Ok 0100018c1b2c3d4e-aaaa-bbbb-cccc-000000', '<m@x>')).toBe(
      '0100018c1b2c3d4e-aaaa-bbbb-cccc-000000',
    );
    expect(providerMessageId('250 OK', '<m@x>')).toBe('<m@x>');
  });
});

describe('smtpTransportOptions', () => {
  it('smtp:// requires STARTTLS on 587 by default; smtps:// is TLS on 465', () => {
    expect(smtpTransportOptions(config({ SMTP_URL: 'smtp://mail.example.com' }))).toEqual(
      expect.objectContaining({
        host: 'mail.example.com',
        port: 587,
        secure: false,
        requireTLS: true,
      }),
    );
    expect(smtpTransportOptions(config({ SMTP_URL: 'smtps://mail.example.com' }))).toEqual(
      expect.objectContaining({ port: 465, secure: true, requireTLS: false }),
    );
  });

  it('reads credentials from the URL (percent-decoded) or SMTP_USER / SMTP_PASSWORD', () => {
    expect(
      smtpTransportOptions(
        config({ SMTP_URL: 'smtp://me%40example.com:p%2Fw@mail.example.com:2525' }),
      ).auth,
    ).toEqual({ user: 'me@example.com', pass: 'p/w' });
    expect(
      smtpTransportOptions(
        config({
          SMTP_URL: 'smtp://email-smtp.us-east-1.amazonaws.com:587',
          SMTP_USER: 'AKIAEXAMPLE',
          SMTP_PASSWORD: 'secret',
        }),
      ).auth,
    ).toEqual({ user: 'AKIAEXAMPLE', pass: 'secret' });
    expect(smtpTransportOptions(config({ SMTP_URL: 'smtp://relay.local' })).auth).toBeUndefined();
  });
});
