import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { Public } from '../../auth.decorators';
import { AuthThrottlerGuard } from '../../auth-throttler.guard';
import { SessionService } from '../../session.service';
import { RefreshTokenDto, TokensDto } from '../../tokens.dto';

@ApiTags('auth')
@Controller('auth')
export class RefreshHttpController {
  constructor(private readonly sessions: SessionService) {}

  @Post('refresh')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'New tokens for a refresh token',
    description:
      'Each refresh token works once and is replaced by the one in the answer. Using one a ' +
      'second time ends the whole session (someone else may hold a copy), except within ' +
      'REFRESH_TOKEN_REUSE_GRACE_SECONDS of its rotation: then the answer carries the ' +
      "session's current refresh token (a page that reloaded before it stored the answer).",
  })
  @ApiOkResponse({ type: TokensDto })
  @ApiErrors(400, 401, 429)
  refresh(@Body() dto: RefreshTokenDto): Promise<TokensDto> {
    return this.sessions.refresh(dto.refreshToken);
  }
}
