import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto, Role } from '@inventory/contracts';
import type { UserEntity } from '../database/user.entity';

/** A user as the API shows it (never the password hash). */
export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ada@lab.example', description: 'Lower case; unique.' })
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  displayName!: string;

  @ApiProperty({ enum: Role, enumName: 'Role', example: Role.Staff })
  role!: Role;

  @ApiProperty({ description: 'Deactivated users cannot sign in; their sessions are ended.' })
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastLoginAt!: string | null;
}

export class UsersPageDto extends PageMetaDto {
  @ApiProperty({ type: [UserDto] })
  items!: UserDto[];
}

export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
  };
}
