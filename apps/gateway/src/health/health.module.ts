import { Module } from '@nestjs/common';
import { HealthService } from '@inventory/platform';
import { GatewayHealthController } from './gateway-health.controller';
import { GatewayHealthService } from './gateway-health.service';

@Module({
  controllers: [GatewayHealthController],
  providers: [HealthService, GatewayHealthService],
})
export class GatewayHealthModule {}
