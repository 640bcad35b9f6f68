import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@inventory/contracts';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { UsersRepository } from '../../database/users.repository';
import { toUserDto, UsersPageDto } from '../../dtos/user.dto';
import { ListUsersQueryDto } from './list-users.dto';

@ApiTags('users')
@Controller('users')
export class ListUsersHttpController {
  constructor(private readonly users: UsersRepository) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Users, oldest first, a page at a time' })
  @ApiOkResponse({ type: UsersPageDto })
  @ApiErrors(400)
  async list(@Query() query: ListUsersQueryDto): Promise<UsersPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { users, total } = await this.users.list(query, page, pageSize);
    return { items: users.map(toUserDto), total, page, pageSize };
  }
}
