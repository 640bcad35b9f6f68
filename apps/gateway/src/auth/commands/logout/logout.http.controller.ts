import { userAudit } from '../../../audit/user-audit';
import { AuditActions } from '@inventory/contracts';
import { AuditTrail } from '@inventory/platform';
import { Controller, HttpCode, HttpStatus, Logger, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentUser } from '../../current-user.decorator';
import { type AuthUser, SessionService } from '../../session.service';

@ApiTags('auth')
@Controller('auth')
export class LogoutHttpController {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Sign out: ends this session',
    description: "The session's refresh token and access tokens stop working at once.",
  })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    const since = this.sessions.beginChange();
    const ended = await this.dataSource.transaction(async (manager) => {
      if (!(await this.sessions.end(manager, user.sessionId, 'logout'))) return false;
      await AuditTrail.record(
        manager,
        userAudit(AuditActions.SignedOut, user, `${user.email} signed out`),
      );
      return true;
    });
    // Every gateway instance has dropped the session from its cache before this answers.
    if (ended) await this.sessions.changeDelivered('s', user.sessionId, since);
    this.logger.log(
      { event: 'user.logout', userId: user.id, sessionId: user.sessionId },
      'signed out',
    );
  }
}
