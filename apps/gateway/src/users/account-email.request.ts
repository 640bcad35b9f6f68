import {
  type AccountEmailPayload,
  type NotificationRequestType,
  Queues,
} from '@inventory/contracts';
import type { NewEvent } from '@inventory/platform';

export interface AccountEmailRecipient {
  id: string;
  email: string;
  displayName: string;
}

/**
 * An outbox row asking the notification service for an account email: who gets it, the
 * console page its link opens (`path` below PUBLIC_URL), and the fields of that kind.
 */
export function accountEmailRequest(
  type: NotificationRequestType,
  user: AccountEmailRecipient,
  publicUrl: string,
  path: string,
  fields: Pick<AccountEmailPayload, 'expiresAt' | 'createdAt'>,
): NewEvent {
  return {
    queue: Queues.NotificationRequests,
    type,
    payload: {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      link: `${publicUrl.replace(/\/+$/, '')}${path}`,
      ...fields,
    } satisfies AccountEmailPayload,
  };
}
