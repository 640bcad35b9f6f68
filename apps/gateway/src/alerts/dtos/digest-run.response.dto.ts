import { ApiProperty } from '@nestjs/swagger';
import {
  DigestStatuses,
  type DigestItem,
  type DigestRunResult,
  type DigestStatus,
} from '@inventory/contracts';

export class DigestItemDto implements DigestItem {
  @ApiProperty({ format: 'uuid' })
  productId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'MCU-ESP-32' })
  sku!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ESP32 DevKit' })
  name!: string | null;

  @ApiProperty({ example: 8 })
  onHand!: number;

  @ApiProperty({ example: 10 })
  reorderLevel!: number;
}

export class DigestRunResponseDto implements DigestRunResult {
  @ApiProperty({ format: 'uuid' })
  runId!: string;

  @ApiProperty({
    enum: Object.values(DigestStatuses),
    example: 'sent',
    description:
      'sent; nothing_low (nothing sent); already_sent (today’s digest went out already and force was not given); no_recipients (the recipient list is empty).',
  })
  status!: DigestStatus;

  @ApiProperty({ example: '2026-11-24', description: 'The day the run counts for, in timeZone.' })
  runDate!: string;

  @ApiProperty({ example: 'UTC' })
  timeZone!: string;

  @ApiProperty()
  forced!: boolean;

  @ApiProperty({ type: [DigestItemDto], description: 'Everything at or below its reorder level.' })
  items!: DigestItemDto[];

  @ApiProperty({ type: [String] })
  recipients!: string[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Low Stock Alert - 2 Items Need Restocking',
  })
  subject!: string | null;

  @ApiProperty({ type: String, nullable: true })
  sesMessageId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'already_sent: when today’s digest went out.',
  })
  previouslySentAt!: string | null;
}
