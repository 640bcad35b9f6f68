import type { EmailKind } from '@inventory/contracts';

/** An email ready to go: every recipient gets the same message. */
export interface OutgoingEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** What kind of email it is (email log, metrics, SES tags). */
  kind: EmailKind;
}

export interface SentEmail {
  /** The provider's id of the accepted message (SES MessageId). */
  messageId: string;
  /** When the provider accepted it. */
  acceptedAt: Date;
}

/**
 * The provider refused this message for good (e.g. an address not verified in the SES
 * sandbox, a malformed address): sending it again would fail again.
 */
export class EmailRejectedError extends Error {
  override name = 'EmailRejectedError';

  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

/**
 * Sends email. Resolves once the provider accepted the message. Throws `EmailRejectedError`
 * when the provider refused it permanently; any other error (throttling, provider down,
 * timeout) is transient and the caller retries later.
 */
export interface EmailSender {
  send(email: OutgoingEmail): Promise<SentEmail>;
}
