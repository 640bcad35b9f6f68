import { Client } from 'pg';

const SCHEMAS = ['gateway', 'catalog', 'stock', 'notification'];

/**
 * A fingerprint of every row of every service's tables: two equal snapshots mean nothing
 * was inserted, updated or deleted in between.
 */
export async function snapshotDatabase(databaseUrl: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
      [SCHEMAS],
    );
    const snapshot: Record<string, string> = {};
    for (const { schema, name } of tables.rows) {
      const { rows } = await client.query<{ count: string; digest: string | null }>(
        `SELECT count(*)::text AS count, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest
           FROM "${schema}"."${name}" t`,
      );
      snapshot[`${schema}.${name}`] = `${rows[0].count}:${rows[0].digest ?? ''}`;
    }
    return snapshot;
  } finally {
    await client.end();
  }
}
