import { userAudit } from '../../../audit/user-audit';
import { AuditActions } from '@inventory/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { Outbox, AuditTrail } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../../../gateway.config';
import { passwordResetEmail } from './password-reset-email.request';
import { normaliseEmail } from '../../../users/database/user.entity';
import { hashToken, newOpaqueToken } from '../../tokens';

/**
 * Sends a one-time reset link to an active account. Whether the account exists is never
 * told to the caller. The token is stored hashed, expires, and replaces any earlier link.
 */
@Injectable()
export class RequestPasswordResetService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly config: GatewayConfig,
  ) {}

  async request(rawEmail: string): Promise<void> {
    const email = normaliseEmail(rawEmail);
    const sent = await this.dataSource.transaction(async (manager) => {
      const [user] = await manager.query(
        `SELECT id, email, display_name FROM users WHERE email = $1 AND active`,
        [email],
      );
      if (!user) return undefined;
      const token = newOpaqueToken();
      const expiresAt = new Date(Date.now() + this.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
      // Only the newest link works.
      await manager.query(
        `UPDATE password_reset_tokens SET expires_at = least(expires_at, now())
          WHERE user_id = $1 AND used_at IS NULL`,
        [user.id],
      );
      await manager.query(
        `INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`,
        [user.id, hashToken(token), expiresAt],
      );
      await this.outbox.add(manager, [
        passwordResetEmail(
          this.config.PUBLIC_URL,
          { id: user.id, email: user.email, displayName: user.display_name },
          token,
          expiresAt,
        ),
      ]);
      await AuditTrail.record(
        manager,
        userAudit(
          AuditActions.PasswordResetRequested,
          user,
          `A password reset link was sent to ${user.email}`,
        ),
      );
      return user.id as string;
    });
    this.logger.log(
      { event: 'user.password_reset_requested', email, userId: sent, sent: !!sent },
      sent
        ? 'password reset link requested'
        : 'password reset asked for an unknown or inactive account',
    );
  }
}
