import { ApiProperty } from '@nestjs/swagger';
import type { AlertRecipients } from '@inventory/contracts';

export class AlertRecipientsResponseDto implements AlertRecipients {
  @ApiProperty({ type: [String], example: ['stores@example.com', 'lab-manager@example.com'] })
  recipients!: string[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-11-24T09:12:03.511Z',
    description:
      'When an admin last changed the list; null while it is the one from ALERT_RECIPIENTS.',
  })
  updatedAt!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '8d3c5a4e-2f1b-4c9a-9a57-0c1f0d6b7e21',
    description: 'User id of the admin who changed it last.',
  })
  updatedBy!: string | null;
}
