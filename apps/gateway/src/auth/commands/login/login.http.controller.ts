import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { Public } from '../../auth.decorators';
import { AuthThrottlerGuard } from '../../auth-throttler.guard';
import { SignedInDto } from '../../tokens.dto';
import { LoginDto } from './login.dto';
import { LoginService } from './login.service';

@ApiTags('auth')
@Controller('auth')
export class LoginHttpController {
  constructor(private readonly login: LoginService) {}

  @Post('login')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in: an access token, a refresh token and who you are' })
  @ApiOkResponse({ type: SignedInDto })
  @ApiErrors(400, 401, 429)
  signIn(@Body() dto: LoginDto): Promise<SignedInDto> {
    return this.login.login(dto);
  }
}
