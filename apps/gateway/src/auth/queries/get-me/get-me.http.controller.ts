import { Controller, Get, NotFoundException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UsersRepository } from '../../../users/database/users.repository';
import { toUserDto, UserDto } from '../../../users/dtos/user.dto';
import { CurrentUser } from '../../current-user.decorator';
import type { AuthUser } from '../../session.service';

@ApiTags('me')
@Controller('me')
export class GetMeHttpController {
  constructor(private readonly users: UsersRepository) {}

  @Get()
  @ApiOperation({ summary: 'Who is signed in' })
  @ApiOkResponse({ type: UserDto })
  async me(@CurrentUser() current: AuthUser): Promise<UserDto> {
    const user = await this.users.findById(current.id);
    if (!user) throw new NotFoundException('This account no longer exists');
    return toUserDto(user);
  }
}
