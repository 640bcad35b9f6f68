import type { TestRun } from './test-database';

/** Jest global teardown: stops the run's Postgres and removes its folder, passed or failed. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { inventoryTestRun?: TestRun };
  await state.inventoryTestRun?.end();
  state.inventoryTestRun = undefined;
}
