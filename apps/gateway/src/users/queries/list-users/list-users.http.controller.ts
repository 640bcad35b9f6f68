import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@inventory/contracts';
import { DataSource } from 'typeorm';
import { Roles } from '../../../auth/auth.decorators';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { UserEntity } from '../../database/user.entity';
import { toUserDto, UsersPageDto } from '../../dtos/user.dto';
import { ListUsersQuery } from './list-users.query';

@ApiTags('users')
@Controller('users')
export class ListUsersHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Users, oldest first, a page at a time' })
  @ApiOkResponse({ type: UsersPageDto })
  @ApiErrors(400)
  async list(@Query() query: ListUsersQuery): Promise<UsersPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const builder = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .orderBy('user.createdAt', 'ASC')
      .addOrderBy('user.id', 'ASC')
      // No joins here, so plain OFFSET/LIMIT.
      .offset((page - 1) * pageSize)
      .limit(pageSize);
    if (query.q) {
      const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere('(user.email LIKE :pattern OR lower(user.displayName) LIKE :pattern)', {
        pattern,
      });
    }
    if (query.role) builder.andWhere('user.role = :role', { role: query.role });
    if (query.active !== undefined)
      builder.andWhere('user.active = :active', { active: query.active });
    const [users, total] = await builder.getManyAndCount();
    return { items: users.map(toUserDto), total, page, pageSize };
  }
}
