import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { UserDto } from '../users/dtos/user.dto';

/** What signing in or refreshing hands out. */
export class TokensDto {
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer <accessToken>`.' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires.' })
  expiresIn!: number;

  @ApiProperty({
    description:
      'Opaque; exchange it at /auth/refresh for new tokens. Each one works once: a refresh ' +
      'token used a second time ends the whole session.',
  })
  refreshToken!: string;

  @ApiProperty({ format: 'date-time' })
  refreshExpiresAt!: string;
}

export class SignedInDto extends TokensDto {
  @ApiProperty({ type: UserDto })
  user!: UserDto;
}

export class RefreshTokenDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}
