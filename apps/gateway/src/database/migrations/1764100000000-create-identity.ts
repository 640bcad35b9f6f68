import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users and what signs them in: sessions (one per login, a family of refresh tokens) and
 * password-reset tokens. Tokens are stored only as SHA-256 hashes.
 */
export class CreateIdentity1764100000000 implements MigrationInterface {
  name = 'CreateIdentity1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway.users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'staff')),
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email ON gateway.users (email)`);
    await queryRunner.query(`CREATE INDEX users_created_at ON gateway.users (created_at, id)`);

    await queryRunner.query(`
      CREATE TABLE gateway.sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES gateway.users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_refreshed_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await queryRunner.query(
      `CREATE INDEX sessions_user_active ON gateway.sessions (user_id) WHERE revoked_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE gateway.refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES gateway.sessions (id),
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX refresh_tokens_hash ON gateway.refresh_tokens (token_hash)`,
    );
    await queryRunner.query(
      `CREATE INDEX refresh_tokens_session ON gateway.refresh_tokens (session_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE gateway.password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES gateway.users (id),
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX password_reset_tokens_hash ON gateway.password_reset_tokens (token_hash)`,
    );
    await queryRunner.query(
      `CREATE INDEX password_reset_tokens_user ON gateway.password_reset_tokens (user_id) WHERE used_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE gateway.password_reset_tokens`);
    await queryRunner.query(`DROP TABLE gateway.refresh_tokens`);
    await queryRunner.query(`DROP TABLE gateway.sessions`);
    await queryRunner.query(`DROP TABLE gateway.users`);
  }
}
