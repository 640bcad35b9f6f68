import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@inventory/contracts';
import { NotFoundError } from '@inventory/platform';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';
import { UsersRepository } from '../../database/users.repository';
import { toUserDto, UserDto } from '../../dtos/user.dto';

@ApiTags('users')
@Controller('users')
export class GetUserHttpController {
  constructor(private readonly users: UsersRepository) {}

  @Get(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404)
  async get(@Param() { id }: IdParamDto): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError(`No user with id ${id}`);
    return toUserDto(user);
  }
}
