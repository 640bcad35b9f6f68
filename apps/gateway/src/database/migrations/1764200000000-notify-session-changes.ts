import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel every gateway instance listens on to drop what it cached about a session or user. */
export const SESSION_CHANGES_CHANNEL = 'gateway_session_changes';
/** Where each instance confirms it has dropped an entry (`<listener pid>:<payload>`). */
export const SESSION_ACKS_CHANNEL = 'gateway_session_acks';

/**
 * Tells every gateway instance, through NOTIFY, when a session ends (logout, password change
 * or reset, reuse of a refresh token) and when a user's role, email, password or active flag changes,
 * so that a cached session check is dropped the moment the change commits. Payload: `s:<session
 * id>` or `u:<user id>`. Only those changes notify: logins, refreshes and `last_login_at`
 * updates do not, since a notifying commit serialises with every other one (ADR 0007).
 */
export class NotifySessionChanges1764200000000 implements MigrationInterface {
  name = 'NotifySessionChanges1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION gateway.notify_session_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${SESSION_CHANGES_CHANNEL}', TG_ARGV[0] || ':' || OLD.id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER sessions_notify_revoked
        AFTER UPDATE OF revoked_at ON gateway.sessions FOR EACH ROW
        WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at)
        EXECUTE FUNCTION gateway.notify_session_changed('s')`);
    await queryRunner.query(`
      CREATE TRIGGER sessions_notify_deleted
        AFTER DELETE ON gateway.sessions FOR EACH ROW
        EXECUTE FUNCTION gateway.notify_session_changed('s')`);
    await queryRunner.query(`
      CREATE TRIGGER users_notify_changed
        AFTER UPDATE ON gateway.users FOR EACH ROW
        WHEN (OLD.active IS DISTINCT FROM NEW.active
           OR OLD.role IS DISTINCT FROM NEW.role
           OR OLD.email IS DISTINCT FROM NEW.email
           OR OLD.password_hash IS DISTINCT FROM NEW.password_hash)
        EXECUTE FUNCTION gateway.notify_session_changed('u')`);
    await queryRunner.query(`
      CREATE TRIGGER users_notify_deleted
        AFTER DELETE ON gateway.users FOR EACH ROW
        EXECUTE FUNCTION gateway.notify_session_changed('u')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER users_notify_deleted ON gateway.users`);
    await queryRunner.query(`DROP TRIGGER users_notify_changed ON gateway.users`);
    await queryRunner.query(`DROP TRIGGER sessions_notify_deleted ON gateway.sessions`);
    await queryRunner.query(`DROP TRIGGER sessions_notify_revoked ON gateway.sessions`);
    await queryRunner.query(`DROP FUNCTION gateway.notify_session_changed()`);
  }
}
