import { Injectable, Optional } from '@nestjs/common';
import type { HealthCheckResult, HealthReport } from '@inventory/contracts';
import { DataSource } from 'typeorm';
import { AppBaseConfig } from '../config/base.config';

/** Resolves when the dependency is usable (optionally with a short detail); rejects when not. */
export type HealthCheck = () => Promise<string | void>;

export const HEALTH_CHECK_TIMEOUT_MS = 2000;

/**
 * Readiness of this process: every registered check runs in parallel with a deadline. The
 * database check is always there when the app has one.
 */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, HealthCheck>();
  private readonly startedAt = Date.now();
  private service = 'app';

  constructor(
    private readonly config: AppBaseConfig,
    @Optional() dataSource?: DataSource,
  ) {
    if (dataSource) {
      this.register('database', async () => {
        await dataSource.query('SELECT 1');
      });
    }
  }

  identify(service: string): void {
    this.service = service;
  }

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await runCheck(check)] as const),
    );
    const checks = Object.fromEntries(entries);
    return {
      status: entries.every(([, result]) => result.status === 'up') ? 'up' : 'down',
      service: this.service,
      instance: this.config.SERVICE_INSTANCE,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      checks,
    };
  }
}

export async function runCheck(
  check: HealthCheck,
  timeoutMs = HEALTH_CHECK_TIMEOUT_MS,
): Promise<HealthCheckResult> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up', detail: detail || `${Date.now() - started} ms` };
  } catch (error) {
    return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
