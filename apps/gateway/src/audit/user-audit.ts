import { AuditEntityTypes, type ChangeOrigin } from '@inventory/contracts';
import { type AuditActor, fieldChanges, type NewAuditEntry } from '@inventory/platform';

/** The trail's entry about a user account (never a password, hash or token). */
export function userAudit(
  action: string,
  user: { id: string; email: string },
  summary: string,
  options: {
    changes?: Record<string, { from: unknown; to: unknown }>;
    actor?: AuditActor;
    origin?: ChangeOrigin;
  } = {},
): NewAuditEntry {
  return {
    action,
    entityType: AuditEntityTypes.User,
    entityId: user.id,
    summary,
    changes: fieldChanges(options.changes ?? {}),
    ...(options.actor ? { actor: options.actor } : {}),
    ...(options.origin ? { origin: options.origin } : {}),
  };
}

/** The user as the actor of their own entry (sign-in, a reset link: no one is signed in yet). */
export const selfActor = (user: { id: string; email: string; role: string }): AuditActor => ({
  userId: user.id,
  email: user.email,
  role: user.role,
});
