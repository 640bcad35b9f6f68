import { Module } from '@nestjs/common';
import { HealthService } from '@inventory/platform';
import { AuthModule } from '../auth/auth.module';
import { GatewayHealthController } from './gateway-health.controller';
import { GatewayHealthService } from './gateway-health.service';

@Module({
  imports: [AuthModule],
  controllers: [GatewayHealthController],
  providers: [HealthService, GatewayHealthService],
})
export class GatewayHealthModule {}
