import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@inventory/contracts';
import { Roles } from '../../../auth/auth.decorators';
import { CurrentUser } from '../../../auth/current-user.decorator';
import type { AuthUser } from '../../../auth/session.service';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { IdParamDto } from '../../../http/id-param.dto';
import { toUserDto, UserDto } from '../../dtos/user.dto';
import { UpdateUserDto } from './update-user.dto';
import { UpdateUserService } from './update-user.service';

@ApiTags('users')
@Controller('users')
export class UpdateUserHttpController {
  constructor(private readonly service: UpdateUserService) {}

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Rename, change the role of, deactivate or reactivate a user',
    description:
      'Users are never deleted: deactivate them instead (they cannot sign in and their ' +
      'sessions end). The last active admin can be neither demoted nor deactivated (409).',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404, 409)
  async update(
    @CurrentUser() admin: AuthUser,
    @Param() { id }: IdParamDto,
    @Body() dto: UpdateUserDto,
  ): Promise<UserDto> {
    const user = await this.service.update(id, dto, { userId: admin.id, role: admin.role });
    return toUserDto(user);
  }
}
