import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsDateString,
  IsIn,
  IsOptional,
  isEmail,
  IsUUID,
} from 'class-validator';
import { PageQueryDto } from '../pagination';

/** SES sends one message to at most 50 recipients. */
export const MAX_ALERT_RECIPIENTS = 50;

/** The email address rules used for recipients everywhere (local names like `admin@inventory.local` pass). */
export const EMAIL_OPTIONS = { require_tld: false } as const;

export const isEmailAddress = (value: unknown): value is string =>
  typeof value === 'string' && isEmail(value, EMAIL_OPTIONS);

/** Names the entries of a list that are not email addresses, for a message a person can act on. */
export function invalidAddresses(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  return values
    .filter((value) => !isEmailAddress(value))
    .map((value) => JSON.stringify(typeof value === 'string' ? value.slice(0, 100) : value));
}

/** Who gets low-stock alerts and the daily digest. */
export interface AlertRecipients {
  recipients: string[];
  /** When the list was last changed; null while it is still the one seeded from configuration. */
  updatedAt: string | null;
  /** The admin who changed it last (user id). */
  updatedBy: string | null;
}

/** `PUT /alerts/recipients`: the whole list, replacing the previous one. */
export class AlertRecipientsDto {
  @ApiProperty({
    type: [String],
    example: ['stores@example.com', 'lab-manager@example.com'],
    maxItems: MAX_ALERT_RECIPIENTS,
    description:
      'Every address that gets stock alerts and the daily digest. An empty list turns them off.',
  })
  @IsArray()
  @ArrayMaxSize(MAX_ALERT_RECIPIENTS)
  @IsEmail(EMAIL_OPTIONS, {
    each: true,
    message: ({ value }) =>
      `recipients must be email addresses; not valid: ${invalidAddresses(value).join(', ')}`,
  })
  @Transform(({ value }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value,
  )
  recipients!: string[];
}

/** `POST /alerts/low-stock/run` and `notification.digest.run`. */
export class RunDigestDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Send the digest even when one was already sent today.',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export const DigestStatuses = {
  /** The digest went out. */
  Sent: 'sent',
  /** Nothing is at or below its reorder level: nothing sent. */
  NothingLow: 'nothing_low',
  /** A digest already went out today and `force` was not asked for: nothing sent. */
  AlreadySent: 'already_sent',
  /** The recipient list is empty: nothing sent. */
  NoRecipients: 'no_recipients',
} as const;

export type DigestStatus = (typeof DigestStatuses)[keyof typeof DigestStatuses];

/** One line of the digest. */
export interface DigestItem {
  productId: string;
  sku: string | null;
  name: string | null;
  onHand: number;
  reorderLevel: number;
}

/** What one run of the low-stock digest found and did. */
export interface DigestRunResult {
  runId: string;
  status: DigestStatus;
  /** The day the run counts for, in the digest's time zone (YYYY-MM-DD). */
  runDate: string;
  timeZone: string;
  forced: boolean;
  /** Everything at or below its reorder level, most urgent first. */
  items: DigestItem[];
  recipients: string[];
  subject: string | null;
  sesMessageId: string | null;
  /** already_sent: when today's digest went out. */
  previouslySentAt: string | null;
}

export const EmailKinds = {
  LowStock: 'low_stock',
  OutOfStock: 'out_of_stock',
  Digest: 'digest',
  PasswordReset: 'password_reset',
  Welcome: 'welcome',
} as const;

export type EmailKind = (typeof EmailKinds)[keyof typeof EmailKinds];

export const EMAIL_KINDS = Object.values(EmailKinds);

export const EmailStatuses = {
  /** SES accepted it. */
  Sent: 'sent',
  /** SES refused it for good (e.g. an unverified address in the SES sandbox): not retried. */
  Failed: 'failed',
  /** SES could not be reached or throttled: the attempt is retried. */
  Retrying: 'retrying',
  /** Not sent on purpose (no recipients, a link already expired, a stale alert). */
  Skipped: 'skipped',
} as const;

export type EmailStatus = (typeof EmailStatuses)[keyof typeof EmailStatuses];

export const EMAIL_STATUSES = Object.values(EmailStatuses);

/** One send attempt in the email log. */
export interface EmailLogEntry {
  id: string;
  kind: EmailKind;
  status: EmailStatus;
  recipients: string[];
  subject: string;
  /** The event that caused it (stock alerts, account emails); null for the digest. */
  eventId: string | null;
  /** The digest run that caused it; null otherwise. */
  digestRunId: string | null;
  productId: string | null;
  sesMessageId: string | null;
  /** Why SES refused it, or why it was skipped or will be retried. */
  error: string | null;
  correlationId: string | null;
  /** When the attempt ended (for a sent email: when SES accepted it). */
  at: string;
}

/**
 * One entry with the text of the email as it went out. The link of a password-reset email
 * is withheld: it signs its reader in as that user (see `withheldText`).
 */
export interface EmailLogEntryWithText extends EmailLogEntry {
  /** The plain-text body; null for attempts logged before bodies were kept. */
  text: string | null;
}

/** `notification.emails.get`. */
export class EmailLogIdDto {
  @IsUUID()
  id!: string;
}

/** `GET /alerts/emails`: newest first, optionally filtered. */
export class EmailLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES })
  @IsOptional()
  @IsIn(EMAIL_STATUSES)
  status?: EmailStatus;

  @ApiPropertyOptional({ enum: EMAIL_KINDS })
  @IsOptional()
  @IsIn(EMAIL_KINDS)
  kind?: EmailKind;

  @ApiPropertyOptional({ description: 'Only the emails caused by this event.' })
  @IsOptional()
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({
    example: '2026-11-24T00:00:00Z',
    description: 'Only attempts at or after this time (ISO 8601).',
  })
  @IsOptional()
  @IsDateString({}, { message: 'from must be an ISO 8601 date or time' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-25T00:00:00Z',
    description: 'Only attempts before this time (ISO 8601).',
  })
  @IsOptional()
  @IsDateString({}, { message: 'to must be an ISO 8601 date or time' })
  to?: string;
}
