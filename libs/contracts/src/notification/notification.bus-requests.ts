import type { AuditEntryDto, ListAuditRequestDto } from '../audit/audit.dto';
import { busRequest, type NoData } from '../bus';
import type { Page } from '../pagination';
import { Services } from '../services';
import type {
  AlertRecipients,
  AlertRecipientsDto,
  DigestRunResult,
  EmailLogEntry,
  EmailLogEntryWithText,
  EmailLogIdDto,
  EmailLogQueryDto,
  RunDigestDto,
} from './notification.alerts';

/** Bus requests the notification service answers (`<service>.<resource>.<verb>`). */

/** Run the low-stock digest now: what was found and sent. */
export const RunDigest = busRequest<RunDigestDto, DigestRunResult>(
  'notification.digest.run',
  Services.Notification,
);

export const GetAlertRecipients = busRequest<NoData, AlertRecipients>(
  'notification.recipients.get',
  Services.Notification,
);

export const SetAlertRecipients = busRequest<AlertRecipientsDto, AlertRecipients>(
  'notification.recipients.set',
  Services.Notification,
);

export const ListEmails = busRequest<EmailLogQueryDto, Page<EmailLogEntry>>(
  'notification.emails.list',
  Services.Notification,
);

/** The entry with the email's text; 404 when unknown. */
export const GetEmail = busRequest<EmailLogIdDto, EmailLogEntryWithText>(
  'notification.emails.get',
  Services.Notification,
);

/** The newest entries of notification's audit trail matching a filter (docs/adr/0016). */
export const ListNotificationAudit = busRequest<ListAuditRequestDto, AuditEntryDto[]>(
  'notification.audit.list',
  Services.Notification,
);
