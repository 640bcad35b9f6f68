import { userAudit } from '../../../audit/user-audit';
import { Injectable, Logger } from '@nestjs/common';
import { type Actor, Role, AuditActions } from '@inventory/contracts';
import { ConflictError, NotFoundError, AuditTrail } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { SessionService } from '../../../auth/session.service';
import { UserEntity } from '../../database/user.entity';
import type { UpdateUserDto } from './update-user.dto';

/**
 * Renames, changes the role of, deactivates or reactivates a user. The last active admin
 * can be neither demoted nor deactivated: someone must always be able to manage users.
 */
@Injectable()
export class UpdateUserService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  async update(id: string, dto: UpdateUserDto, actor: Actor): Promise<UserEntity> {
    const since = this.sessions.beginChange();
    const { user, changes, sessionsEnded } = await this.dataSource.transaction(async (manager) => {
      // Locking every active admin serialises concurrent demotions: two admins demoting each
      // other at once cannot leave nobody in charge.
      const admins: { id: string }[] = await manager.query(
        `SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
      );
      const repository = manager.getRepository(UserEntity);
      const user = await repository.findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new NotFoundError(`No user with id ${id}`);

      const changes: Partial<Record<keyof UpdateUserDto, { from: unknown; to: unknown }>> = {};
      for (const key of ['displayName', 'role', 'active'] as const) {
        if (dto[key] !== undefined && dto[key] !== user[key]) {
          changes[key] = { from: user[key], to: dto[key] };
        }
      }
      const wasActiveAdmin = user.role === Role.Admin && user.active;
      const staysActiveAdmin =
        (dto.role ?? user.role) === Role.Admin && (dto.active ?? user.active);
      if (wasActiveAdmin && !staysActiveAdmin && admins.length <= 1) {
        throw new ConflictError(
          `${user.email} is the last active admin and cannot be ${dto.active === false ? 'deactivated' : 'demoted'}: make another user admin first`,
        );
      }
      if (Object.keys(changes).length === 0) return { user, changes, sessionsEnded: 0 };

      Object.assign(user, {
        displayName: dto.displayName ?? user.displayName,
        role: dto.role ?? user.role,
        active: dto.active ?? user.active,
        updatedAt: new Date(),
      });
      await repository.update(
        { id },
        {
          displayName: user.displayName,
          role: user.role,
          active: user.active,
          updatedAt: user.updatedAt,
        },
      );
      const action = changes.active
        ? user.active
          ? AuditActions.UserReactivated
          : AuditActions.UserDeactivated
        : changes.role
          ? AuditActions.UserRoleChanged
          : AuditActions.UserUpdated;
      const what = [
        changes.active ? (user.active ? 'reactivated' : 'deactivated') : '',
        changes.role ? `role ${String(changes.role.from)} → ${String(changes.role.to)}` : '',
        changes.displayName ? 'name' : '',
      ].filter(Boolean);
      await AuditTrail.record(
        manager,
        userAudit(action, user, `${user.email}: ${what.join(', ')}`, { changes }),
      );
      const sessionsEnded =
        changes.active && !user.active
          ? await this.sessions.endAll(manager, user.id, 'deactivated')
          : 0;
      return { user, changes, sessionsEnded };
    });
    if (changes.role || changes.active) await this.sessions.changeDelivered('u', user.id, since);
    if (Object.keys(changes).length > 0) {
      this.logger.log(
        {
          event: 'user.updated',
          userId: user.id,
          email: user.email,
          changes,
          sessionsEnded,
          actor,
        },
        'user updated',
      );
    }
    return user;
  }
}
