import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'ada@lab.example' })
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;
}

export class PasswordResetRequestedDto {
  @ApiProperty({
    example: 'If an active account uses this address, a reset link is on its way to it',
  })
  message!: string;
}
