import { Injectable } from '@nestjs/common';
import type { DigestStatus } from '@inventory/contracts';
import type { Sql } from './sql';

export type DigestTrigger = 'schedule' | 'on_demand';

/** What is known about a run when it starts. */
export interface DigestRunStart {
  id: string;
  runDate: string;
  timeZone: string;
  trigger: DigestTrigger;
  forced: boolean;
  startedAt: Date;
}

export interface DigestRunRow extends DigestRunStart {
  status: DigestStatus | 'failed';
  itemCount: number | null;
  error?: string | null;
}

/** Every run of the low-stock digest, and whether today's has gone out. */
@Injectable()
export class DigestRunsRepository {
  async add(sql: Sql, run: DigestRunRow): Promise<void> {
    await sql.query(
      `INSERT INTO digest_runs (id, run_date, time_zone, trigger, forced, status, item_count,
                                error, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        run.id,
        run.runDate,
        run.timeZone,
        run.trigger,
        run.forced,
        run.status,
        run.itemCount,
        run.error ?? null,
        run.startedAt,
      ],
    );
  }

  /** When a digest last went out on this day (forced or not), or null. */
  async sentOn(sql: Sql, runDate: string): Promise<Date | null> {
    const [row]: { finished_at: Date }[] = await sql.query(
      `SELECT finished_at FROM digest_runs WHERE run_date = $1 AND status = 'sent'
        ORDER BY finished_at DESC LIMIT 1`,
      [runDate],
    );
    return row?.finished_at ?? null;
  }
}
