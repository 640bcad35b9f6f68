import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Role } from '@inventory/contracts';
import { ConfigError, systemActor } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { LOCAL_STACK_ADMIN_PASSWORD, passwordProblem } from '../../../auth/domain/password-policy';
import { GatewayConfig } from '../../../gateway.config';
import { CreateUserService } from '../create-user/create-user.service';

export type FirstAdminOutcome = 'created' | 'users exist' | 'not configured';

/**
 * On start, when nobody can sign in yet (no user at all), creates the admin named by
 * ADMIN_EMAIL / ADMIN_PASSWORD. In production the password must follow the password rule
 * and must not be the local stack's published one: the gateway refuses to start otherwise.
 * Several gateways starting at once create it once.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: CreateUserService,
    private readonly config: GatewayConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureFirstAdmin();
  }

  async ensureFirstAdmin(): Promise<FirstAdminOutcome> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password, NODE_ENV } = this.config;
    const outcome = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('gateway:first-admin'))`);
      const [{ exists }] = await manager.query(`SELECT exists (SELECT 1 FROM users) AS exists`);
      if (exists) return { outcome: 'users exist' as const };
      if (!email || !password) return { outcome: 'not configured' as const };
      if (NODE_ENV === 'production') this.assertFitForProduction(email, password);
      const user = await this.users.createIn(manager, {
        email,
        password,
        displayName: 'Administrator',
        role: Role.Admin,
        welcome: false,
        skipPasswordRule: true,
        recordedAs: { actor: systemActor('bootstrap'), origin: 'system' },
      });
      return { outcome: 'created' as const, user };
    });
    if (outcome.outcome === 'created') {
      const { user } = outcome;
      this.logger.log(
        {
          event: 'user.created',
          userId: user.id,
          email: user.email,
          role: user.role,
          actor: 'ADMIN_EMAIL',
        },
        'first admin created from ADMIN_EMAIL / ADMIN_PASSWORD',
      );
      const weakness = passwordProblem(password!, email);
      if (weakness) {
        this.logger.warn(
          { event: 'user.weak_first_admin_password', userId: user.id },
          `the first admin's ${weakness}; change it after signing in (refused in production)`,
        );
      }
    } else if (outcome.outcome === 'not configured') {
      this.logger.warn(
        { event: 'user.no_admin' },
        'there is no user yet: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first admin',
      );
    }
    return outcome.outcome;
  }

  private assertFitForProduction(email: string, password: string): void {
    if (password === LOCAL_STACK_ADMIN_PASSWORD) {
      throw new ConfigError('gateway', [
        "ADMIN_PASSWORD is the local stack's published default: refusing to create the first admin with it in production; set another ADMIN_PASSWORD",
      ]);
    }
    const problem = passwordProblem(password, email);
    if (problem) {
      throw new ConfigError('gateway', [
        `ADMIN_PASSWORD breaks the password rule (${problem.replace(/^password /, '')}): refusing to create the first admin with it in production`,
      ]);
    }
  }
}
