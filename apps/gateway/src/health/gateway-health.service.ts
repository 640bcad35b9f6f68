import { Injectable } from '@nestjs/common';
import {
  CheckHealth,
  SERVICE_NAMES,
  type HealthCheckResult,
  type HealthReport,
} from '@inventory/contracts';
import { HealthService, ServiceBus } from '@inventory/platform';

const SERVICE_CHECK_TIMEOUT_MS = 1500;

export interface SystemHealth {
  status: 'up' | 'down';
  /** Names what is down, for a person reading the 503. */
  message: string;
  checks: Record<string, HealthCheckResult & { checks?: HealthReport['checks'] }>;
}

/** What anyone may see of the system's health: up or down per part, no details. */
export function publicHealth(health: SystemHealth): SystemHealth {
  return {
    status: health.status,
    message: health.message,
    checks: Object.fromEntries(
      Object.entries(health.checks).map(([name, check]) => [name, { status: check.status }]),
    ),
  };
}

/**
 * The whole system's health as the gateway sees it: itself, its database, and each service
 * asked over the bus (a service reports its own database).
 */
@Injectable()
export class GatewayHealthService {
  constructor(
    private readonly health: HealthService,
    private readonly bus: ServiceBus,
  ) {}

  async system(): Promise<SystemHealth> {
    const own = await this.health.report();
    const services = await Promise.all(
      SERVICE_NAMES.map(async (service) => [service, await this.ask(service)] as const),
    );
    const checks: SystemHealth['checks'] = {
      gateway: { status: 'up', detail: `instance ${own.instance}, up ${own.uptimeSeconds} s` },
      ...own.checks,
      ...Object.fromEntries(services),
    };
    const down = Object.entries(checks)
      .filter(([, check]) => check.status === 'down')
      .map(([name]) => name);
    return {
      status: down.length === 0 ? 'up' : 'down',
      message: down.length === 0 ? 'All systems up' : `Down: ${down.join(', ')}`,
      checks,
    };
  }

  private async ask(
    service: (typeof SERVICE_NAMES)[number],
  ): Promise<SystemHealth['checks'][string]> {
    try {
      const report = await this.bus.send(
        CheckHealth(service),
        {},
        {
          timeoutMs: SERVICE_CHECK_TIMEOUT_MS,
        },
      );
      const down = Object.entries(report.checks).filter(([, check]) => check.status === 'down');
      return {
        status: report.status,
        detail:
          report.status === 'up'
            ? `instance ${report.instance}`
            : `${down.map(([name, check]) => `${name}: ${check.detail}`).join('; ')}`,
        checks: report.checks,
      };
    } catch (error) {
      return { status: 'down', detail: (error as Error).message };
    }
  }
}
