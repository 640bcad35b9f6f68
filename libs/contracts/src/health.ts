import { busRequest, type BusRequestType, type NoData } from './bus';
import type { ServiceName } from './services';

export type HealthStatus = 'up' | 'down';

export interface HealthCheckResult {
  status: HealthStatus;
  /** Why a check is down, or a short fact about it when up (e.g. latency). */
  detail?: string;
}

/** What a service reports about itself: overall status and each named dependency. */
export interface HealthReport {
  status: HealthStatus;
  service: string;
  instance: string;
  uptimeSeconds: number;
  checks: Record<string, HealthCheckResult>;
}

/** The request every service answers for the gateway's aggregated /health. */
export const CheckHealth = (service: ServiceName): BusRequestType<NoData, HealthReport> =>
  busRequest(`${service}.health.check`, service);
