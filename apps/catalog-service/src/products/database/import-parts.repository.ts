import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Parts of CSV files sent over the bus in several messages, kept until their import runs. */
@Injectable()
export class ImportPartsRepository {
  /** Stores a part; sending the same part again (a retry) replaces it. */
  async save(manager: EntityManager, importId: string, index: number, text: string): Promise<void> {
    await manager.query(
      `INSERT INTO import_parts (import_id, part, body) VALUES ($1, $2, $3)
       ON CONFLICT (import_id, part) DO UPDATE SET body = EXCLUDED.body, created_at = now()`,
      [importId, index, text],
    );
  }

  /** Index and length of each stored part, in order. */
  async describe(
    manager: EntityManager,
    importId: string,
  ): Promise<{ part: number; length: number }[]> {
    return manager.query(
      `SELECT part, length(body)::int AS length FROM import_parts WHERE import_id = $1 ORDER BY part`,
      [importId],
    );
  }

  async text(manager: EntityManager, importId: string): Promise<string> {
    const [{ text }] = await manager.query(
      `SELECT coalesce(string_agg(body, '' ORDER BY part), '') AS text
         FROM import_parts WHERE import_id = $1`,
      [importId],
    );
    return text;
  }

  async drop(manager: EntityManager, importId: string): Promise<void> {
    await manager.query(`DELETE FROM import_parts WHERE import_id = $1`, [importId]);
  }

  /** Parts of imports that were never run (the sender gave up). */
  async dropStale(manager: EntityManager, olderThanSeconds: number): Promise<number> {
    const rows = await manager.query(
      `DELETE FROM import_parts WHERE created_at < now() - make_interval(secs => $1) RETURNING 1`,
      [olderThanSeconds],
    );
    return rows.length;
  }
}
