import { beginTestRun, type TestRun } from './test-database';

interface ProjectConfig {
  globals?: { testRunPostgres?: boolean };
}

/**
 * Jest global setup of every project (jest.preset.cjs): one test run per Jest process, with
 * its own folder and, when DATABASE_URL is unset, its own embedded Postgres (projects with
 * no database tests say `globals: { testRunPostgres: false }`). Workers start after this and
 * inherit DATABASE_URL and TMPDIR.
 */
export default async function globalSetup(_global: unknown, project: ProjectConfig): Promise<void> {
  (globalThis as { inventoryTestRun?: TestRun }).inventoryTestRun = await beginTestRun({
    postgres: project?.globals?.testRunPostgres !== false,
  });
}
