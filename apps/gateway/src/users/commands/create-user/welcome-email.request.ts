import { type AccountEmailPayload, NotificationRequests, Queues } from '@inventory/contracts';
import type { NewEvent } from '@inventory/platform';

interface Recipient {
  id: string;
  email: string;
  displayName: string;
}

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/** Asks the notification service to welcome a new user, with a link to the login page. */
export function welcomeEmail(publicUrl: string, user: Recipient, createdAt: Date): NewEvent {
  return {
    queue: Queues.NotificationRequests,
    type: NotificationRequests.Welcome,
    payload: {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      link: `${base(publicUrl)}/login`,
      createdAt: createdAt.toISOString(),
    } satisfies AccountEmailPayload,
  };
}
