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
    if (await this.sessions.end(this.dataSource.manager, user.sessionId, 'logout')) {
      await this.sessions.changeDelivered('s', user.sessionId, since);
    }
    this.logger.log(
      { event: 'user.logout', userId: user.id, sessionId: user.sessionId },
      'signed out',
    );
  }
}
