import {
  Controller,
  type DynamicModule,
  Get,
  Module,
  type OnModuleInit,
  Res,
} from '@nestjs/common';
import { CheckHealth, type HealthReport, type ServiceName } from '@inventory/contracts';
import { AnswersRequest } from '../bus/answers-request';
import type { FastifyReply } from 'fastify';
import { HealthService } from './health.service';

/**
 * `/health` (readiness: 200 when every check is up, 503 naming what is down),
 * `/health/live` (the process answers) on the service's HTTP port, and the same readiness
 * report on the bus for the gateway's aggregated /health.
 */
@Module({})
export class HealthModule {
  static forService(service: ServiceName): DynamicModule {
    @Controller('health')
    class HealthController implements OnModuleInit {
      constructor(private readonly health: HealthService) {}

      onModuleInit() {
        this.health.identify(service);
      }

      @Get()
      async ready(@Res() reply: FastifyReply): Promise<void> {
        const report = await this.health.report();
        await reply.status(report.status === 'up' ? 200 : 503).send(report);
      }

      @Get('ready')
      async readiness(@Res() reply: FastifyReply): Promise<void> {
        await this.ready(reply);
      }

      @Get('live')
      live() {
        return { status: 'up' };
      }

      @AnswersRequest(CheckHealth(service))
      check(): Promise<HealthReport> {
        return this.health.report();
      }
    }

    return {
      module: HealthModule,
      global: true,
      controllers: [HealthController],
      providers: [HealthService],
      exports: [HealthService],
    };
  }
}
