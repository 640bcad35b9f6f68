import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { GatewayConfig } from '../gateway.config';
import { AuthGuard } from './auth.guard';
import { AUTH_THROTTLER, AuthThrottlerGuard } from './auth-throttler.guard';
import { ChangePasswordHttpController } from './commands/change-password/change-password.http.controller';
import { ChangePasswordService } from './commands/change-password/change-password.service';
import { ConfirmPasswordResetHttpController } from './commands/confirm-password-reset/confirm-password-reset.http.controller';
import { ConfirmPasswordResetService } from './commands/confirm-password-reset/confirm-password-reset.service';
import { LoginHttpController } from './commands/login/login.http.controller';
import { LoginService } from './commands/login/login.service';
import { LogoutHttpController } from './commands/logout/logout.http.controller';
import { RefreshHttpController } from './commands/refresh/refresh.http.controller';
import { RequestPasswordResetHttpController } from './commands/request-password-reset/request-password-reset.http.controller';
import { RequestPasswordResetService } from './commands/request-password-reset/request-password-reset.service';
import { UsersDatabaseModule } from '../users/database/users-database.module';
import { GetMeHttpController } from './queries/get-me/get-me.http.controller';
import { Clock } from './clock';
import { SessionCache } from './session-cache';
import { SessionService } from './session.service';

/**
 * Who is calling: sign-in, sessions and their tokens, password reset, and the global guard
 * that applies every route's `@Public()` / `@Roles()` policy.
 */
@Module({
  imports: [
    UsersDatabaseModule,
    JwtModule.registerAsync({
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails)
        // to read it as a public key on every verification, which dominated the CPU profile.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig) => ({
        throttlers: [
          {
            name: AUTH_THROTTLER,
            limit: config.AUTH_RATE_LIMIT,
            ttl: config.AUTH_RATE_LIMIT_WINDOW_SECONDS * 1000,
          },
        ],
        setHeaders: false,
      }),
    }),
  ],
  controllers: [
    LoginHttpController,
    RefreshHttpController,
    LogoutHttpController,
    RequestPasswordResetHttpController,
    ConfirmPasswordResetHttpController,
    GetMeHttpController,
    ChangePasswordHttpController,
  ],
  providers: [
    Clock,
    SessionCache,
    SessionService,
    LoginService,
    RequestPasswordResetService,
    ConfirmPasswordResetService,
    ChangePasswordService,
    AuthThrottlerGuard,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionService],
})
export class AuthModule {}
