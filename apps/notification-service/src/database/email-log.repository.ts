import { Injectable } from '@nestjs/common';
import type {
  EmailKind,
  EmailLogEntry,
  EmailLogEntryWithText,
  EmailLogQueryDto,
  EmailStatus,
  Page,
} from '@inventory/contracts';
import type { Sql } from './sql';

export interface NewEmailLogRow {
  kind: EmailKind;
  status: EmailStatus;
  recipients: string[];
  subject: string;
  /** The plain-text body as sent (see `withheldText` for what is left out). */
  text?: string | null;
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
  body_text?: string | null;
}

/** The email log: one row per send attempt (and per email deliberately not sent). */
@Injectable()
export class EmailLogRepository {
  async add(sql: Sql, row: NewEmailLogRow): Promise<string> {
    const [{ id }] = await sql.query(
      `INSERT INTO email_log (kind, status, recipients, subject, event_id, digest_run_id,
                              product_id, ses_message_id, error, correlation_id, occurred_at, at,
                              body_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
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
        row.text == null ? null : withheldText(row.kind, row.text),
      ],
    );
    return id;
  }

  async list(sql: Sql, query: EmailLogQueryDto): Promise<Page<EmailLogEntry>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filters = [
      query.status ?? null,
      query.kind ?? null,
      query.eventId ?? null,
      query.from ?? null,
      query.to ?? null,
    ];
    const where = `($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR kind = $2)
                   AND ($3::uuid IS NULL OR event_id = $3)
                   AND ($4::timestamptz IS NULL OR at >= $4)
                   AND ($5::timestamptz IS NULL OR at < $5)`;
    const [rows, [{ total }]] = await Promise.all([
      sql.query(
        `SELECT id, kind, status, recipients, subject, event_id, digest_run_id, product_id,
                ses_message_id, error, correlation_id, at
           FROM email_log WHERE ${where}
          ORDER BY at DESC, id DESC LIMIT $6 OFFSET $7`,
        [...filters, pageSize, (page - 1) * pageSize],
      ) as Promise<EmailLogRow[]>,
      sql.query(`SELECT count(*)::int AS total FROM email_log WHERE ${where}`, filters) as Promise<
        { total: number }[]
      >,
    ]);
    return { items: rows.map(toEntry), total, page, pageSize };
  }

  async get(sql: Sql, id: string): Promise<EmailLogEntryWithText | null> {
    const rows: EmailLogRow[] = await sql.query(
      `SELECT id, kind, status, recipients, subject, event_id, digest_run_id, product_id,
              ses_message_id, error, correlation_id, at, body_text
         FROM email_log WHERE id = $1`,
      [id],
    );
    return rows[0] ? { ...toEntry(rows[0]), text: rows[0].body_text ?? null } : null;
  }
}

/**
 * The text kept in the log. A password-reset link signs its reader in as that user for an
 * hour: anyone who can read the log (admins) must not be able to use it, so it is withheld.
 */
export function withheldText(kind: EmailKind, text: string): string {
  if (kind !== 'password_reset') return text;
  return text.replace(/(\S*[?&]token=)[^\s&]+/g, '$1[withheld]');
}

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
