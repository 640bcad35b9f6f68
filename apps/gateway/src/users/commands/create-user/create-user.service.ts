import { userAudit } from '../../../audit/user-audit';
import { Injectable, Logger } from '@nestjs/common';
import { type Actor, AuditActions, type ChangeOrigin } from '@inventory/contracts';
import { ConflictError, Outbox, AuditTrail, type AuditActor } from '@inventory/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { PasswordHasher } from '../../../auth/domain/password-hasher';
import { assertStrongPassword } from '../../../auth/domain/password-rule';
import { GatewayConfig } from '../../../gateway.config';
import { welcomeEmail } from './welcome-email.request';
import { normaliseEmail, UserEntity } from '../../database/user.entity';
import type { CreateUserDto } from './create-user.dto';

export interface NewUser extends CreateUserDto {
  /** Skip the strength rule (only the first admin outside production). */
  skipPasswordRule?: boolean;
  /** Ask for the welcome email (not for the first admin, who configured the system). */
  welcome: boolean;
  /** Who the trail names as having added the user, when not the signed-in user (boot). */
  recordedAs?: { actor: AuditActor; origin: ChangeOrigin };
}

/** Adds a user. Emails are unique without case; the welcome email leaves through the outbox. */
@Injectable()
export class CreateUserService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly config: GatewayConfig,
  ) {}

  async create(input: NewUser, actor: Actor | undefined): Promise<UserEntity> {
    const user = await this.dataSource.transaction((manager) => this.createIn(manager, input));
    this.logger.log(
      { event: 'user.created', userId: user.id, email: user.email, role: user.role, actor },
      'user created',
    );
    return user;
  }

  /** Adds the user inside the caller's transaction (the caller logs `user.created`). */
  async createIn(manager: EntityManager, input: NewUser): Promise<UserEntity> {
    const email = normaliseEmail(input.email);
    if (!input.skipPasswordRule) assertStrongPassword('password', input.password, email);
    const passwordHash = await PasswordHasher.hash(input.password);
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO users (email, display_name, role, password_hash)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO NOTHING
       RETURNING id`,
      [email, input.displayName, input.role, passwordHash],
    );
    if (inserted.length === 0) {
      throw new ConflictError(`A user with the email ${email} already exists`, [
        { field: 'email', message: 'email is already in use' },
      ]);
    }
    const user = await manager.getRepository(UserEntity).findOneByOrFail({ id: inserted[0].id });
    await AuditTrail.record(
      manager,
      userAudit(AuditActions.UserCreated, user, `Added ${user.email} as ${user.role}`, {
        changes: {
          email: { from: null, to: user.email },
          displayName: { from: null, to: user.displayName },
          role: { from: null, to: user.role },
        },
        ...input.recordedAs,
      }),
    );
    if (input.welcome) {
      await this.outbox.add(manager, [welcomeEmail(this.config.PUBLIC_URL, user, user.createdAt)]);
    }
    return user;
  }
}
