import type { QueryRunner } from 'typeorm';

/**
 * The audit trail's table in a service's schema (docs/adr/0016). Services call this from
 * their own checked-in migrations; like the outbox helpers it is migration history: never
 * edit it, add a new function for a later change.
 *
 * Append-only like the ledger: a trigger refuses UPDATE, and refuses DELETE unless the
 * deleting transaction says on purpose that it prunes (`SET LOCAL inventory.audit_prune =
 * 'on'`, see docs/audit-trail.md). TRUNCATE is refused too.
 */
export async function createAuditTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}".audit_entries (
      id uuid PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      actor_user_id text,
      actor_email text,
      actor_role text,
      action text COLLATE "C" NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      summary text NOT NULL,
      changes jsonb NOT NULL DEFAULT '[]',
      correlation_id text NOT NULL,
      origin text NOT NULL CHECK (origin IN ('console', 'api', 'cli', 'system'))
    )`);
  // Every filter of GET /audit reads newest first; each has an index in that order.
  for (const [name, columns] of [
    ['audit_entries_entity', 'entity_type, entity_id, at DESC'],
    ['audit_entries_actor', 'actor_user_id, at DESC'],
    ['audit_entries_action', 'action, at DESC'],
    ['audit_entries_at', 'at DESC'],
  ]) {
    await queryRunner.query(`CREATE INDEX ${name} ON "${schema}".audit_entries (${columns})`);
  }
  await queryRunner.query(`
    CREATE FUNCTION "${schema}".audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND current_setting('inventory.audit_prune', true) = 'on' THEN
        RETURN OLD;
      END IF;
      RAISE EXCEPTION 'audit entries are append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$`);
  await queryRunner.query(`
    CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "${schema}".audit_entries
    FOR EACH ROW EXECUTE FUNCTION "${schema}".audit_entries_append_only()`);
  await queryRunner.query(`
    CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "${schema}".audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".audit_entries_append_only()`);
}

export async function dropAuditTable(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE IF EXISTS "${schema}".audit_entries`);
  await queryRunner.query(`DROP FUNCTION IF EXISTS "${schema}".audit_entries_append_only()`);
}
