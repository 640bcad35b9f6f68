import { ApiProperty } from '@nestjs/swagger';
import {
  EMAIL_KINDS,
  EMAIL_STATUSES,
  PageMetaDto,
  type EmailKind,
  type EmailLogEntry,
  type EmailLogEntryWithText,
  type EmailStatus,
  type Page,
} from '@inventory/contracts';

export class EmailLogEntryDto implements EmailLogEntry {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: EMAIL_KINDS, example: 'low_stock' })
  kind!: EmailKind;

  @ApiProperty({
    enum: EMAIL_STATUSES,
    example: 'sent',
    description:
      'sent: SES accepted it; failed: SES refused it for good (not retried); retrying: SES was unavailable, the event is delivered again; skipped: deliberately not sent (see error).',
  })
  status!: EmailStatus;

  @ApiProperty({ type: [String], example: ['stores@example.com'] })
  recipients!: string[];

  @ApiProperty({ example: 'Low Stock Alert - ESP32 DevKit (SKU: MCU-ESP-32)' })
  subject!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The event that caused it.',
  })
  eventId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The digest run that caused it.',
  })
  digestRunId!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  productId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0100019a1b2c3d4e-5f6a7b8c-0000-0000-0000-000000000000-000000',
  })
  sesMessageId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'MessageRejected: Email address is not verified.',
    description: "SES's reason for a failed attempt, or why it was skipped.",
  })
  error!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The request that caused it (X-Request-Id).',
  })
  correlationId!: string | null;

  @ApiProperty({ example: '2026-11-24T09:00:01.204Z', description: 'When the attempt ended.' })
  at!: string;
}

export class EmailLogPageDto extends PageMetaDto implements Page<EmailLogEntry> {
  @ApiProperty({ type: [EmailLogEntryDto] })
  items!: EmailLogEntryDto[];
}

export class EmailLogEntryWithTextDto extends EmailLogEntryDto implements EmailLogEntryWithText {
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The plain-text body as sent. A password-reset link is withheld (it would sign its reader in as that user).',
  })
  text!: string | null;
}
