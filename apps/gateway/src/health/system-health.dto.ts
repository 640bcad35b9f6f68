import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthCheckDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ example: '3 ms', description: 'Why it is down, or a short fact.' })
  detail?: string;
}

export class SystemHealthDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ example: 'Down: stock', description: 'Names what is down.' })
  message!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/HealthCheckDto' },
    example: { gateway: { status: 'up' }, database: { status: 'up', detail: '2 ms' } },
    description: 'The gateway, its database and each service (with its own checks).',
  })
  checks!: Record<string, HealthCheckDto>;
}

export class LiveDto {
  @ApiProperty({ enum: ['up'] })
  status!: 'up';
}
