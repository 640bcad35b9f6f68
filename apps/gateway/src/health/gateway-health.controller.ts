import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { GatewayHealthService } from './gateway-health.service';

/** `/health`: 200 when the gateway, its database and every service are up; 503 naming what is not. */
@Controller('health')
export class GatewayHealthController {
  constructor(private readonly health: GatewayHealthService) {}

  @Get()
  async system(@Res() reply: FastifyReply): Promise<void> {
    const health = await this.health.system();
    await reply.status(health.status === 'up' ? 200 : 503).send(health);
  }

  @Get('live')
  live() {
    return { status: 'up' };
  }
}
