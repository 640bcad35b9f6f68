import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@inventory/contracts';
import { Roles } from '../../../auth/auth.decorators';
import { CurrentUser } from '../../../auth/current-user.decorator';
import type { AuthUser } from '../../../auth/session.service';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { toUserDto, UserDto } from '../../dtos/user.dto';
import { CreateUserDto } from './create-user.dto';
import { CreateUserService } from './create-user.service';

@ApiTags('users')
@Controller('users')
export class CreateUserHttpController {
  constructor(private readonly service: CreateUserService) {}

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Add a user',
    description: 'The new user is sent a welcome email with a link to the login page.',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(400, 409)
  async create(@CurrentUser() admin: AuthUser, @Body() dto: CreateUserDto): Promise<UserDto> {
    const user = await this.service.create(
      { ...dto, welcome: true },
      { userId: admin.id, role: admin.role },
    );
    return toUserDto(user);
  }
}
