import { Controller, Get, Req, Res } from '@nestjs/common';
import { Role } from '@inventory/contracts';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { bearerToken } from '../auth/auth.guard';
import { SessionService } from '../auth/session.service';
import { GatewayHealthService, publicHealth } from './gateway-health.service';
import { HealthCheckDto, LiveDto, SystemHealthDto } from './system-health.dto';

/**
 * `/health`: 200 when the gateway, its database and every service are up; 503 naming what
 * is not. Anyone (a load balancer, a monitor) sees up or down per part; the details
 * (instances, uptimes, why a part is down) only an admin's token opens.
 */
@ApiTags('health')
@ApiExtraModels(HealthCheckDto)
@Public()
@Controller('health')
export class GatewayHealthController {
  constructor(
    private readonly health: GatewayHealthService,
    private readonly sessions: SessionService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Readiness of the whole system',
    description:
      'Up or down for the gateway, its database and each service. With an admin access token, also each part’s details (instance, uptime, why it is down, the services’ own checks).',
  })
  @ApiOkResponse({ type: SystemHealthDto, description: 'Everything is up' })
  @ApiServiceUnavailableResponse({ type: SystemHealthDto, description: 'Something is down' })
  async system(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [health, admin] = await Promise.all([
      this.health.system(),
      this.isAdmin(request.headers.authorization),
    ]);
    await reply
      .status(health.status === 'up' ? 200 : 503)
      .send(admin ? health : publicHealth(health));
  }

  private async isAdmin(authorization: string | undefined): Promise<boolean> {
    const token = bearerToken(authorization);
    if (!token) return false;
    const user = await this.sessions.authenticate(token).catch(() => null);
    return !!user && !('refused' in user) && user.role === Role.Admin;
  }

  @Get('live')
  @ApiOperation({ summary: 'The gateway process answers' })
  @ApiOkResponse({ type: LiveDto })
  live(): LiveDto {
    return { status: 'up' };
  }
}
