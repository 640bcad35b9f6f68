import { selfActor, userAudit } from '../../../audit/user-audit';
import { AuditActions } from '@inventory/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InvalidInputError, AuditTrail } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../domain/password-hasher';
import { assertStrongPassword } from '../../domain/password-rule';
import { SessionService } from '../../session.service';
import { hashToken } from '../../tokens';
import type { ConfirmPasswordResetDto } from './confirm-password-reset.dto';

const UNUSABLE_LINK =
  'This reset link is invalid, has expired or was already used: ask for a new one';

/** Sets a new password from a reset link; the link is spent and every session of the user ends. */
@Injectable()
export class ConfirmPasswordResetService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  async confirm(dto: ConfirmPasswordResetDto): Promise<void> {
    const since = this.sessions.beginChange();
    const { userId, sessionsEnded } = await this.dataSource.transaction(async (manager) => {
      const [link] = await manager.query(
        `SELECT t.id, u.id AS user_id, u.email, u.role
           FROM password_reset_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.active
          FOR UPDATE OF t`,
        [hashToken(dto.token)],
      );
      if (!link) {
        throw new InvalidInputError(UNUSABLE_LINK, [{ field: 'token', message: UNUSABLE_LINK }]);
      }
      assertStrongPassword('newPassword', dto.newPassword, link.email);
      await manager.query(`UPDATE password_reset_tokens SET used_at = now() WHERE id = $1`, [
        link.id,
      ]);
      await manager.query(
        `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now()
          WHERE id = $1`,
        [link.user_id, await PasswordHasher.hash(dto.newPassword)],
      );
      const account = { id: link.user_id as string, email: link.email as string, role: link.role };
      await AuditTrail.record(
        manager,
        userAudit(
          AuditActions.PasswordResetCompleted,
          account,
          `${account.email} set a new password with a reset link`,
          { actor: selfActor(account) },
        ),
      );
      const sessionsEnded = await this.sessions.endAll(manager, link.user_id, 'password reset');
      return { userId: link.user_id as string, sessionsEnded };
    });
    await this.sessions.changeDelivered('u', userId, since);
    this.logger.log(
      { event: 'user.password_reset', userId, actor: { userId, via: 'reset link' }, sessionsEnded },
      'password reset; every session of the user ended',
    );
  }
}
