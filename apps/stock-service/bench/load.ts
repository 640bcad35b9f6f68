import type { CpuFigure } from '@inventory/local-stack';

/** What one closed-loop load run measured. */
export interface LoadResult {
  label: string;
  clients: number;
  seconds: number;
  ok: number;
  /** Failed operations by reason (HTTP status, error code). */
  failures: Record<string, number>;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Events still waiting in the outbox when the run ended, and how long they took to go. */
  backlog?: { events: number; drainSeconds: number };
  /** CPU milliseconds each process used in the measured window, when measured. */
  cpu?: CpuFigure[];
  /** /proc/loadavg (1, 5, 15 minutes) at the end of the run, when measured. */
  loadAverage?: string;
}

/** One operation: resolves when it succeeded, rejects with a short reason when it did not. */
export type Operation = (client: number, sequence: number) => Promise<void>;

/**
 * `clients` loops, each starting its next operation as soon as the previous one answered
 * (closed loop, like pgbench). Operations during the warm-up are not counted.
 */
export async function runLoad(options: {
  label: string;
  clients: number;
  seconds: number;
  warmupSeconds: number;
  operation: Operation;
  /** Called when the measured window opens and when it closes (to sample CPU, say). */
  onWindow?: (edge: 'start' | 'end') => void;
}): Promise<LoadResult> {
  const { clients, seconds, warmupSeconds, operation, onWindow } = options;
  const started = performance.now();
  const measureFrom = started + warmupSeconds * 1000;
  const measureTo = measureFrom + seconds * 1000;
  if (onWindow) {
    setTimeout(() => onWindow('start'), measureFrom - performance.now());
    setTimeout(() => onWindow('end'), measureTo - performance.now());
  }
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let ok = 0;

  const loop = async (client: number) => {
    for (let sequence = 0; ; sequence++) {
      const begin = performance.now();
      if (begin >= measureTo) return;
      let failure: string | undefined;
      try {
        await operation(client, sequence);
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      const end = performance.now();
      if (begin < measureFrom || end > measureTo) continue;
      if (failure === undefined) {
        ok++;
        latencies.push(end - begin);
      } else {
        failures[failure] = (failures[failure] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, client) => loop(client)));

  latencies.sort((a, b) => a - b);
  return {
    label: options.label,
    clients,
    seconds,
    ok,
    failures,
    perSecond: ok / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
