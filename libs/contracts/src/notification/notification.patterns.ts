/** Bus request patterns the notification service answers. */
export const NotificationPatterns = {
  /** Run the low-stock digest now: `{ force?: boolean }` → what was found and sent. */
  digestRun: 'notification.digest.run',
  recipientsGet: 'notification.recipients.get',
  recipientsSet: 'notification.recipients.set',
  emailsList: 'notification.emails.list',
  /** `{ id }` → the entry with the email's text (`EmailLogEntryWithText`); 404 when unknown. */
  emailsGet: 'notification.emails.get',
} as const;
