import { userAudit } from '../../../audit/user-audit';
import { AuditActions } from '@inventory/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InvalidInputError, AuditTrail } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../domain/password-hasher';
import { assertStrongPassword } from '../../domain/password-rule';
import { type AuthUser, SessionService } from '../../session.service';
import type { ChangePasswordDto } from './change-password.dto';

/** A signed-in user changes their own password; their other sessions end. */
@Injectable()
export class ChangePasswordService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  async change(user: AuthUser, dto: ChangePasswordDto): Promise<void> {
    const since = this.sessions.beginChange();
    const sessionsEnded = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT password_hash FROM users WHERE id = $1 FOR UPDATE`,
        [user.id],
      );
      if (!(await PasswordHasher.verify(row.password_hash, dto.currentPassword))) {
        const message = 'currentPassword is not your current password';
        throw new InvalidInputError(message, [{ field: 'currentPassword', message }]);
      }
      assertStrongPassword('newPassword', dto.newPassword, user.email);
      await manager.query(
        `UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now()
          WHERE id = $1`,
        [user.id, await PasswordHasher.hash(dto.newPassword)],
      );
      await AuditTrail.record(
        manager,
        userAudit(AuditActions.PasswordChanged, user, `${user.email} changed their password`),
      );
      return this.sessions.endAll(manager, user.id, 'password changed', user.sessionId);
    });
    await this.sessions.changeDelivered('u', user.id, since);
    this.logger.log(
      {
        event: 'user.password_changed',
        userId: user.id,
        actor: { userId: user.id },
        sessionsEnded,
      },
      'password changed; other sessions ended',
    );
  }
}
