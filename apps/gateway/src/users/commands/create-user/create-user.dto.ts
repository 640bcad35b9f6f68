import { ApiProperty } from '@nestjs/swagger';
import { IsSingleLine, Role } from '@inventory/contracts';
import { IsEmail, IsEnum, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { PASSWORD_MAX_LENGTH, PASSWORD_RULE } from '../../../auth/domain/password-policy';

export class CreateUserDto {
  @ApiProperty({ example: 'ada@lab.example', description: 'Unique, compared without case.' })
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace', maxLength: 200 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsSingleLine()
  displayName!: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role!: Role;

  @ApiProperty({
    description: `The first password, passed on to the person by the admin: ${PASSWORD_RULE}.`,
  })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}
