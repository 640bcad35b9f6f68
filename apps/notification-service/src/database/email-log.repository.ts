import type {
  EmailKind,
  EmailLogEntry,
  EmailLogQueryDto,
  EmailStatus,
  Page,
} from '@inventory/contracts';
import type { EntityManager } from 'typeorm';

/** Anything that runs SQL: a transaction's manager or the DataSource itself. */
export type Sql = Pick<EntityManager, 'query'>;

export interface NewEmailLogRow {
  kind: EmailKind;
  status: EmailStatus;
  recipients: string[];
  subject: string;
  eventId?: string | null;
  digestRunId?: string | null;
  productId?: string | null;
  sesMessageId?: string | null;
  error?: string | null;
  correlationId?: string | null;
  occurredAt?: Date | null;
  at: Date;
}

interface EmailLogRow {
  id: string;
  kind: EmailKind;
  status: EmailStatus;
  recipients: string[];
  subject: string;
  event_id: string | null;
  digest_run_id: string | null;
  product_id: string | null;
  ses_message_id: string | null;
  error: string | null;
  correlation_id: string | null;
  at: Date;
}

/** The email log: one row per send attempt (and per email deliberately not sent). */
export const EmailLog = {
  async add(sql: Sql, row: NewEmailLogRow): Promise<string> {
    const [{ id }] = await sql.query(
      `INSERT INTO email_log (kind, status, recipients, subject, event_id, digest_run_id,
                              product_id, ses_message_id, error, correlation_id, occurred_at, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        row.kind,
        row.status,
        row.recipients,
        row.subject,
        row.eventId ?? null,
        row.digestRunId ?? null,
        row.productId ?? null,
        row.sesMessageId ?? null,
        row.error ?? null,
        row.correlationId ?? null,
        row.occurredAt ?? null,
        row.at,
      ],
    );
    return id;
  },

  async list(sql: Sql, query: EmailLogQueryDto): Promise<Page<EmailLogEntry>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filters = [query.status ?? null, query.kind ?? null, query.eventId ?? null];
    const where = `($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR kind = $2)
                   AND ($3::uuid IS NULL OR event_id = $3)`;
    const [rows, [{ total }]] = await Promise.all([
      sql.query(
        `SELECT id, kind, status, recipients, subject, event_id, digest_run_id, product_id,
                ses_message_id, error, correlation_id, at
           FROM email_log WHERE ${where}
          ORDER BY at DESC, id DESC LIMIT $4 OFFSET $5`,
        [...filters, pageSize, (page - 1) * pageSize],
      ) as Promise<EmailLogRow[]>,
      sql.query(`SELECT count(*)::int AS total FROM email_log WHERE ${where}`, filters) as Promise<
        { total: number }[]
      >,
    ]);
    return { items: rows.map(toEntry), total, page, pageSize };
  },
};

function toEntry(row: EmailLogRow): EmailLogEntry {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    recipients: row.recipients,
    subject: row.subject,
    eventId: row.event_id,
    digestRunId: row.digest_run_id,
    productId: row.product_id,
    sesMessageId: row.ses_message_id,
    error: row.error,
    correlationId: row.correlation_id,
    at: row.at.toISOString(),
  };
}
