import { readFileSync } from 'node:fs';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { NotificationConfig } from '../notification.config';
import {
  EmailRejectedError,
  type EmailSender,
  type OutgoingEmail,
  type SentEmail,
} from './email-sender.port';

/**
 * SMTP error codes of nodemailer that are about this machine's setup rather than the message
 * (wrong password, TLS refused, no STARTTLS offered): an operator fixes them, so the email
 * waits and is retried (and ends in the dead-letter queue, ready to be redriven) instead of
 * being marked failed, even when the server's reply was a 5xx.
 */
const SETUP_ERRORS = new Set(['EAUTH', 'ETLS', 'ENOAUTH', 'EOAUTH2', 'ECONFIG']);

/**
 * Whether the SMTP server refused the message for good: a 5xx reply to the envelope or the
 * message (550 no such mailbox, 554 rejected). A 4xx reply ("try again later": greylisting,
 * a full queue, rate limits), a refused or dropped connection and a timeout are transient.
 */
export function isPermanentSmtpError(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
  if (code && SETUP_ERRORS.has(code)) return false;
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

export const describeSmtpError = (error: unknown): string => {
  const { code, response, message } = (error ?? {}) as {
    code?: string;
    response?: string;
    message?: string;
  };
  return `SMTP ${code ?? 'error'}: ${response || message || 'no reason given'}`.slice(0, 1000);
};

/**
 * The provider's id of an accepted message, from the final 250 reply where it gives one
 * ("250 2.0.0 Ok: queued as 4ZxY1", "250 Ok 0100018c…" from SES's SMTP interface), otherwise
 * the Message-ID header the message went out with.
 */
export function providerMessageId(response: string | undefined, messageId: string): string {
  const reply = (response ?? '').trim();
  const queued = /queued as\s+<?([^\s>]+)>?/i.exec(reply);
  if (queued) return queued[1];
  const ses = /^250\s+Ok\s+(\S+)$/i.exec(reply);
  if (ses) return ses[1];
  return messageId;
}

/** nodemailer's transport options for SMTP_URL and its companions. */
export function smtpTransportOptions(config: NotificationConfig): SMTPTransport.Options {
  const url = new URL(config.SMTP_URL!);
  const secure = url.protocol === 'smtps:';
  const user = config.SMTP_USER ?? (url.username ? decodeURIComponent(url.username) : undefined);
  const pass =
    config.SMTP_PASSWORD ?? (url.password ? decodeURIComponent(url.password) : undefined);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    // smtp:// means STARTTLS, never plain text: a server that does not offer it is refused.
    requireTLS: !secure,
    ...(user ? { auth: { user, pass: pass ?? '' } } : {}),
    tls: {
      servername: url.hostname,
      ...(config.SMTP_CA_FILE ? { ca: readFileSync(config.SMTP_CA_FILE) } : {}),
    },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

/**
 * Sends through an SMTP server (any provider, SES's SMTP interface included): one message
 * with text and HTML parts, sender from SES_FROM. One connection per message: alerts are
 * few, and a fresh connection needs no care when a server drops idle ones.
 */
@Injectable()
export class SmtpEmailSender implements EmailSender, OnApplicationShutdown {
  private readonly logger = new Logger('SmtpEmailSender');
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(private readonly config: NotificationConfig) {
    this.transport = createTransport(smtpTransportOptions(config));
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }

  async send(email: OutgoingEmail): Promise<SentEmail> {
    try {
      const info = await this.transport.sendMail({
        from: this.config.SES_FROM,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: { 'X-Inventory-Kind': email.kind },
      });
      if (info.rejected.length > 0) {
        // Some recipients were refused, the others accepted: the message went out, and
        // sending it again would repeat it to those who got it.
        this.logger.warn(
          { event: 'alert.recipients_refused', kind: email.kind, refused: info.rejected },
          'the SMTP server refused some recipients; the others were sent the email',
        );
      }
      return {
        messageId: providerMessageId(info.response, info.messageId),
        acceptedAt: new Date(),
      };
    } catch (error) {
      if (isPermanentSmtpError(error)) {
        throw new EmailRejectedError(describeSmtpError(error), { cause: error });
      }
      throw error;
    }
  }
}
