import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { GatewayHealthService } from './gateway-health.service';
import { HealthCheckDto, LiveDto, SystemHealthDto } from './system-health.dto';

/** `/health`: 200 when the gateway, its database and every service are up; 503 naming what is not. */
@ApiTags('health')
@ApiExtraModels(HealthCheckDto)
@Public()
@Controller('health')
export class GatewayHealthController {
  constructor(private readonly health: GatewayHealthService) {}

  @Get()
  @ApiOperation({ summary: 'Readiness of the whole system' })
  @ApiOkResponse({ type: SystemHealthDto, description: 'Everything is up' })
  @ApiServiceUnavailableResponse({ type: SystemHealthDto, description: 'Something is down' })
  async system(@Res() reply: FastifyReply): Promise<void> {
    const health = await this.health.system();
    await reply.status(health.status === 'up' ? 200 : 503).send(health);
  }

  @Get('live')
  @ApiOperation({ summary: 'The gateway process answers' })
  @ApiOkResponse({ type: LiveDto })
  live(): LiveDto {
    return { status: 'up' };
  }
}
