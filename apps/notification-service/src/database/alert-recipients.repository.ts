import { Injectable } from '@nestjs/common';
import type { AlertRecipients } from '@inventory/contracts';
import type { Sql } from './sql';

interface RecipientsRow {
  recipients: string[];
  updated_at: Date | null;
  updated_by: string | null;
}

/** The one stored list of alert recipients. */
@Injectable()
export class AlertRecipientsRepository {
  /** The list; empty (never seeded, or emptied by an admin) means nobody gets alerts. */
  async get(sql: Sql): Promise<AlertRecipients> {
    const rows: RecipientsRow[] = await sql.query(
      'SELECT recipients, updated_at, updated_by FROM alert_recipients',
    );
    const row = rows[0];
    return {
      recipients: row?.recipients ?? [],
      updatedAt: row?.updated_at?.toISOString() ?? null,
      updatedBy: row?.updated_by ?? null,
    };
  }

  /** Stores the list from configuration unless there is one already (even an empty one). */
  async seed(sql: Sql, recipients: string[]): Promise<boolean> {
    const inserted: unknown[] = await sql.query(
      `INSERT INTO alert_recipients (recipients) VALUES ($1)
       ON CONFLICT (singleton) DO NOTHING RETURNING singleton`,
      [recipients],
    );
    return inserted.length === 1;
  }

  async set(sql: Sql, recipients: string[], updatedBy: string | null): Promise<AlertRecipients> {
    const [row]: RecipientsRow[] = await sql.query(
      `INSERT INTO alert_recipients (recipients, updated_at, updated_by) VALUES ($1, now(), $2)
       ON CONFLICT (singleton) DO UPDATE
         SET recipients = EXCLUDED.recipients, updated_at = EXCLUDED.updated_at,
             updated_by = EXCLUDED.updated_by
       RETURNING recipients, updated_at, updated_by`,
      [recipients, updatedBy],
    );
    return {
      recipients: row.recipients,
      updatedAt: row.updated_at?.toISOString() ?? null,
      updatedBy: row.updated_by,
    };
  }
}

/** Trimmed, without duplicates (compared without case), in the order given. */
export function normaliseRecipients(recipients: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const address of recipients.map((r) => r.trim())) {
    const key = address.toLowerCase();
    if (address.length === 0 || seen.has(key)) continue;
    seen.add(key);
    result.push(address);
  }
  return result;
}
