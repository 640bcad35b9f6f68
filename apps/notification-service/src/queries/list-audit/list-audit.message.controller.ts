import { ListNotificationAudit, Services } from '@inventory/contracts';
import { auditListController } from '@inventory/platform';

/** Notification's trail: alert recipients changed, the digest run on demand. */
export const ListAuditMessageController = auditListController(
  ListNotificationAudit,
  Services.Notification,
);
