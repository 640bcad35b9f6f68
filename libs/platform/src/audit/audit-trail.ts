import { randomUUID } from 'node:crypto';
import type {
  AuditChangeDto,
  AuditEntryDto,
  AuditSource,
  ChangeOrigin,
  ListAuditRequestDto,
} from '@inventory/contracts';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';

/** Who acted, for entries whose actor is not the request's (sign-in, CLIs, boot). */
export interface AuditActor {
  userId: string | null;
  email: string | null;
  role: string | null;
}

/** A change to record. Actor, origin and correlation id default to the request context's. */
export interface NewAuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  changes?: AuditChangeDto[];
  actor?: AuditActor;
  origin?: ChangeOrigin;
}

/** Field names whose values never enter the trail, whatever a caller passes. */
const SECRET_FIELD = /password|token|secret|hash/i;

/** `{ field: { from, to } }` (as product changes are computed) → the trail's change list. */
export function fieldChanges(
  changes: Record<string, { from: unknown; to: unknown }>,
): AuditChangeDto[] {
  return Object.entries(changes).map(([field, { from, to }]) => ({ field, from, to }));
}

/**
 * Actor user id, email, role and origin of the current request, as SQL parameters: for a
 * service whose change is one statement (stock's) and writes its entry in that statement.
 */
export function auditActorParams(): [string | null, string | null, string | null, ChangeOrigin] {
  const context = RequestContext.current();
  const actor = context?.actor;
  return [
    actor?.userId ?? null,
    actor?.email ?? null,
    actor?.role ?? null,
    context?.origin ?? (actor ? 'api' : 'system'),
  ];
}

/** The system's own actor: boot, seed, scheduled jobs. */
export const systemActor = (name: string): AuditActor => ({
  userId: null,
  email: `system:${name}`,
  role: 'system',
});

/**
 * The audit trail of one service (docs/adr/0016). `record` writes entries with the
 * caller's EntityManager, inside the transaction of the change they describe: an entry
 * exists exactly when the change committed. `list` reads them newest first.
 */
export const AuditTrail = {
  async record(manager: EntityManager, entries: NewAuditEntry | NewAuditEntry[]): Promise<void> {
    const all = Array.isArray(entries) ? entries : [entries];
    // 11 parameters an entry; Postgres takes at most 65,535 in one statement.
    for (let start = 0; start < all.length; start += 1000) {
      await insertEntries(manager, all.slice(start, start + 1000));
    }
  },

  /** The newest `limit` entries matching the filter; every filter is served by an index. */
  async list(
    manager: EntityManager,
    service: AuditSource,
    filter: ListAuditRequestDto,
  ): Promise<AuditEntryDto[]> {
    const { where, values } = auditWhere(filter, {
      at: 'at',
      actor: 'actor_user_id',
      action: 'action',
      entityType: 'entity_type',
      entityId: 'entity_id',
    });
    values.push(filter.limit);
    const rows: AuditRow[] = await manager.query(
      `SELECT id, at, actor_user_id, actor_email, actor_role, action, entity_type, entity_id,
              summary, changes, correlation_id, origin
         FROM audit_entries
        ${where}
        ORDER BY at DESC, id DESC
        LIMIT $${values.length}`,
      values,
    );
    return rows.map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      actor: { userId: row.actor_user_id, email: row.actor_email, role: row.actor_role },
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      summary: row.summary,
      changes: row.changes,
      correlationId: row.correlation_id,
      origin: row.origin as ChangeOrigin,
      service,
    }));
  },
};

async function insertEntries(manager: EntityManager, list: NewAuditEntry[]): Promise<void> {
  const correlationId = RequestContext.correlationId();
  const [userId, email, role, contextOrigin] = auditActorParams();
  const values: unknown[] = [];
  const tuples = list.map((entry, index) => {
    const actor: AuditActor = entry.actor ?? { userId, email, role };
    const origin = entry.origin ?? contextOrigin;
    const changes = (entry.changes ?? []).filter((change) => !SECRET_FIELD.test(change.field));
    values.push(
      randomUUID(),
      actor.userId,
      actor.email,
      actor.role,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.summary,
      JSON.stringify(changes),
      correlationId,
      origin,
    );
    const n = index * 11;
    return `(${Array.from({ length: 11 }, (_, k) => `$${n + k + 1}`).join(', ')})`;
  });
  await manager.query(
    `INSERT INTO audit_entries (id, actor_user_id, actor_email, actor_role, action, entity_type,
                                entity_id, summary, changes, correlation_id, origin)
     VALUES ${tuples.join(', ')}`,
    values,
  );
}

interface AuditRow {
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  changes: AuditChangeDto[];
  correlation_id: string;
  origin: string;
}

/**
 * The WHERE clause of a filter over a table's columns (the ledger's are named differently).
 * An action ending in "." is a prefix; `from` is inclusive, `to` exclusive.
 */
export function auditWhere(
  filter: Omit<ListAuditRequestDto, 'limit'>,
  columns: { at: string; actor: string; action?: string; entityType?: string; entityId: string },
): { where: string; values: unknown[] } {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const add = (clause: (param: string) => string, value: unknown) => {
    values.push(value);
    clauses.push(clause(`$${values.length}`));
  };
  if (filter.entityType && columns.entityType) {
    add((p) => `${columns.entityType} = ${p}`, filter.entityType);
  }
  if (filter.entityId) add((p) => `${columns.entityId} = ${p}`, filter.entityId);
  if (filter.actorId) add((p) => `${columns.actor} = ${p}`, filter.actorId);
  if (filter.action && columns.action) {
    if (filter.action.endsWith('.')) {
      // A prefix as a range, so the (action, at) index serves it.
      add((p) => `${columns.action} >= ${p}`, filter.action);
      add((p) => `${columns.action} < ${p}`, `${filter.action.slice(0, -1)}/`);
    } else {
      add((p) => `${columns.action} = ${p}`, filter.action);
    }
  }
  if (filter.from) add((p) => `${columns.at} >= ${p}::timestamptz`, filter.from);
  if (filter.to) add((p) => `${columns.at} < ${p}::timestamptz`, filter.to);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values };
}
