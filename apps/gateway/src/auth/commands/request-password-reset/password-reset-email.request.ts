import { type AccountEmailPayload, NotificationRequests, Queues } from '@inventory/contracts';
import type { NewEvent } from '@inventory/platform';

interface Recipient {
  id: string;
  email: string;
  displayName: string;
}

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/** Asks the notification service to send a reset link carrying the one-time token. */
export function passwordResetEmail(
  publicUrl: string,
  user: Recipient,
  token: string,
  expiresAt: Date,
): NewEvent {
  return {
    queue: Queues.NotificationRequests,
    type: NotificationRequests.PasswordReset,
    payload: {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      link: `${base(publicUrl)}/reset-password?token=${encodeURIComponent(token)}`,
      expiresAt: expiresAt.toISOString(),
    } satisfies AccountEmailPayload,
  };
}
