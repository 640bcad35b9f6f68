import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiProperty({ example: 'quantity' })
  field!: string;

  @ApiProperty({ example: 'quantity must be a positive integer' })
  message!: string;
}

/** The one shape of every error the API answers with. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'Invalid request: quantity' })
  message!: string;

  @ApiPropertyOptional({
    type: [ErrorDetailDto],
    description: 'The offending fields, when there are any.',
  })
  details?: ErrorDetailDto[];

  @ApiProperty({
    example: '6419e6d3-5a23-45ea-89c2-adeb4971559d',
    description: 'The request id (X-Request-Id).',
  })
  correlationId!: string;
}
