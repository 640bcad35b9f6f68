import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { awsClientConfig } from '@inventory/platform';
import { NotificationConfig } from '../notification.config';
import {
  EmailRejectedError,
  type EmailSender,
  type OutgoingEmail,
  type SentEmail,
} from './email-sender.port';
import { SESV2_CLIENT } from './email.di-tokens';

/**
 * SES errors that say "not now": retried. Account-level pauses are here too, so that their
 * messages wait (and end in the dead-letter queue, ready to be redriven) instead of being
 * marked failed.
 */
const TRANSIENT = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'SendingPausedException',
  'AccountSuspendedException',
  'InternalServiceErrorException',
  'ThrottlingException',
  'ServiceUnavailable',
]);

/** SES errors that say "never": this message will not be accepted however often it is sent. */
const PERMANENT = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'BadRequestException',
  'NotFoundException',
]);

/** Whether SES refused the message for good (true) or the attempt may succeed later (false). */
export function isPermanentSesError(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  if (TRANSIENT.has(name)) return false;
  if (PERMANENT.has(name)) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  // Other 4xx answers are about the request itself, except auth (fixed by an operator) and
  // throttling/timeouts.
  return (
    status !== undefined && status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status)
  );
}

export const describeSesError = (error: unknown): string => {
  const { name, message } = (error ?? {}) as { name?: string; message?: string };
  return `${name ?? 'Error'}: ${message || 'no reason given'}`.slice(0, 1000);
};

/** A SESv2 client; its endpoint comes from AWS_ENDPOINT_URL_SESV2 (read by the SDK) or AWS. */
export const createSesClient = (config: NotificationConfig) =>
  new SESv2Client(awsClientConfig(config, { connectionTimeout: 2000, requestTimeout: 5000 }));

/** Sends through SESv2 SendEmail: one message, text and HTML parts, sender from SES_FROM. */
@Injectable()
export class SesEmailSender implements EmailSender, OnApplicationShutdown {
  constructor(
    @Inject(SESV2_CLIENT) private readonly ses: SESv2Client,
    private readonly config: NotificationConfig,
  ) {}

  onApplicationShutdown(): void {
    this.ses.destroy();
  }

  async send(email: OutgoingEmail): Promise<SentEmail> {
    try {
      const answer = await this.ses.send(
        new SendEmailCommand({
          FromEmailAddress: this.config.SES_FROM,
          Destination: { ToAddresses: email.to },
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: email.text, Charset: 'UTF-8' },
                Html: { Data: email.html, Charset: 'UTF-8' },
              },
            },
          },
          EmailTags: [{ Name: 'kind', Value: email.kind }],
          ...(this.config.SES_CONFIGURATION_SET
            ? { ConfigurationSetName: this.config.SES_CONFIGURATION_SET }
            : {}),
        }),
      );
      if (!answer.MessageId) throw new Error('SES accepted the email but returned no MessageId');
      return { messageId: answer.MessageId, acceptedAt: new Date() };
    } catch (error) {
      if (isPermanentSesError(error)) {
        throw new EmailRejectedError(describeSesError(error), { cause: error });
      }
      throw error;
    }
  }
}
