import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { Public } from '../../auth.decorators';
import { AuthThrottlerGuard } from '../../auth-throttler.guard';
import { PASSWORD_RULE } from '../../domain/password-policy';
import { ConfirmPasswordResetDto } from './confirm-password-reset.dto';
import { ConfirmPasswordResetService } from './confirm-password-reset.service';

@ApiTags('auth')
@Controller('auth/password-reset')
export class ConfirmPasswordResetHttpController {
  constructor(private readonly service: ConfirmPasswordResetService) {}

  @Post('confirm')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Set a new password with the token from a reset link',
    description:
      `The new password must be ${PASSWORD_RULE}. The link works once; every session of ` +
      'the account ends (sign in again with the new password).',
  })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiErrors(400, 429)
  async confirm(@Body() dto: ConfirmPasswordResetDto): Promise<void> {
    await this.service.confirm(dto);
  }
}
