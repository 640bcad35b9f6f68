import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type Stack, type StackOptions } from '@inventory/local-stack';

export interface TestStack extends Stack {
  dataDir: string;
}

/**
 * A whole system for one test file, started the way `npm start` does (same code path,
 * `node dist/main.js` per app) with free ports and throwaway data.
 */
export async function startTestStack(options: Partial<StackOptions> = {}): Promise<TestStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inventory-stack-'));
  // Embedded Postgres runs as the postgres user (when tests run as root): it must be able
  // to reach its data folder inside this one.
  chmodSync(dataDir, 0o755);
  try {
    const stack = await startStack({ dataDir, ephemeral: true, ...options });
    return {
      ...stack,
      dataDir,
      stop: async () => {
        await stack.stop();
        // KEEP_STACK_LOGS=<folder> keeps each stack's app logs for a look after the run.
        if (process.env.KEEP_STACK_LOGS) {
          cpSync(stack.logDir, join(process.env.KEEP_STACK_LOGS, `stack-${stack.ports.gateway}`), {
            recursive: true,
          });
        }
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

import { eventually, sleep } from '@inventory/local-stack';

export { eventually, sleep };

/**
 * Threshold crossings in ledger rows, as the stock service counts them (each row says its
 * quantity before and after): into low (above the reorder level → 1…reorder level) and
 * into 0. One alert each.
 */
export function crossingsIn(
  rows: { delta: number; quantity_after: number }[],
  reorderLevel: number,
): { low: number; out: number } {
  let low = 0;
  let out = 0;
  for (const row of rows) {
    const before = row.quantity_after - row.delta;
    if (before > reorderLevel && row.quantity_after <= reorderLevel && row.quantity_after > 0)
      low++;
    if (before > 0 && row.quantity_after === 0) out++;
  }
  return { low, out };
}
