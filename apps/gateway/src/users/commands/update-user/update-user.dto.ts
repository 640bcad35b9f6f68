import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsSingleLine, Role } from '@inventory/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** What an admin may change about a user. Email and password are not among them. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Ada Lovelace', maxLength: 200 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsSingleLine()
  displayName?: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({
    description: 'false deactivates: the user cannot sign in and their sessions end.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
