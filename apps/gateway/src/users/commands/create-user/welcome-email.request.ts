import { NotificationRequests } from '@inventory/contracts';
import type { NewEvent } from '@inventory/platform';
import { type AccountEmailRecipient, accountEmailRequest } from '../../account-email.request';

/** Asks the notification service to welcome a new user, with a link to the login page. */
export function welcomeEmail(
  publicUrl: string,
  user: AccountEmailRecipient,
  createdAt: Date,
): NewEvent {
  return accountEmailRequest(NotificationRequests.Welcome, user, publicUrl, '/login', {
    createdAt: createdAt.toISOString(),
  });
}
