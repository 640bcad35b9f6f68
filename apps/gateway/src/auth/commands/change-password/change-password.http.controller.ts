import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { AuthThrottlerGuard } from '../../auth-throttler.guard';
import { CurrentUser } from '../../current-user.decorator';
import { PASSWORD_RULE } from '../../domain/password-policy';
import type { AuthUser } from '../../session.service';
import { ChangePasswordDto } from './change-password.dto';
import { ChangePasswordService } from './change-password.service';

@ApiTags('me')
@Controller('me')
export class ChangePasswordHttpController {
  constructor(private readonly service: ChangePasswordService) {}

  @Post('password')
  // Each try is a guess at the current password: limited like a sign-in.
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Change my password',
    description: `The new password must be ${PASSWORD_RULE}. Other sessions of the account end; this one stays.`,
  })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiErrors(400, 429)
  async change(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.service.change(user, dto);
  }
}
