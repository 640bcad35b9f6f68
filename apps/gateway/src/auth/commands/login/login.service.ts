import { selfActor, userAudit } from '../../../audit/user-audit';
import { AuditActions } from '@inventory/contracts';
import { AuditTrail } from '@inventory/platform';
import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { normaliseEmail, UserEntity } from '../../../users/database/user.entity';
import { toUserDto } from '../../../users/dtos/user.dto';
import { PasswordHasher } from '../../domain/password-hasher';
import { SessionService } from '../../session.service';
import type { SignedInDto } from '../../tokens.dto';
import type { LoginDto } from './login.dto';

const WRONG_CREDENTIALS = 'Email or password is incorrect';

/**
 * Signs a user in with email and password. Unknown email, wrong password and deactivated
 * account answer alike, and take about as long (a password is hashed either way).
 */
@Injectable()
export class LoginService {
  private readonly logger = new Logger('Auth');
  /** Verified against when the email is unknown, so timing does not tell accounts apart. */
  private readonly decoy = PasswordHasher.hash('not-a-real-password-of-anyone');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  async login(dto: LoginDto): Promise<SignedInDto> {
    const email = normaliseEmail(dto.email);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
    const passwordOk = await PasswordHasher.verify(
      user?.passwordHash ?? (await this.decoy),
      dto.password,
    );
    // A deactivated account answers as a wrong password does: otherwise the answer would
    // confirm that the password is right.
    if (!user || !passwordOk || !user.active) {
      this.failed(
        email,
        !user ? 'unknown email' : !passwordOk ? 'wrong password' : 'deactivated',
        user?.id,
      );
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    const tokens = await this.dataSource.transaction(async (manager) => {
      const [[updated]] = await manager.query(
        `UPDATE users SET last_login_at = now() WHERE id = $1 RETURNING last_login_at`,
        [user.id],
      );
      user.lastLoginAt = updated.last_login_at;
      await AuditTrail.record(
        manager,
        userAudit(AuditActions.SignedIn, user, `${user.email} signed in`, {
          actor: selfActor(user),
        }),
      );
      return this.sessions.start(manager, user);
    });
    this.logger.log({ event: 'user.login', userId: user.id, email, role: user.role }, 'signed in');
    return { ...tokens, user: toUserDto(user) };
  }

  private failed(email: string, reason: string, userId?: string): void {
    this.logger.warn({ event: 'user.login_failed', email, reason, userId }, 'sign-in refused');
  }
}
