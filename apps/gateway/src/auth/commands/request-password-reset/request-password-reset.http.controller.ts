import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { Public } from '../../auth.decorators';
import { AuthThrottlerGuard } from '../../auth-throttler.guard';
import { PasswordResetRequestedDto, RequestPasswordResetDto } from './request-password-reset.dto';
import { RequestPasswordResetService } from './request-password-reset.service';

@ApiTags('auth')
@Controller('auth/password-reset')
export class RequestPasswordResetHttpController {
  constructor(private readonly service: RequestPasswordResetService) {}

  @Post('request')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Email a password-reset link',
    description:
      'Always 202, whether or not an account uses the address. An active account gets an ' +
      'email with a one-time link that expires (PASSWORD_RESET_TTL_MINUTES, default 60).',
  })
  @ApiAcceptedResponse({ type: PasswordResetRequestedDto })
  @ApiErrors(400, 429)
  async request(@Body() dto: RequestPasswordResetDto): Promise<PasswordResetRequestedDto> {
    await this.service.request(dto.email);
    return {
      message: 'If an active account uses this address, a reset link is on its way to it',
    };
  }
}
